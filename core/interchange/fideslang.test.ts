import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import sampleJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { plainText } from '../documents/text';
import type { Workspace } from '../schema';
import { CATEGORY_BY_KEY, SUBJECT_BY_KEY, USE_BY_KEY } from '../taxonomy';
import { HOSTILE_STRINGS, workspaceArbitrary } from '../testing/arbitraries';
import { minimalWorkspace } from '../testing/fixtures';
import { validateWorkspace } from '../validate';
import { addFideslangSuggestions, fideslangSystem, fideslangSystemYaml, parseFideslang } from './fideslang';
import { golden } from '../testing/golden';

function valid(input: unknown): Workspace {
  const result = validateWorkspace(input);
  if (!result.ok) throw new Error(`not a valid workspace: ${JSON.stringify(result.problems)}`);
  return result.workspace;
}

const sample = valid(sampleJson);
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

type Declaration = Record<string, unknown> & {
  name: string;
  data_categories: string[];
  data_use: string;
  data_subjects: string[];
  egress?: string[];
};
type System = Record<string, unknown> & {
  privacy_declarations: Declaration[];
  egress?: { fides_key: string; type: string; data_categories: string[] }[];
};

function exportedSystem(ws: Workspace): System {
  const parsed = parseYaml(fideslangSystemYaml(ws)) as { system: System[] };
  expect(Object.keys(parsed)).toEqual(['system']);
  expect(parsed.system).toHaveLength(1);
  return parsed.system[0];
}

