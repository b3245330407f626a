import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, describeValue, validateWorkspace, formatPath, parsePath, type Problem } from './validate';
import { minimalWorkspace } from './testing/fixtures';
import type { Workspace } from './schema';

function problemsOf(mutate: (w: Workspace & Record<string, any>) => void): Problem[] {
  const workspace = structuredClone(minimalWorkspace()) as Workspace & Record<string, any>;
  mutate(workspace);
  const result = validateWorkspace(workspace);
  return result.ok ? [] : result.problems;
}

function expectProblem(mutate: (w: any) => void, path: string, message: RegExp) {
  const problems = problemsOf(mutate);
  expect(problems, JSON.stringify(problems)).toContainEqual({ path, message: expect.stringMatching(message) });
}

describe('validateWorkspace', () => {
  it('accepts a valid workspace and fills the empty lists', () => {
    const result = validateWorkspace(minimalWorkspace());
    expect(result.ok).toBe(true);
    const bare = validateWorkspace({ format: 'candor/workspace', version: 1, organization: { name: 'X', jurisdictions: ['gdpr'] } });
    expect(bare.ok && bare.workspace.dataTypes).toEqual([]);
  });

  it('refuses what is not an object', () => {
    for (const value of [null, [], 42, 'text']) {
      expect(validateWorkspace(value)).toMatchObject({ ok: false, problems: [{ path: '' }] });
    }
  });

  it.each([
    ['format', (w: any) => (w.format = 'other'), 'format', /must be "candor\/workspace"/],
    ['version', (w: any) => (w.version = 'one'), 'version', /must be 1/],
    ['required name', (w: any) => delete w.organization.name, 'organization.name', /is required/],
    [
      'unknown jurisdiction',
      (w: any) => (w.organization.jurisdictions = ['pipl']),
      'organization.jurisdictions[0]',
      /must be "gdpr", "uk-gdpr", "ccpa" or the id of a US state such as "us-va"/,
    ],
    [
      'duplicate jurisdiction',
      (w: any) => (w.organization.jurisdictions = ['gdpr', 'gdpr']),
      'organization.jurisdictions[1]',
      /listed twice/,
    ],
    ['wrong type', (w: any) => (w.dataTypes[0].required = 'yes'), 'dataTypes[0].required', /true or false, not text/],
    ['number type', (w: any) => (w.dataTypes[0].name = 7), 'dataTypes[0].name', /must be text, not a whole number/],
    ['bad slug', (w: any) => (w.dataTypes[0].id = 'Email Address'), 'dataTypes[0].id', /lower-case slug/],
    ['bad reference slug', (w: any) => (w.dataTypes[0].purposes = ['Provide']), 'dataTypes[0].purposes[0]', /lower-case slug/],
    ['date format', (w: any) => (w.dataTypes[0].reviewedOn = '02/10/2026'), 'dataTypes[0].reviewedOn', /YYYY-MM-DD/],
    ['impossible date', (w: any) => (w.dataTypes[0].reviewedOn = '2026-02-30'), 'dataTypes[0].reviewedOn', /real calendar date/],
    ['settings date', (w: any) => (w.settings.effectiveDate = '2026-13-01'), 'settings.effectiveDate', /real calendar date/],
    ['country', (w: any) => (w.recipients[0].country = 'XX'), 'recipients[0].country', /ISO 3166-1/],
    ['lower-case country', (w: any) => (w.recipients[0].country = 'us'), 'recipients[0].country', /in capitals/],
    ['role', (w: any) => (w.recipients[0].role = 'vendor'), 'recipients[0].role', /one of "processor"/],
    ['permission', (w: any) => (w.collectionPoints[0].permission = 'gps'), 'collectionPoints[0].permission', /one of/],
    [
      'apple type',
      (w: any) => (w.dataTypes[0].classification = { apple: 'Body' }),
      'dataTypes[0].classification.apple',
      /Apple's 35 data types/,
    ],
    [
      'play type',
      (w: any) => (w.dataTypes[0].classification = { play: 'PSL_BODY' }),
      'dataTypes[0].classification.play',
      /Google Play's 38/,
    ],
    ['ccpa category', (w: any) => (w.dataTypes[0].classification = { ccpa: ['health'] }), 'dataTypes[0].classification.ccpa[0]', /one of/],
    ['period value', (w: any) => (w.dataTypes[0].retention.period.value = 0), 'dataTypes[0].retention.period.value', /at least 1/],
    [
      'period unit',
      (w: any) => (w.dataTypes[0].retention.period.unit = 'fortnights'),
      'dataTypes[0].retention.period.unit',
      /one of "days"/,
    ],
    ['duplicate id', (w: any) => w.purposes.push({ id: 'analytics', name: 'Again' }), 'purposes[2].id', /already the id of purposes\[1\]/],
    ['missing purpose', (w: any) => (w.dataTypes[0].purposes = ['billing']), 'dataTypes[0].purposes[0]', /no purpose has the id "billing"/],
    [
      'missing recipient',
      (w: any) => (w.dataTypes[0].recipients = ['aws', 'gcp']),
      'dataTypes[0].recipients[1]',
      /no recipient has the id "gcp"/,
    ],
    [
      'missing collection point',
      (w: any) => (w.dataTypes[0].collectedAt = ['web']),
      'dataTypes[0].collectedAt[0]',
      /no collection point has the id "web"/,
    ],
    [
      'cookie provider that is not a recipient',
      (w: any) =>
        (w.collectionPoints[0].cookies = [
          { name: '_ga', provider: 'aws' },
          { name: '_gid', provider: 'google' },
        ]),
      'collectionPoints[0].cookies[1].provider',
      /no recipient has the id "google"; add it under Recipients/,
    ],
    ['repeated reference', (w: any) => (w.dataTypes[0].purposes = ['analytics', 'analytics']), 'dataTypes[0].purposes[1]', /listed twice/],
    [
      'a recipient narrowed that the data type does not have',
      (w: any) => (w.dataTypes[0].recipientPurposes = { gcp: ['provide-service'] }),
      'dataTypes[0].recipientPurposes.gcp',
      /"gcp" is not one of this data type's recipients/,
    ],
    [
      'a recipient narrowed to a purpose the data type does not have',
      (w: any) => (w.dataTypes[0].recipientPurposes = { aws: ['provide-service', 'analytics'] }),
      'dataTypes[0].recipientPurposes.aws[1]',
      /"analytics" is not one of this data type's purposes/,
    ],
    [
      'a financial incentive naming a data type that does not exist',
      (w: any) => (w.financialIncentives = [{ id: 'discount', name: '10% off', dataTypes: [w.dataTypes[0].id, 'loyalty-card'] }]),
      'financialIncentives[0].dataTypes[1]',
      /no data type has the id "loyalty-card"; add it under Data types or remove it from the incentive/,
    ],
    [
      'a data type listed twice in a financial incentive',
      (w: any) => (w.financialIncentives = [{ id: 'discount', name: '10% off', dataTypes: [w.dataTypes[0].id, w.dataTypes[0].id] }]),
      'financialIncentives[0].dataTypes[1]',
      /listed twice/,
    ],
    [
      'two financial incentives with one id',
      (w: any) =>
        (w.financialIncentives = [
          { id: 'discount', name: '10% off' },
          { id: 'discount', name: '20% off' },
        ]),
      'financialIncentives[1].id',
      /already the id of financialIncentives\[0\]/,
    ],
    [
      'representative region',
      (w: any) => (w.organization.representatives = [{ region: 'us', name: 'X' }]),
      'organization.representatives[0].region',
      /one of "eu" or "uk"/,
    ],
  ])('reports %s with its path', (_label, mutate, path, message) => {
    expectProblem(mutate, path, message);
  });

  it('reports every problem at once, in file order', () => {
    const problems = problemsOf((w) => {
      w.dataTypes[0].purposes = ['nope'];
      (w.organization as any).website = 42;
      w.recipients[0].country = 'ZZ';
    });
    expect(problems.map((p) => p.path)).toEqual(['organization.website', 'recipients[0].country', 'dataTypes[0].purposes[0]']);
  });

  it('keeps unknown keys from a newer minor revision', () => {
    const result = validateWorkspace({
      ...minimalWorkspace(),
      futureField: { a: 1 },
      dataTypes: [{ ...minimalWorkspace().dataTypes[0], extra: true }],
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect((result.workspace as any).futureField).toEqual({ a: 1 });
      expect((result.workspace.dataTypes[0] as any).extra).toBe(true);
    }
  });
});

describe('paths', () => {
  it('formats and parses validation paths', () => {
    expect(formatPath(['dataTypes', 3, 'purposes', 0])).toBe('dataTypes[3].purposes[0]');
    expect(parsePath('dataTypes[3].retention.period.value')).toEqual(['dataTypes', 3, 'retention', 'period', 'value']);
  });
});

describe('validateWorkspace with trusted entries', () => {
  it('finds the same problems as a full validation when only untrusted entries changed', () => {
    const base = validateWorkspace(minimalWorkspace());
    if (!base.ok) throw new Error('fixture invalid');
    const trusted = new WeakSet<object>([...base.workspace.purposes, ...base.workspace.recipients, ...base.workspace.dataTypes]);
    const edited: any = { ...base.workspace, dataTypes: [{ ...base.workspace.dataTypes[0], required: 'yes', purposes: ['gone'] }] };
    const full = validateWorkspace(edited);
    const incremental = validateWorkspace(edited, { trusted });
    expect(incremental).toEqual(full);
    expect(full.ok).toBe(false);
  });

  it('still checks references and ids across trusted entries', () => {
    const base = validateWorkspace(minimalWorkspace());
    if (!base.ok) throw new Error('fixture invalid');
    const trusted = new WeakSet<object>([...base.workspace.purposes, ...base.workspace.dataTypes]);
    const withoutPurpose: any = { ...base.workspace, purposes: [base.workspace.purposes[1]] };
    const result = validateWorkspace(withoutPurpose, { trusted });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['dataTypes[0].purposes[0]']);
  });

  it('with the previous workspace, checks again what an edit can break: the edited data type, and every one once a list it refers to changed', () => {
    const base = validateWorkspace(minimalWorkspace());
    if (!base.ok) throw new Error('fixture invalid');
    const previous = base.workspace;
    const trusted = new WeakSet<object>([...previous.purposes, ...previous.recipients, ...previous.dataTypes]);
    const options = { trusted, previous };
    // The edited data type refers to a purpose that does not exist; the lists are the previous ones.
    const edited: any = { ...previous, dataTypes: [{ ...previous.dataTypes[0], purposes: ['gone'] }, ...previous.dataTypes.slice(1)] };
    expect(validateWorkspace(edited, options)).toEqual(validateWorkspace(edited));
    expect(validateWorkspace(edited, options).ok).toBe(false);
    // The data type is unchanged, but the purpose it refers to was removed from a new purposes list.
    const withoutPurpose: any = { ...previous, purposes: previous.purposes.filter((p) => !previous.dataTypes[0].purposes.includes(p.id)) };
    expect(validateWorkspace(withoutPurpose, options)).toEqual(validateWorkspace(withoutPurpose));
    expect(validateWorkspace(withoutPurpose, options).ok).toBe(false);
    // Nothing changed: nothing to report.
    expect(validateWorkspace({ ...previous }, options).ok).toBe(true);
  });

  it('keeps the identity of trusted entries in the result, so caches keyed on them stay valid', () => {
    const base = validateWorkspace(minimalWorkspace());
    if (!base.ok) throw new Error('fixture invalid');
    const trusted = new WeakSet<object>(base.workspace.dataTypes);
    const result = validateWorkspace({ ...base.workspace }, { trusted });
    expect(result.ok && result.workspace.dataTypes[0]).toBe(base.workspace.dataTypes[0]);
  });
});

