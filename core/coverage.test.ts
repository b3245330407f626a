import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import sampleJson from '../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { coverageMatrix, type CoverageSection } from './coverage';
import { lintWorkspace, type Finding } from './lint';
import { cleanWorkspace } from './lint/fixtures';
import { workspaceFacts } from './lint/facts';
import { JURISDICTIONS, type Workspace } from './schema';
import { workspaceArbitrary } from './testing/arbitraries';
import { validateWorkspace } from './validate';

function valid(input: unknown): Workspace {
  const result = validateWorkspace(JSON.parse(JSON.stringify(input)));
  if (!result.ok) throw new Error(`not a valid workspace: ${JSON.stringify(result.problems)}`);
  return result.workspace;
}

function variant(edit: (ws: Workspace) => void): Workspace {
  const ws = cleanWorkspace();
  edit(ws);
  return valid(ws);
}

function requirement(sections: CoverageSection[], section: string, id: string) {
  const found = sections.find((s) => s.id === section)?.requirements.find((r) => r.id === id);
  if (!found) throw new Error(`no requirement ${section}/${id}`);
  return found;
}

// Every rule any requirement can be missing because of: the clean workspace has all five sections of
// GDPR, UK GDPR, CCPA and the stores, and with every US state the state laws' section too.
const withEveryState = (() => {
  const ws = cleanWorkspace();
  ws.organization.jurisdictions = [...JURISDICTIONS];
  return ws;
})();
const COVERAGE_RULES = new Set(
  [cleanWorkspace(), withEveryState].flatMap((ws) => coverageMatrix(ws).flatMap((s) => s.requirements.flatMap((r) => r.rules))),
);