describe('fideslangSystemYaml', () => {
  const system = exportedSystem(sample);

  it('is one fideslang system with the organisation and its controller facts', () => {
    expect(system).toMatchObject({
      fides_key: 'ridgeline',
      name: 'Ridgeline',
      system_type: 'Application',
      legal_name: 'Ridgeline Outdoor GmbH',
      legal_address: 'Sendlinger Straße 28, 80331 München, Germany',
      privacy_policy: 'https://ridgeline.example/privacy',
      dpo: 'dpo@ridgeline.example',
      responsibility: ['Controller'],
      joint_controller_info: 'Meta Platforms Ireland Limited',
      does_international_transfers: true,
      uses_profiling: true,
    });
    expect(typeof system.description).toBe('string');
    expect(system.fides_key).toMatch(/^[a-zA-Z0-9_.<>-]+$/);
    // MapTiler (Switzerland) and Sentry (DPF-certified) are adequate; Twilio has BCRs; Zendesk the EU clauses, and
    // the UK IDTA, which fideslang has no value for.
    expect(system.legal_basis_for_transfers).toEqual(['Adequacy Decision', 'BCRs', 'SCCs', 'Other']);
    expect(system.third_country_transfers).toEqual(['CHE', 'USA']);
  });

  it('has one privacy declaration per purpose with its data categories, data use and subjects', () => {
    expect(system.privacy_declarations.map((d) => d.name)).toEqual(sample.purposes.map((p) => p.name));
    for (const [i, purpose] of sample.purposes.entries()) {
      const declaration = system.privacy_declarations[i];
      const dataTypes = sample.dataTypes.filter((d) => d.purposes.includes(purpose.id));
      expect(declaration.data_use).toBe(purpose.use);
      expect(declaration.data_categories).toEqual([...new Set(dataTypes.map((d) => d.category))]);
      for (const key of declaration.data_categories) expect(CATEGORY_BY_KEY.has(key), key).toBe(true);
      for (const key of declaration.data_subjects) expect(SUBJECT_BY_KEY.has(key), key).toBe(true);
      expect(USE_BY_KEY.has(declaration.data_use)).toBe(true);
    }
    const alerts = system.privacy_declarations.find((d) => d.name.startsWith('Alert your emergency contact'))!;
    expect(alerts.data_subjects).toEqual(['customer', 'next_of_kin']);
    expect(alerts.legal_basis_for_processing).toBe('Legitimate interests');
    const heart = system.privacy_declarations.find((d) => d.name === 'Show your effort from your heart rate')!;
    expect(heart).toMatchObject({
      processes_special_category_data: true,
      special_category_legal_basis: 'Explicit consent',
      legal_basis_for_processing: 'Consent',
    });
    const ads = system.privacy_declarations.find((d) => d.name === 'Measure our advertising on Meta')!;
    expect(ads).toMatchObject({ data_shared_with_third_parties: true, third_parties: 'Meta Platforms Ireland Limited', egress: ['meta'] });
  });

  it('sends data to the recipients as egress data flows that the declarations reference', () => {
    const flows = new Map(system.egress!.map((f) => [f.fides_key, f]));
    expect(flows.get('sentry')).toEqual({ fides_key: 'sentry', type: 'system', data_categories: ['system.operations'] });
    for (const declaration of system.privacy_declarations) {
      for (const key of declaration.egress ?? []) expect(flows.has(key), `${declaration.name} → ${key}`).toBe(true);
    }
  });

  it('lists in each declaration only the recipients that receive data for its purpose (recipientPurposes)', () => {
    const declaration = (name: string) => system.privacy_declarations.find((d) => d.name === name)!;
    // Recorded routes go to the rescue services only for rescue assistance, to Brevo and Twilio only for alerts.
    expect(declaration('Record, save and sync your hikes and runs').egress).not.toContain('mountain-rescue');
    expect(declaration('Record, save and sync your hikes and runs').egress).not.toContain('twilio');
    const rescue = system.privacy_declarations.find((d) => d.egress?.includes('mountain-rescue'))!;
    expect(rescue.data_use).toBe('third_party_sharing');
    expect(rescue).toMatchObject({ data_shared_with_third_parties: true });
    // Subscription records reach the tax office only as accounting records.
    const taxOffice = system.privacy_declarations.filter((d) => d.egress?.includes('tax-office'));
    expect(taxOffice.map((d) => d.data_use)).toEqual(['essential.legal_obligation']);
    // Without the map, each recipient counts for every purpose of the data type, as before.
    const all = structuredClone(sample);
    for (const d of all.dataTypes) delete d.recipientPurposes;
    expect(exportedSystem(all).privacy_declarations.filter((d) => d.egress?.includes('tax-office')).length).toBeGreaterThan(1);
  });

  it('keeps the taxonomy attribution (CC BY 4.0) in a comment', () => {
    const text = fideslangSystemYaml(sample);
    expect(
      text
        .split('\n')
        .slice(0, 3)
        .every((line) => line.startsWith('#')),
    ).toBe(true);
    expect(text).toMatch(/^# .*licensed CC BY 4\.0 by Ethyca, Inc\./m);
    expect(text).toContain('https://creativecommons.org/licenses/by/4.0/');
  });

  it('matches the golden file', () => golden(import.meta.url, 'fideslang-system.yml', fideslangSystemYaml(sample)));

  it('leaves out purposes fideslang cannot declare, and says why in the file', () => {
    const ws = minimalWorkspace();
    ws.purposes.push({ id: 'no-use', name: 'Without a data use' }, { id: 'unused', name: 'Unused', use: 'marketing' });
    ws.dataTypes[0].purposes.push('no-use');
    const { system, skipped } = fideslangSystem(valid(ws));
    expect((system.privacy_declarations as Declaration[]).map((d) => d.name)).toEqual(['Provide the service']);
    expect(skipped.map((s) => s.purposeId)).toEqual(['analytics', 'no-use', 'unused']);
    expect(skipped[1].reason).toBe(
      'The purpose "Without a data use" has no data use, which fideslang requires; choose one under Purposes.',
    );
    const text = fideslangSystemYaml(valid(ws));
    expect(text).toMatch(/^# {3}- no-use: The purpose "Without a data use" has no data use/m);
  });

  it('is valid YAML that keeps every name as one line of text, for hostile text too', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true, maxDataTypes: 4 }), (ws) => {
        const system = exportedSystem(ws);
        expect(system.name).toBe(plainText(ws.organization.name));
        for (const d of system.privacy_declarations) expect(d.name).not.toMatch(/[\n\r]/);
      }),
      { numRuns: 40 },
    );
    const ws = minimalWorkspace();
    ws.organization.name = HOSTILE_STRINGS.join(' ');
    ws.purposes[0].name = 'a\n# injected: comment\nsystem: []';
    const system = exportedSystem(valid(ws));
    expect(system.privacy_declarations[0].name).toBe('a # injected: comment system: []');
  });
});

