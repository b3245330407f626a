// Structure and completeness apart: what was a validation problem and only says something is missing
// is now saved as typed and reported by the review, at the same path and with the same field message.
import { describe, expect, it } from 'vitest';
import { lintWorkspace } from '../lint';
import type { Workspace } from '../schema';
import { minimalWorkspace } from '../testing/fixtures';
import { validateComplete, validateWorkspace } from '../validate';
import { completenessGaps, completenessProblems, COMPLETENESS_RULE_IDS } from './completeness';

function edited(mutate: (w: any) => void): Workspace {
  const workspace = structuredClone(minimalWorkspace());
  mutate(workspace);
  return workspace;
}

describe('completeness', () => {
  it.each([
    ['empty name', (w: any) => (w.organization.name = ''), 'organization.name', /must not be empty/],
    ['jurisdictions', (w: any) => (w.organization.jurisdictions = []), 'organization.jurisdictions', /at least one/],
    ['email', (w: any) => (w.organization.contactEmail = 'not-an-email'), 'organization.contactEmail', /email address/],
    ['http url', (w: any) => (w.organization.website = 'http://acme.example'), 'organization.website', /https:\/\//],
    ['relative url', (w: any) => (w.organization.website = '/privacy'), 'organization.website', /absolute https/],
    ['no purpose', (w: any) => (w.dataTypes[0].purposes = []), 'dataTypes[0].purposes', /at least one entry/],
    ['empty retention', (w: any) => (w.dataTypes[0].retention = {}), 'dataTypes[0].retention', /how long the data is kept/],
    [
      'period alone',
      (w: any) => (w.dataTypes[0].retention = { period: { value: 1, unit: 'days' } }),
      'dataTypes[0].retention',
      /event it counts from/,
    ],
    [
      'unknown category',
      (w: any) => (w.dataTypes[0].category = 'user.favourite_colour'),
      'dataTypes[0].category',
      /not a data category in the fideslang taxonomy/,
    ],
    ['unknown subject', (w: any) => (w.dataTypes[0].subjects = ['martian']), 'dataTypes[0].subjects[0]', /not a data subject/],
    ['unknown use', (w: any) => (w.purposes[0].use = 'world.domination'), 'purposes[0].use', /not a data use/],
    [
      'a recipient narrowed to no purpose',
      (w: any) => (w.dataTypes[0].recipientPurposes = { aws: [] }),
      'dataTypes[0].recipientPurposes.aws',
      /at least one entry/,
    ],
    ['empty category', (w: any) => (w.dataTypes[0].category = ''), 'dataTypes[0].category', /must not be empty/],
    ['empty data type name', (w: any) => (w.dataTypes[0].name = ''), 'dataTypes[0].name', /must not be empty/],
    ['blank purpose name', (w: any) => (w.purposes[1].name = '  '), 'purposes[1].name', /must not be empty/],
    ['empty recipient name', (w: any) => (w.recipients[0].name = ''), 'recipients[0].name', /must not be empty/],
    ['empty collection point name', (w: any) => (w.collectionPoints[0].name = ''), 'collectionPoints[0].name', /must not be empty/],
    [
      'representative without a name',
      (w: any) => (w.organization.representatives = [{ region: 'eu', name: '' }]),
      'organization.representatives[0].name',
      /must not be empty/,
    ],
    [
      'supervisory authority with only its address',
      (w: any) => (w.organization.supervisoryAuthority = { url: 'https://www.dataprotection.ie' }),
      'organization.supervisoryAuthority.name',
      /is required/,
    ],
    [
      'supervisory authority address',
      (w: any) => (w.organization.supervisoryAuthority = { name: 'DPC', url: 'data protection' }),
      'organization.supervisoryAuthority.url',
      /absolute https/,
    ],
    ['DPO email', (w: any) => (w.organization.dpo = { email: 'dpo@' }), 'organization.dpo.email', /email address/],
    [
      'automated decision without logic',
      (w: any) => (w.purposes[0].automatedDecision = { logic: '', consequences: 'Refused.' }),
      'purposes[0].automatedDecision.logic',
      /must not be empty/,
    ],
    [
      'automated decision without consequences',
      (w: any) => (w.purposes[0].automatedDecision = { logic: 'A score.', consequences: '' }),
      'purposes[0].automatedDecision.consequences',
      /must not be empty/,
    ],
    ['empty criteria', (w: any) => (w.dataTypes[0].retention.criteria = ''), 'dataTypes[0].retention.criteria', /must not be empty/],
    [
      'recipient policy address',
      (w: any) => (w.recipients[0].privacyPolicyUrl = 'aws dot com'),
      'recipients[0].privacyPolicyUrl',
      /absolute https/,
    ],
    [
      'empty tracking domain',
      (w: any) => (w.recipients[0].trackingDomains = ['']),
      'recipients[0].trackingDomains[0]',
      /must not be empty/,
    ],
  ])('%s: the file is valid, and the review reports it at its path', (_label, mutate, path, message) => {
    const workspace = edited(mutate);
    const validated = validateWorkspace(workspace);
    expect(validated.problems).toEqual([]);
    expect(completenessProblems(workspace)).toContainEqual({ path, message: expect.stringMatching(message) });
    // The review reports it as an error at the same path, in a full sentence.
    const finding = lintWorkspace(workspace).find((f) => f.path === path && (COMPLETENESS_RULE_IDS as readonly string[]).includes(f.rule));
    expect(finding).toMatchObject({ severity: 'error', message: expect.stringMatching(/^[A-Z"].*\.$/) });
    // Imports still ask for it.
    expect(validateComplete(workspace).problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('finds nothing missing in a complete workspace', () => {
    expect(completenessGaps(minimalWorkspace())).toEqual([]);
    expect(validateComplete(minimalWorkspace()).ok).toBe(true);
  });

  it('accepts an address typed without a scheme, judging it as https://', () => {
    const workspace = edited((w) => {
      w.organization.website = 'stillwater.app';
      w.organization.privacyPolicyUrl = ' stillwater.app/privacy ';
      w.organization.contactEmail = ' Hello@Stillwater.APP ';
    });
    expect(validateWorkspace(workspace).ok).toBe(true);
    expect(completenessGaps(workspace)).toEqual([]);
  });

  it('keeps working on a workspace as the editor starts one: blank names, no purpose, no law', () => {
    const workspace = edited((w) => {
      w.organization = { name: '', jurisdictions: [] };
      w.purposes = [{ id: 'new-purpose', name: '' }];
      w.dataTypes = [{ id: 'new-data-type', name: '', category: '', purposes: [] }];
      w.recipients = [];
      w.collectionPoints = [];
    });
    expect(validateWorkspace(workspace).ok).toBe(true);
    const findings = lintWorkspace(workspace);
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.path} ${f.rule}`)).toEqual(
      expect.arrayContaining([
        'organization.name name-missing',
        'organization.jurisdictions no-jurisdiction',
        'purposes[0].name name-missing',
        'dataTypes[0].name name-missing',
        'dataTypes[0].category category-missing',
        'dataTypes[0].purposes no-purpose',
      ]),
    );
  });

  it('works out an unchanged entry once, so a keystroke re-checks only the entry it changed', () => {
    const workspace = edited((w) => (w.dataTypes[0].purposes = []));
    const first = completenessGaps(workspace);
    const again = completenessGaps({ ...workspace, purposes: [...workspace.purposes] });
    expect(again).toEqual(first);
    const fixed = { ...workspace, dataTypes: [{ ...workspace.dataTypes[0], purposes: ['provide-service'] }] };
    expect(completenessGaps(fixed)).toEqual([]);
  });
});

describe('structure', () => {
  it('still refuses what makes the file unreadable or ambiguous', () => {
    const broken = edited((w) => {
      w.dataTypes[0].name = 7;
      w.dataTypes[0].purposes = ['gone'];
      w.purposes.push({ id: 'analytics', name: 'Again' });
    });
    expect(validateWorkspace(broken).problems.map((p) => p.path)).toEqual([
      'purposes[2].id',
      'dataTypes[0].name',
      'dataTypes[0].purposes[0]',
    ]);
  });
});