describe('describeIssue', () => {
  function messages(schema: z.ZodType, input: unknown): string[] {
    const parsed = schema.safeParse(input, { reportInput: true });
    return parsed.success ? [] : parsed.error.issues.map(describeIssue);
  }

  it('says what is missing, what type was given and which fields are unknown', () => {
    const schema = z.strictObject({ path: z.string(), count: z.int(), on: z.boolean() });
    expect(messages(schema, { count: 1.5, on: 'yes', extra: 1 })).toEqual([
      'is required',
      'must be a whole number, not a number',
      'must be true or false, not text',
      'has unknown field "extra"',
    ]);
    expect(messages(z.strictObject({}), { one: 1, two: 2 })).toEqual(['has unknown fields "one", "two"']);
  });

  it('gives lengths and bounds in words', () => {
    expect(messages(z.string().min(1), '')).toEqual(['must not be empty']);
    expect(messages(z.string().min(3), 'ab')).toEqual(['must be at least 3 characters']);
    expect(messages(z.string().max(300), 'x'.repeat(301))).toEqual(['must be at most 300 characters']);
    expect(messages(z.array(z.string()).min(1), [])).toEqual(['must list at least one entry']);
    expect(messages(z.number().gt(0), 0)).toEqual(['must be more than 0']);
    expect(messages(z.number().max(10), 11)).toEqual(['must be at most 10']);
  });

  it('lists the allowed values, joined with "or"', () => {
    expect(messages(z.enum(['gdpr', 'uk-gdpr', 'ccpa']), 'eu')).toEqual(['must be one of "gdpr", "uk-gdpr" or "ccpa"']);
    expect(messages(z.literal(1), 2)).toEqual(['must be 1']);
  });

  it('keeps a message written in the schema', () => {
    expect(messages(z.string().regex(/^a/, 'must start with an a'), 'b')).toEqual(['must start with an a']);
    expect(messages(z.enum(['x', 'y'], { error: 'must be x or y, the two kinds' }), 'z')).toEqual(['must be x or y, the two kinds']);
  });
});

describe('describeValue', () => {
  it('names what a value is in plain words', () => {
    expect([undefined, null, [], '', 'a', 7, 7.5, true, false, {}].map(describeValue)).toEqual([
      'nothing',
      'null',
      'a list',
      'empty text',
      'text',
      'a whole number',
      'a number',
      'true',
      'false',
      'an object',
    ]);
  });
});