describe('parseFideslang: a system', () => {
  const imported = parseFideslang(fixture('system.yml'), minimalWorkspace());

  it('suggests one data type per category, named from the taxonomy, with purposes matched by data use', () => {
    expect(imported.kind).toBe('system');
    expect(imported.suggestions.map((s) => [s.dataType.id, s.dataType.name, s.dataType.category, s.dataType.purposes])).toEqual([
      ['email', 'Email', 'user.contact.email', ['provide-service', 'analytics']],
      ['password', 'Password', 'user.authorization.password', ['provide-service']],
      ['browsing-history', 'Browsing History', 'user.behavior.browsing_history', ['analytics']],
      ['biometric-health-data', 'Biometric Health Data', 'user.biometric.health', ['heart-rate-coaching']],
    ]);
    expect(imported.suggestions[0].existing).toEqual(['email-address']);
    expect(imported.suggestions[0].from).toMatchObject({
      line: 10,
      column: 13,
      path: 'system[0].privacy_declarations[0].data_categories[0]',
    });
    expect(imported.suggestions[3].dataType.specialCondition).toBe('explicit-consent');
    expect(imported.suggestions.every((s) => s.problems.length === 0)).toBe(true);
  });

  it('suggests a purpose for a data use the workspace has no purpose for', () => {
    expect(imported.purposes).toEqual([
      { id: 'heart-rate-coaching', name: 'Heart-rate coaching', use: 'personalize.content.limited', lawfulBasis: 'consent' },
    ]);
    expect(imported.suggestions[3].newPurposes).toEqual(['heart-rate-coaching']);
  });

  it('reports unknown categories and subjects where they are in the YAML', () => {
    expect(imported.problems).toEqual([
      {
        path: 'system[0].privacy_declarations[1].data_categories[2]',
        line: 20,
        column: 13,
        severity: 'error',
        message:
          '"user.favourite_colour" is not a data category in the fideslang taxonomy Candor knows, so no data type is suggested for it; use a key such as "user.contact.email", or add the data type by hand.',
      },
      {
        path: 'system[0].privacy_declarations[1].data_subjects[1]',
        line: 24,
        column: 13,
        severity: 'warning',
        message: '"unicorn" is not a data subject in the fideslang taxonomy; it is left out. Use a key such as "customer" or "employee".',
      },
    ]);
  });

  it('reads back what Candor exports: every category of the sample, each purpose found by its name', () => {
    const bare = { ...sample, dataTypes: [] };
    const back = parseFideslang(fideslangSystemYaml(sample), bare);
    expect(back.problems).toEqual([]);
    expect(back.purposes).toEqual([]);
    expect(new Set(back.suggestions.map((s) => s.dataType.category))).toEqual(new Set(sample.dataTypes.map((d) => d.category)));
    for (const suggestion of back.suggestions) {
      const expected = new Set(sample.dataTypes.filter((d) => d.category === suggestion.dataType.category).flatMap((d) => d.purposes));
      expect(new Set(suggestion.dataType.purposes), suggestion.dataType.category).toEqual(expected);
    }
  });
});

describe('parseFideslang: a dataset', () => {
  const imported = parseFideslang(fixture('dataset.yml'), minimalWorkspace());

  it('suggests a data type per categorised field, named after its path, with purposes from the data uses', () => {
    expect(imported.kind).toBe('dataset');
    expect(imported.suggestions.map((s) => [s.dataType.id, s.dataType.name, s.dataType.category, s.dataType.purposes])).toEqual([
      ['users', 'users', 'user.account', ['provide-service']],
      ['users-email', 'users.email', 'user.contact.email', ['provide-service']],
      ['users-id', 'users.id', 'system.operations', ['provide-service']],
      ['users-address-city', 'users.address.city', 'user.contact.address.city', ['provide-service']],
      [
        'users-address-postcode-postal-code',
        'users.address.postcode (Postal Code)',
        'user.contact.address.postal_code',
        ['provide-service'],
      ],
      [
        'users-address-postcode-imprecise-location',
        'users.address.postcode (Imprecise Location)',
        'user.location.imprecise',
        ['provide-service'],
      ],
      ['events-page', 'events.page', 'user.behavior.browsing_history', ['analytics']],
    ]);
    expect(imported.suggestions[1].dataType.description).toBe('Sign-in email address');
    expect(imported.suggestions[6].dataType.subjects).toEqual(['anonymous_user']);
    expect(imported.suggestions[4].from).toMatchObject({
      line: 25,
      column: 21,
      path: 'dataset[0].collections[0].fields[2].fields[1].data_categories[0]',
    });
  });

  it('reports an unknown category with its line and column', () => {
    expect(imported.problems).toEqual([
      expect.objectContaining({
        path: 'dataset[0].collections[0].fields[3].data_categories[0]',
        line: 29,
        column: 17,
        severity: 'error',
        message: expect.stringMatching(/^"user\.shoe_size" is not a data category/),
      }),
    ]);
  });

  it('asks for a purpose when nothing says what a field is used for', () => {
    const bare = parseFideslang(
      'dataset:\n  - fides_key: logs\n    collections:\n      - name: requests\n        fields:\n          - name: ip\n            data_categories: [user.device.ip_address]\n',
      minimalWorkspace(),
    );
    expect(bare.suggestions).toHaveLength(1);
    expect(bare.suggestions[0].dataType.purposes).toEqual([]);
    expect(bare.suggestions[0].problems[0].message).toBe(
      'Nothing in the file says what "requests.ip" is used for; choose at least one purpose for it before adding it.',
    );
  });
});