/** The matrix and the findings agree both ways, and every requirement is well formed. */
function expectAgreement(ws: Workspace) {
  const findings = lintWorkspace(ws);
  const sections = coverageMatrix(ws, { findings });
  const missing = sections.flatMap((s) => s.requirements.filter((r) => r.status === 'missing'));
  for (const s of sections) {
    const counts = { met: 0, missing: 0, 'not-applicable': 0 };
    for (const r of s.requirements) {
      counts[r.status]++;
      expect(r.why).toMatch(/\S\.$/);
      expect(r.why).not.toMatch(/undefined|\[object|NaN|^\.|: \./);
      if (r.status === 'missing') {
        // A missing item names the field to fix, and a finding of one of its rules stands at each path.
        expect(r.paths?.length).toBeGreaterThan(0);
        expect(r.path).toBe(r.paths![0]);
        for (const path of r.paths!) {
          expect(
            findings.some((f) => f.path === path && r.rules.includes(f.rule)),
            `${s.id}/${r.id} at ${path}`,
          ).toBe(true);
        }
      } else {
        expect(r.path).toBeUndefined();
      }
    }
    expect(s.counts).toEqual(counts);
  }
  // Conversely, every finding about a coverage item makes that item missing somewhere.
  for (const f of findings.filter((finding: Finding) => COVERAGE_RULES.has(finding.rule))) {
    expect(
      missing.some((r) => r.rules.includes(f.rule) && r.paths!.includes(f.path)),
      `finding ${f.rule} at ${f.path} has no missing requirement`,
    ).toBe(true);
  }
  return sections;
}

describe('coverageMatrix', () => {
  it('has a section per jurisdiction, then Apple for an iOS app and Play for an Android app', () => {
    expect(coverageMatrix(cleanWorkspace()).map((s) => s.id)).toEqual(['gdpr', 'uk-gdpr', 'ccpa', 'apple', 'play']);
    const ccpaWeb = variant((ws) => {
      ws.organization.jurisdictions = ['ccpa'];
      for (const c of ws.collectionPoints) c.platform = 'web';
    });
    expect(coverageMatrix(ccpaWeb).map((s) => s.id)).toEqual(['ccpa']);
    const ukAndroid = variant((ws) => {
      ws.organization.jurisdictions = ['uk-gdpr'];
      ws.collectionPoints = ws.collectionPoints.filter((c) => c.platform !== 'ios');
      for (const d of ws.dataTypes) d.collectedAt = d.collectedAt?.filter((id) => id !== 'signup-ios' && id !== 'att-prompt');
    });
    expect(coverageMatrix(ukAndroid).map((s) => s.id)).toEqual(['uk-gdpr', 'play']);
  });

  it('lists every Art 13 and Art 14 item for the GDPR and the UK GDPR', () => {
    for (const id of ['gdpr', 'uk-gdpr'] as const) {
      const section = coverageMatrix(cleanWorkspace()).find((s) => s.id === id)!;
      const references = section.requirements.map((r) => r.reference).join(' ');
      for (const item of [
        '13(1)(a)',
        '13(1)(b)',
        '13(1)(c)',
        '13(1)(d)',
        '13(1)(e)',
        '13(1)(f)',
        '13(2)(a)',
        '13(2)(b)',
        '13(2)(c)',
        '13(2)(d)',
        '13(2)(e)',
        '13(2)(f)',
      ]) {
        expect(references).toContain(`Art ${item}`);
      }
      for (const item of [
        '14(1)(a)',
        '14(1)(b)',
        '14(1)(c)',
        '14(1)(d)',
        '14(1)(e)',
        '14(1)(f)',
        '14(2)(a)',
        '14(2)(b)',
        '14(2)(c)',
        '14(2)(d)',
        '14(2)(e)',
        '14(2)(f)',
        '14(2)(g)',
      ]) {
        expect(references).toMatch(new RegExp(`(Art |, )${item.replace(/[()]/g, '\\$&')}`));
      }
      expect(new Set(section.requirements.map((r) => r.id)).size).toBe(section.requirements.length);
    }
  });

  it('lists each CCPA notice-at-collection item (e)(1)–(6) and the privacy policy essentials', () => {
    const section = coverageMatrix(cleanWorkspace()).find((s) => s.id === 'ccpa')!;
    const references = section.requirements.map((r) => r.reference);
    for (let item = 1; item <= 6; item++) expect(references.some((r) => r.includes(`§7012(e)(${item})`))).toBe(true);
    expect(references.filter((r) => r.includes('§7011')).length).toBeGreaterThanOrEqual(5);
  });

  it('finds the clean workspace complete, naming what meets each item', () => {
    const sections = expectAgreement(cleanWorkspace());
    for (const s of sections) expect(s.counts.missing, s.id).toBe(0);
    expect(requirement(sections, 'gdpr', 'transfers')).toMatchObject({
      status: 'met',
      why: '1 recipient outside the EEA, each with its mechanism: "Crash Co" (United States): EU standard contractual clauses (Art 46(2)(c)).',
    });
    expect(requirement(sections, 'gdpr', 'controller').why).toBe(
      '"Acme Notes Ltd" is named as the controller, reachable at privacy@acme.example.',
    );
    expect(requirement(sections, 'gdpr', 'representative').status).toBe('not-applicable');
    expect(requirement(sections, 'gdpr', 'categories-of-data')).toMatchObject({
      status: 'not-applicable',
      why: 'No data type is obtained from a third party.',
    });
    expect(requirement(sections, 'ccpa', 'opt-out-link').why).toBe('The opt-out page is https://acme.example/do-not-sell-or-share.');
    expect(requirement(sections, 'apple', 'tracking').why).toBe('"Advertising identifier" is used for tracking through ads.example.');
  });

  it('says which item is missing, why and where to fix it', () => {
    const sections = expectAgreement(
      variant((ws) => {
        delete ws.dataTypes[1].retention;
        ws.recipients[1].transferSafeguard = 'none';
        delete ws.recipients[1].ukTransferSafeguard;
        delete ws.organization.supervisoryAuthority;
        delete ws.organization.optOutUrl;
        ws.purposes[2].legitimateInterest = '';
      }),
    );
    expect(requirement(sections, 'gdpr', 'retention')).toMatchObject({
      status: 'missing',
      why: '"App usage" has no retention.',
      path: 'dataTypes[1].retention',
      rules: ['missing-retention', 'open-ended-retention'],
    });
    expect(requirement(sections, 'ccpa', 'retention')).toMatchObject({ status: 'missing', path: 'dataTypes[1].retention' });
    expect(requirement(sections, 'gdpr', 'transfers')).toMatchObject({
      status: 'missing',
      why: '"Crash Co" processes data outside the EEA without a mechanism the GDPR recognises.',
      path: 'recipients[1].transferSafeguard',
    });
    expect(requirement(sections, 'uk-gdpr', 'transfers')).toMatchObject({
      status: 'missing',
      why: '"Crash Co" processes data outside the UK and the EEA without a mechanism the UK GDPR recognises.',
    });
    expect(requirement(sections, 'gdpr', 'complaint')).toMatchObject({ status: 'missing', path: 'organization.supervisoryAuthority' });
    // The UK notice names the ICO by itself.
    expect(requirement(sections, 'uk-gdpr', 'complaint')).toMatchObject({
      status: 'met',
      why: "The notice names the UK Information Commissioner's Office.",
    });
    expect(requirement(sections, 'ccpa', 'opt-out-link')).toMatchObject({ status: 'missing', path: 'organization.optOutUrl' });
    expect(requirement(sections, 'gdpr', 'legitimate-interests')).toMatchObject({
      status: 'missing',
      why: '"Keep accounts secure" relies on legitimate interests without saying which.',
      path: 'purposes[2].legitimateInterest',
    });
  });

  it('lists every field to fix when several data types miss the same item', () => {
    const sections = expectAgreement(
      variant((ws) => {
        for (const d of ws.dataTypes) delete d.retention;
      }),
    );
    const retention = requirement(sections, 'gdpr', 'retention');
    expect(retention.paths).toEqual([
      'dataTypes[0].retention',
      'dataTypes[1].retention',
      'dataTypes[2].retention',
      'dataTypes[3].retention',
    ]);
    expect(retention.why).toBe('"Email address", "App usage", "IP address" and "Advertising identifier" have no retention.');
  });

  it('keeps store items apart: a purpose without a data use is missing for the store it is declared to', () => {
    const sections = expectAgreement(
      variant((ws) => {
        delete ws.purposes[0].use;
        ws.purposes[0].storePurpose = { apple: 'AppFunctionality' };
      }),
    );
    expect(requirement(sections, 'apple', 'purposes').status).toBe('met');
    expect(requirement(sections, 'play', 'purposes')).toMatchObject({ status: 'missing', path: 'purposes[0].use' });
  });

  it('treats an item that does not apply as not applicable, not as met', () => {
    const sections = expectAgreement(
      variant((ws) => {
        ws.recipients[1].country = 'DE';
        delete ws.recipients[1].transferSafeguard;
        for (const p of ws.purposes) if (p.lawfulBasis === 'consent') p.lawfulBasis = 'contract';
        ws.recipients[2].sharesForAds = false;
        ws.dataTypes[3].tracking = false;
      }),
    );
    expect(requirement(sections, 'gdpr', 'transfers')).toMatchObject({
      status: 'not-applicable',
      why: 'No recipient with a known country processes data outside the EEA.',
    });
    expect(requirement(sections, 'gdpr', 'withdraw-consent').status).toBe('not-applicable');
    expect(requirement(sections, 'ccpa', 'opt-out-link').status).toBe('not-applicable');
    expect(requirement(sections, 'ccpa', 'minors').status).toBe('not-applicable');
    expect(requirement(sections, 'apple', 'tracking').status).toBe('not-applicable');
    expect(requirement(sections, 'apple', 'tracking-permission').status).toBe('not-applicable');
  });

  it('reports an empty inventory as missing where the notice has nothing to say', () => {
    const sections = expectAgreement(variant((ws) => (ws.dataTypes = [])));
    expect(requirement(sections, 'gdpr', 'purposes-and-basis')).toMatchObject({ status: 'missing', path: 'dataTypes' });
    expect(requirement(sections, 'ccpa', 'categories')).toMatchObject({ status: 'missing', path: 'dataTypes' });
  });

  it('covers Art 21(4) objection: met with a section of its own when a purpose carries the right, not applicable otherwise', () => {
    const clean = expectAgreement(cleanWorkspace());
    // The clean workspace keeps accounts secure on legitimate interests.
    expect(requirement(clean, 'gdpr', 'objection')).toMatchObject({
      status: 'met',
      reference: 'Art 21(4)',
      why: '"Keep accounts secure" relies on legitimate interests or a public task or is direct marketing, so the notice gives the right to object a section of its own and mentions it beside that purpose.',
    });
    const none = expectAgreement(variant((ws) => (ws.purposes[2].lawfulBasis = 'contract')));
    expect(requirement(none, 'uk-gdpr', 'objection').status).toBe('not-applicable');
    // Direct marketing carries the right whatever its basis.
    const marketing = expectAgreement(
      variant((ws) => {
        ws.purposes[2].lawfulBasis = 'contract';
        ws.purposes[1].use = 'marketing.communications.email';
      }),
    );
    expect(requirement(marketing, 'gdpr', 'objection').status).toBe('met');
  });

  it('covers Art 22(2): an automated decision without a ground is missing, with one it is met, without any not applicable', () => {
    expect(requirement(expectAgreement(cleanWorkspace()), 'gdpr', 'automated-decision-ground').status).toBe('not-applicable');
    const decision = { logic: 'We score the sign-in.', consequences: 'We lock the account.' };
    const missing = expectAgreement(variant((ws) => (ws.purposes[2].automatedDecision = decision)));
    expect(requirement(missing, 'gdpr', 'automated-decision-ground')).toMatchObject({
      status: 'missing',
      path: 'purposes[2].automatedDecision.ground',
      why: '"Keep accounts secure" makes an automated decision without an Art 22(2) ground.',
    });
    expect(requirement(missing, 'uk-gdpr', 'automated-decision-ground').status).toBe('missing');
    const met = expectAgreement(variant((ws) => (ws.purposes[2].automatedDecision = { ...decision, ground: 'contract' })));
    expect(requirement(met, 'gdpr', 'automated-decision-ground')).toMatchObject({
      status: 'met',
      why: `"Keep accounts secure" rests on the need to enter into or perform a contract with the person; the notice states it with the rights to human intervention, to express one's view and to contest.`,
    });
  });

  it('covers transfers from the adequacy table: adequacy claimed where there is none, or without certification, is missing', () => {
    const claimed = expectAgreement(variant((ws) => Object.assign(ws.recipients[1], { country: 'IN', transferSafeguard: 'adequacy' })));
    expect(requirement(claimed, 'gdpr', 'transfers')).toMatchObject({
      status: 'missing',
      why: '"Crash Co" claims an adequacy decision that does not exist.',
      path: 'recipients[1].transferSafeguard',
    });
    // The UK mechanism is the Addendum, so only the GDPR transfer is wrong.
    expect(requirement(claimed, 'uk-gdpr', 'transfers').status).toBe('met');
    const uncertified = expectAgreement(
      variant((ws) => Object.assign(ws.recipients[1], { transferSafeguard: 'adequacy', dpf: { eu: false } })),
    );
    expect(requirement(uncertified, 'gdpr', 'transfers')).toMatchObject({
      status: 'missing',
      why: '"Crash Co" claims adequacy in the United States without certification under the Data Privacy Framework.',
    });
    const certified = expectAgreement(
      variant((ws) =>
        Object.assign(ws.recipients[1], { transferSafeguard: undefined, ukTransferSafeguard: undefined, dpf: { eu: true, uk: true } }),
      ),
    );
    expect(requirement(certified, 'gdpr', 'transfers')).toMatchObject({
      status: 'met',
      why: '1 recipient outside the EEA, each with its mechanism: "Crash Co" (United States): certified under the EU-US Data Privacy Framework (Art 45).',
    });
    expect(requirement(certified, 'uk-gdpr', 'transfers').why).toContain(
      'certified under the UK Extension to the EU-US Data Privacy Framework (Art 45)',
    );
  });

  it('covers Art 27: a representative for each region the controller is established outside, not applicable inside it', () => {
    const us = expectAgreement(
      variant((ws) => Object.assign(ws.organization, { country: 'US', supervisoryAuthority: undefined, representatives: undefined })),
    );
    expect(requirement(us, 'gdpr', 'representative')).toMatchObject({
      status: 'missing',
      why: 'The controller is established in the United States, outside the EEA, and names no representative in the EU (Art 27).',
      path: 'organization.representatives',
    });
    expect(requirement(us, 'uk-gdpr', 'representative').status).toBe('missing');
    // No lead authority without an establishment in the EU; people complain where they live or work.
    expect(requirement(us, 'gdpr', 'complaint')).toMatchObject({ status: 'met' });
    expect(requirement(us, 'gdpr', 'complaint').why).toContain('no lead authority');
    const irish = expectAgreement(variant(() => {}));
    expect(requirement(irish, 'gdpr', 'representative')).toMatchObject({
      status: 'not-applicable',
      why: 'The controller is established in Ireland, in the EEA, so it needs no representative in the EU (Art 27).',
    });
    expect(requirement(irish, 'uk-gdpr', 'representative')).toMatchObject({
      status: 'met',
      why: '"Acme UK Representative Ltd" is named as the representative in the UK.',
    });
    const unknown = expectAgreement(variant((ws) => delete ws.organization.country));
    expect(requirement(unknown, 'gdpr', 'representative')).toMatchObject({ status: 'missing', path: 'organization.country' });
  });

  it('covers California: request methods, the Limit link, opt-out signals, under 16, Do Not Track and Shine the Light', () => {
    const clean = expectAgreement(cleanWorkspace());
    expect(requirement(clean, 'ccpa', 'request-methods')).toMatchObject({
      status: 'met',
      why: 'A toll-free number and an email address take requests; the notice describes verification, authorised agents and response times.',
    });
    expect(requirement(clean, 'ccpa', 'limit-link').status).toBe('not-applicable');
    expect(requirement(clean, 'ccpa', 'do-not-track').status).toBe('not-applicable');
    expect(requirement(clean, 'ccpa', 'shine-the-light').status).toBe('not-applicable');
    expect(requirement(clean, 'ccpa', 'opt-out-signals').status).toBe('met');

    const oneWay = expectAgreement(variant((ws) => delete ws.organization.requests));
    expect(requirement(oneWay, 'ccpa', 'request-methods')).toMatchObject({
      status: 'missing',
      path: 'organization.requests',
      why: 'Only an email address is recorded for privacy requests, but the CCPA asks for at least two ways, including a toll-free telephone number (1 more needed).',
    });
    const onlineOnly = expectAgreement(variant((ws) => (ws.organization.requests = { onlineOnly: true })));
    expect(requirement(onlineOnly, 'ccpa', 'request-methods').why).toBe(
      'The privacy contact email takes requests, enough for a business that operates only online; the notice describes verification, authorised agents and response times.',
    );

    const sensitive = (edit: (ws: Workspace) => void = () => {}) =>
      expectAgreement(
        variant((ws) => {
          ws.dataTypes[2].category = 'user.location.precise';
          edit(ws);
        }),
      );
    expect(requirement(sensitive(), 'ccpa', 'limit-link')).toMatchObject({ status: 'missing', path: 'organization.limitUseUrl' });
    expect(
      requirement(
        sensitive((ws) => (ws.organization.limitUseUrl = 'https://acme.example/limit')),
        'ccpa',
        'limit-link',
      ).why,
    ).toBe('The "Limit the Use" page is https://acme.example/limit.');
    expect(
      requirement(
        sensitive((ws) => (ws.organization.usPrivacy!.sensitiveUseLimited = true)),
        'ccpa',
        'limit-link',
      ).status,
    ).toBe('met');

    const signals = expectAgreement(variant((ws) => (ws.organization.usPrivacy!.optOutSignals = false)));
    expect(requirement(signals, 'ccpa', 'opt-out-signals')).toMatchObject({
      status: 'missing',
      path: 'organization.usPrivacy.optOutSignals',
    });
    const under16 = expectAgreement(
      variant((ws) => {
        delete ws.organization.usPrivacy!.sellsUnder16;
        ws.organization.audience = { minimumAge: 13 };
      }),
    );
    expect(requirement(under16, 'ccpa', 'minors')).toMatchObject({
      status: 'missing',
      path: 'organization.usPrivacy.sellsUnder16',
      why: 'Data is sold or shared, but it is not recorded whether data of people under 16 is.',
    });

    const web = (edit: (ws: Workspace) => void = () => {}) =>
      expectAgreement(
        variant((ws) => {
          ws.collectionPoints.push({ id: 'web', name: 'Website', platform: 'web' });
          edit(ws);
        }),
      );
    expect(requirement(web(), 'ccpa', 'do-not-track')).toMatchObject({ status: 'missing', path: 'organization.usPrivacy.doNotTrack' });
    expect(
      requirement(
        web((ws) => (ws.organization.usPrivacy!.doNotTrack = 'honoured')),
        'ccpa',
        'do-not-track',
      ).why,
    ).toBe('The notice says the website responds to Do Not Track signals.');

    const marketing = expectAgreement(variant((ws) => (ws.recipients[2].directMarketing = true)));
    expect(requirement(marketing, 'ccpa', 'shine-the-light')).toMatchObject({
      status: 'met',
      why: '"Ad Network" receives personal information for direct marketing; the notice tells California residents how to ask which categories went to whom.',
    });
  });

  it('covers the other US states in one section: appeal, consent for sensitive data, the opt-out and universal opt-out signals', () => {
    const location = {
      id: 'location',
      name: 'Precise location',
      category: 'user.location.precise',
      source: 'automatic' as const,
      purposes: ['provide-service'],
      retention: { period: { value: 30, unit: 'days' as const }, after: 'collection' as const },
      required: false,
    };
    // A health-data-only state (Washington) brings no section of this kind; Colorado does.
    expect(coverageMatrix(variant((ws) => ws.organization.jurisdictions.push('us-wa'))).map((s) => s.id)).not.toContain('us-states');
    const broken = expectAgreement(
      variant((ws) => {
        ws.organization.jurisdictions.push('us-co', 'us-md');
        delete ws.organization.optOutUrl;
        ws.organization.usPrivacy = { optOutSignals: false };
        ws.recipients.push({ id: 'broker', name: 'Data Broker LLC', role: 'controller', country: 'US', sells: true });
        ws.dataTypes.push({ ...location, recipients: ['broker'] });
      }),
    );
    expect(broken.map((s) => s.id)).toEqual(['gdpr', 'uk-gdpr', 'ccpa', 'us-states', 'apple', 'play']);
    expect(requirement(broken, 'us-states', 'appeal')).toMatchObject({
      status: 'missing',
      path: 'organization.requests.appeal',
      reference: 'CO, MD: appeals',
    });
    expect(requirement(broken, 'us-states', 'sensitive-data')).toMatchObject({
      status: 'missing',
      why: '"Precise location" is sensitive data without recorded consent. "Precise location" is sensitive data sold, which Maryland forbids.',
      paths: ['dataTypes[4].recipients', 'dataTypes[4].consent.collection'],
    });
    expect(requirement(broken, 'us-states', 'opt-out')).toMatchObject({ status: 'missing', path: 'organization.optOutUrl' });
    expect(requirement(broken, 'us-states', 'universal-opt-out')).toMatchObject({
      status: 'missing',
      path: 'organization.usPrivacy.optOutSignals',
    });

    const fixed = expectAgreement(
      variant((ws) => {
        ws.organization.jurisdictions.push('us-co', 'us-md');
        ws.organization.requests = { appeal: 'appeals@acme.example' };
        ws.organization.usPrivacy = { optOutSignals: true };
        ws.dataTypes.push({ ...location, recipients: ['aws'], consent: { collection: true } });
      }),
    );
    const section = fixed.find((s) => s.id === 'us-states')!;
    expect(section.counts).toEqual({ met: 7, missing: 0, 'not-applicable': 0 });
    expect(requirement(fixed, 'us-states', 'appeal').why).toBe(
      'Appeals are made as recorded ("appeals@acme.example"), and the notice names the state Attorney General for a denied appeal.',
    );
    expect(requirement(fixed, 'us-states', 'sensitive-data').why).toBe(
      '"Precise location" is collected only with recorded consent, and none is sold.',
    );

    // Utah alone: no appeal, notice and opt-out for sensitive data, no universal opt-out, nothing sold or targeted.
    const utah = expectAgreement(
      variant((ws) => {
        ws.organization.jurisdictions = ['us-ut'];
        ws.recipients[2].sharesForAds = false;
        ws.dataTypes.push(location);
      }),
    );
    expect(utah.map((s) => s.id)).toEqual(['us-states', 'apple', 'play']);
    expect(requirement(utah, 'us-states', 'appeal')).toMatchObject({ status: 'not-applicable', why: "Utah's law gives no appeal." });
    expect(requirement(utah, 'us-states', 'sensitive-data').status).toBe('not-applicable');
    expect(requirement(utah, 'us-states', 'opt-out').status).toBe('not-applicable');
    expect(requirement(utah, 'us-states', 'universal-opt-out').status).toBe('not-applicable');
    // The privacy contact is the way to make requests under every state law.
    const noContact = expectAgreement(variant((ws) => ((ws.organization.jurisdictions = ['us-ct']), delete ws.organization.contactEmail)));
    expect(requirement(noContact, 'us-states', 'rights-and-requests')).toMatchObject({
      status: 'missing',
      path: 'organization.contactEmail',
    });
  });

  it('agrees with the findings on the sample, which is complete', () => {
    const sections = expectAgreement(valid(sampleJson));
    expect(sections.map((s) => s.id)).toEqual(['gdpr', 'uk-gdpr', 'ccpa', 'apple', 'play']);
    for (const s of sections) expect(s.counts.missing, s.id).toBe(0);
    // A German controller: no EU representative needed; the UK one is named.
    expect(requirement(sections, 'gdpr', 'representative').status).toBe('not-applicable');
    expect(requirement(sections, 'uk-gdpr', 'representative')).toMatchObject({
      status: 'met',
      why: '"Fellside Privacy Representatives Ltd" is named as the representative in the UK.',
    });
  });

  it('agrees with the findings on any valid workspace', () => {
    fc.assert(
      fc.property(workspaceArbitrary(), (ws) => {
        expectAgreement(ws);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the consumer health data section', () => {
  // "App usage" as consumer health data in Washington, with every consent and an appeal recorded.
  const health = (edit: (ws: Workspace) => void = () => {}, state: 'us-wa' | 'us-nv' = 'us-wa') =>
    variant((ws) => {
      ws.organization.jurisdictions.push(state);
      ws.organization.requests = { ...ws.organization.requests, appeal: 'https://acme.example/privacy/appeal' };
      const d = ws.dataTypes.find((x) => x.id === 'app-usage')!;
      d.sensitivity = { consumerHealth: true };
      d.consent = { collection: true, sharing: true };
      edit(ws);
    });
  const at = `dataTypes[${cleanWorkspace().dataTypes.findIndex((d) => d.id === 'app-usage')}]`;
  const HEALTH_RULES = [
    'consumer-health-consent-to-collect',
    'consumer-health-consent-to-share',
    'consumer-health-sold',
    'consumer-health-appeal-missing',
  ];

  /** The common agreement, and for the health rules (which the clean workspace never reaches) the converse too. */
  function agreement(ws: Workspace) {
    const sections = expectAgreement(ws);
    const missing = sections.flatMap((s) => s.requirements.filter((r) => r.status === 'missing'));
    for (const f of lintWorkspace(ws).filter((finding) => HEALTH_RULES.includes(finding.rule))) {
      expect(
        missing.some((r) => r.rules.includes(f.rule) && r.paths!.includes(f.path)),
        `finding ${f.rule} at ${f.path}`,
      ).toBe(true);
    }
    return sections;
  }

  it('appears when Washington or Nevada is named, after the CCPA', () => {
    expect(coverageMatrix(cleanWorkspace()).map((s) => s.id)).not.toContain('us-health');
    expect(agreement(health()).map((s) => s.id)).toContain('us-health');
    expect(agreement(health(undefined, 'us-nv')).find((s) => s.id === 'us-health')?.title).toBe('Consumer health data');
  });

  it('is met when consent is recorded, and nothing applies without consumer health data', () => {
    const met = agreement(health());
    for (const id of ['policy', 'categories-and-purposes', 'sources', 'shared', 'consent-to-collect', 'rights', 'appeal'])
      expect(requirement(met, 'us-health', id).status, id).toBe('met');
    expect(requirement(met, 'us-health', 'consent-to-share').status).toBe('not-applicable');
    expect(requirement(met, 'us-health', 'sale-authorization').status).toBe('not-applicable');
    const noHealth = agreement(health((ws) => (ws.dataTypes.find((x) => x.id === 'app-usage')!.sensitivity = { consumerHealth: false })));
    const section = noHealth.find((s) => s.id === 'us-health')!;
    expect(section.counts).toEqual({ met: 0, missing: 0, 'not-applicable': section.requirements.length });
  });

  it('is missing the consent to collect and to share, and the appeal, exactly where the review says so', () => {
    const ws = health((w) => {
      const d = w.dataTypes.find((x) => x.id === 'app-usage')!;
      delete d.consent;
      d.recipients = [...(d.recipients ?? []), 'adnet'];
      delete w.organization.requests!.appeal;
    });
    const sections = agreement(ws);
    expect(requirement(sections, 'us-health', 'consent-to-collect')).toMatchObject({ status: 'missing', path: `${at}.consent.collection` });
    expect(requirement(sections, 'us-health', 'consent-to-share')).toMatchObject({ status: 'missing', path: `${at}.consent.sharing` });
    expect(requirement(sections, 'us-health', 'appeal')).toMatchObject({ status: 'missing', path: 'organization.requests.appeal' });
    expect(requirement(sections, 'us-health', 'shared').why).toBe('"App usage" is shared, and the policy names every recipient.');
  });

  it('asks for the signed authorisation of a sale', () => {
    const sections = agreement(
      health((w) => {
        w.dataTypes.find((x) => x.id === 'app-usage')!.recipients = ['crashco', 'adnet'];
        w.recipients.find((r) => r.id === 'adnet')!.sells = true;
      }),
    );
    expect(requirement(sections, 'us-health', 'sale-authorization')).toMatchObject({ status: 'missing', path: `${at}.recipients[1]` });
  });
});

describe('changes since the last published version', () => {
  const withPrevious = (ws: Workspace) => {
    const facts = workspaceFacts(ws, { previous: { version: '1.0', workspace: cleanWorkspace() } });
    const findings = lintWorkspace(ws, facts);
    return { findings, sections: coverageMatrix(ws, { facts, findings }) };
  };

  it('do not apply until the review compares with a published version, and are met when nothing material changed', () => {
    const plain = coverageMatrix(cleanWorkspace());
    expect(requirement(plain, 'gdpr', 'new-purpose').status).toBe('not-applicable');
    expect(requirement(plain, 'ccpa', 'new-notice-at-collection').status).toBe('not-applicable');
    const { sections } = withPrevious(variant(() => {}));
    expect(requirement(sections, 'gdpr', 'new-purpose')).toMatchObject({ status: 'met', why: 'No purpose is new since version 1.0.' });
    expect(requirement(sections, 'ccpa', 'new-notice-at-collection').status).toBe('met');
  });

  it('are missing exactly where the review flags a new purpose, new sensitive data or a new sale', () => {
    const ws = variant((w) => {
      w.purposes.push({ id: 'newsletter', name: 'Newsletter', use: 'marketing.communications.email', lawfulBasis: 'consent' });
      w.dataTypes[0].purposes.push('newsletter');
      w.recipients[1].sells = true;
    });
    const { findings, sections } = withPrevious(ws);
    expect(requirement(sections, 'gdpr', 'new-purpose')).toMatchObject({
      status: 'missing',
      paths: ['purposes[4]'],
      why: '"Newsletter" is a new purpose since version 1.0: people must be told before their data is used for it.',
    });
    expect(requirement(sections, 'ccpa', 'new-notice-at-collection')).toMatchObject({
      status: 'missing',
      // In file order: purposes come before data types.
      paths: ['purposes[4]', 'dataTypes[1].recipients'],
    });
    const material = findings.filter((f) => f.rule === 'material-new-purpose' || f.rule === 'material-new-sale-or-sharing');
    expect(material.map((f) => f.path).sort()).toEqual(['dataTypes[1].recipients', 'purposes[4]']);
  });
});