describe('parseFideslang: files that are not fideslang', () => {
  it('reports invalid YAML with its line', () => {
    const result = parseFideslang('system:\n  - name: "unclosed\n    fides_key: x\n', minimalWorkspace());
    expect(result.suggestions).toEqual([]);
    expect(result.problems[0]).toMatchObject({
      severity: 'error',
      line: expect.any(Number),
      message: expect.stringMatching(/^The file is not valid YAML at line \d+, column \d+: .+\. Fix the YAML and read it again\.$/),
    });
  });

  it('says what it expected from YAML that is neither a system nor a dataset', () => {
    const result = parseFideslang('policy:\n  - fides_key: p\n', minimalWorkspace());
    expect(result.kind).toBe('none');
    expect(result.problems.at(-1)?.message).toBe(
      'The file has no fideslang system or dataset: expect a "system:" list of systems with privacy_declarations, or a "dataset:" list of datasets with collections.',
    );
  });

  it('reads a bare system without the system: list', () => {
    const result = parseFideslang(
      'fides_key: one\nprivacy_declarations:\n  - data_categories: [user.contact.phone_number]\n    data_use: essential.service\n',
      minimalWorkspace(),
    );
    expect(result.suggestions.map((s) => [s.dataType.category, s.dataType.purposes])).toEqual([
      ['user.contact.phone_number', ['provide-service']],
    ]);
  });
});

describe('addFideslangSuggestions', () => {
  it('adds the chosen suggestions and the purposes they need, with ids unique in the workspace as it is now', () => {
    const workspace = minimalWorkspace();
    const imported = parseFideslang(fixture('system.yml'), workspace);
    // Since the file was read, the workspace gained a data type called "password".
    const now = valid({
      ...workspace,
      dataTypes: [...workspace.dataTypes, { ...workspace.dataTypes[0], id: 'password', name: 'Password' }],
    });
    const chosen = imported.suggestions.filter((s) => s.dataType.id !== 'browsing-history');
    const result = addFideslangSuggestions(now, chosen, imported.purposes);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.added).toEqual(['email', 'password-2', 'biometric-health-data']);
    expect(result.purposesAdded).toEqual(['heart-rate-coaching']);
    expect(result.workspace.dataTypes.map((d) => d.id)).toEqual([
      'email-address',
      'password',
      'email',
      'password-2',
      'biometric-health-data',
    ]);
    expect(result.workspace.purposes.at(-1)).toEqual(imported.purposes[0]);
    expect(validateWorkspace(result.workspace).ok).toBe(true);
    // The workspace given is not changed.
    expect(now.dataTypes).toHaveLength(2);

    // A purpose already added by an earlier pick is not added twice.
    const again = addFideslangSuggestions(result.workspace, [imported.suggestions[3]], imported.purposes);
    expect(again.ok && again.purposesAdded).toEqual([]);
    expect(again.ok && again.workspace.dataTypes.at(-1)).toMatchObject({
      id: 'biometric-health-data-2',
      purposes: ['heart-rate-coaching'],
    });
  });

  it('renames a suggested purpose whose id was taken meanwhile, and the data types follow', () => {
    const workspace = minimalWorkspace();
    const imported = parseFideslang(fixture('system.yml'), workspace);
    const now = valid({
      ...workspace,
      purposes: [...workspace.purposes, { id: 'heart-rate-coaching', name: 'Something else', use: 'marketing' }],
    });
    const result = addFideslangSuggestions(now, [imported.suggestions[3]], imported.purposes);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.purposesAdded).toEqual(['heart-rate-coaching-2']);
    expect(result.workspace.dataTypes.at(-1)?.purposes).toEqual(['heart-rate-coaching-2']);
  });

  it('adds nothing, and says which suggestion is wrong, when one would make the workspace invalid', () => {
    const workspace = minimalWorkspace();
    const imported = parseFideslang(fixture('dataset.yml'), workspace);
    const unused = { ...imported.suggestions[2], dataType: { ...imported.suggestions[2].dataType, purposes: [] } };
    const result = addFideslangSuggestions(workspace, [imported.suggestions[1], unused]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ suggestion: 1, message: '"users.id": purposes must list at least one entry.' }]);
  });
});
