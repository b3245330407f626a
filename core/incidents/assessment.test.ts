// The assessment's decision table: one ordinary breach as the base case, then one factor changed at a time,
// each showing that the factor moves the level or a proposal the way the EDPB's guidelines say it should.
// Then California's 1798.82(h) combinations, the Attorney General's copy, and the other states.
import { describe, expect, it } from 'vitest';
import { cleanWorkspace } from '../lint/fixtures';
import type { DataType, Workspace } from '../schema';
import { assessIncident, CALIFORNIA_AG_THRESHOLD, factorLevel, listInWords, usStateName } from './assessment';
import type { Incident } from './schema';
import type { RiskAssessment } from './types';

function dt(id: string, name: string, category: string, extra: Partial<DataType> = {}): DataType {
  return { id, name, category, purposes: ['provide-service'], ...extra };
}

function workspace(edit: (ws: Workspace) => void = () => {}): Workspace {
  const ws = cleanWorkspace();
  ws.dataTypes.push(
    dt('full-name', 'Full name', 'user.name'),
    dt('password', 'Password', 'user.authorization.password'),
    dt('health-record', 'Health record', 'user.health_and_medical'),
    dt('ssn', 'Social Security number', 'user.government_id.national_identification_number'),
    dt('card', 'Payment card', 'user.financial.credit_card'),
    dt('card-code', 'Card security code', 'user.financial.credit_card'),
    dt('routes', 'Recorded routes', 'user.location.precise'),
    dt('child-name', "Child's first name", 'user.childrens'),
    dt('crash-logs', 'Crash logs', 'system.operations'),
    dt('id-scans', 'Scanned IDs', 'user.government_id'),
    dt('security-qa', 'Security questions', 'user.account'),
  );
  edit(ws);
  return ws;
}

/** The base case: the email addresses of 500 customers copied by someone who should not have had them. */
function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'mailing-list',
    title: 'Mailing list copied',
    status: 'open',
    discoveredAt: '2026-12-05T09:30:00+01:00',
    timeZone: 'Europe/Dublin',
    summary: 'A former contractor kept a copy of the mailing list.',
    kinds: ['confidentiality'],
    dataTypes: ['email-address'],
    people: 500,
    residence: ['gdpr'],
    encrypted: false,
    log: [],
    ...overrides,
  };
}

const assess = (overrides: Partial<Incident> = {}, ws: Workspace = workspace()) => assessIncident(incident(overrides), ws);
const proposals = (a: RiskAssessment) => ({ level: a.level, authority: a.authority.proposal, people: a.people.proposal });

const RISK = { level: 'risk', authority: 'notify', people: 'do-not-notify' };
const HIGH = { level: 'high', authority: 'notify', people: 'notify' };
const UNLIKELY = { level: 'unlikely', authority: 'do-not-notify', people: 'do-not-notify' };

describe('the base case', () => {
  it('is a risk: notify the authority, no need to tell people', () => {
    const a = assess();
    expect(proposals(a)).toEqual(RISK);
    expect(a.factors.map((f) => f.factor)).toEqual([
      'sensitivity',
      'volume',
      'identifiability',
      'severity',
      'permanence',
      'vulnerable',
      'encryption',
      'breach-kind',
    ]);
    expect(a.factors.every((f) => f.reason.length > 10)).toBe(true);
    expect(a.elements).toEqual(['username-or-email']);
  });

  it('gives the reasons a lawyer needs: the deadline, the authority by name, phases, the register', () => {
    const [risk, deadline, phases] = assess().authority.reasons;
    expect(risk).toContain('likely to result in a risk');
    expect(deadline).toBe(
      'Notify Data Protection Commission without undue delay and, where feasible, within 72 hours of becoming aware: by 8 December 2026, 08:30 (Europe/Dublin, UTC+00:00) (Art 33(1)). A later notification must give the reasons for the delay.',
    );
    expect(phases).toContain('Art 33(4)');
    expect(assess().people.reasons[0]).toContain('not a high risk');
    expect(assess({ dataTypes: ['crash-logs'] }).authority.reasons.join(' ')).toContain('Art 33(5)');
  });
});

// Each row changes one thing from the base case and says what must follow.
interface Row {
  factor: string;
  change: string;
  overrides?: Partial<Incident>;
  ws?: (ws: Workspace) => void;
  expected: object;
  /** the factor's level this case must show */
  level?: [string, string];
  /** the same case without the change, when it is not the base case */
  without?: { overrides?: Partial<Incident>; ws?: (ws: Workspace) => void };
}

const DEVICE_IDS = { overrides: { dataTypes: ['advertising-id'] } };
const HEALTH = { overrides: { dataTypes: ['email-address', 'health-record'] } };
const CHILDREN_DIRECTED = (ws: Workspace) => (ws.organization.audience = { childrenDirected: true });

const TABLE: Row[] = [
  // sensitivity
  {
    factor: 'sensitivity',
    change: 'health data',
    overrides: { dataTypes: ['email-address', 'health-record'] },
    expected: HIGH,
    level: ['sensitivity', 'high'],
  },
  { factor: 'sensitivity', change: 'passwords', overrides: { dataTypes: ['email-address', 'password'] }, expected: HIGH },
  { factor: 'sensitivity', change: 'card numbers', overrides: { dataTypes: ['email-address', 'card'] }, expected: HIGH },
  { factor: 'sensitivity', change: 'precise location', overrides: { dataTypes: ['email-address', 'routes'] }, expected: HIGH },
  { factor: 'sensitivity', change: "children's data", overrides: { dataTypes: ['child-name'] }, expected: HIGH },
  {
    factor: 'sensitivity',
    change: 'data marked CCPA-sensitive',
    overrides: { dataTypes: ['app-usage'] },
    ws: (ws) => (ws.dataTypes.find((d) => d.id === 'app-usage')!.sensitivity = { ccpaSensitive: true }),
    expected: HIGH,
  },
  {
    factor: 'sensitivity',
    change: 'only device identifiers',
    overrides: { dataTypes: ['advertising-id'] },
    expected: UNLIKELY,
    level: ['sensitivity', 'low'],
  },
  // volume
  {
    factor: 'volume',
    change: '50,000 people with device identifiers',
    overrides: { dataTypes: ['advertising-id'], people: 50_000 },
    expected: RISK,
    level: ['volume', 'high'],
    without: DEVICE_IDS,
  },
  {
    factor: 'volume',
    change: '200,000 records of device identifiers',
    overrides: { dataTypes: ['advertising-id'], people: undefined, records: 200_000 },
    expected: RISK,
    without: DEVICE_IDS,
  },
  {
    factor: 'volume',
    change: '50,000 people with health data, consequences judged moderate',
    overrides: { dataTypes: ['email-address', 'health-record'], severity: 'medium', people: 50_000 },
    expected: HIGH,
    without: { overrides: { dataTypes: ['email-address', 'health-record'], severity: 'medium' } },
  },
  // identifiability
  {
    factor: 'identifiability',
    change: 'the team judges it hard to identify anyone',
    overrides: { identifiability: 'low' },
    expected: UNLIKELY,
    level: ['identifiability', 'low'],
  },
  {
    factor: 'identifiability',
    change: 'data about systems only',
    overrides: { dataTypes: ['crash-logs'] },
    expected: UNLIKELY,
    level: ['identifiability', 'low'],
  },
  // severity
  {
    factor: 'severity',
    change: 'the team judges the consequences severe',
    overrides: { severity: 'high' },
    expected: HIGH,
    level: ['severity', 'high'],
  },
  {
    factor: 'severity',
    change: 'the team judges the consequences minor',
    overrides: { severity: 'low' },
    expected: UNLIKELY,
    level: ['severity', 'low'],
  },
  {
    factor: 'severity',
    change: 'minor consequences cannot make health data harmless',
    overrides: { dataTypes: ['email-address', 'health-record'], severity: 'low' },
    expected: RISK,
    without: HEALTH,
  },
  // permanence
  {
    factor: 'permanence',
    change: 'the harm cannot be undone',
    overrides: { permanent: true },
    expected: HIGH,
    level: ['permanence', 'high'],
  },
  // vulnerable people
  {
    factor: 'vulnerable',
    change: 'vulnerable people affected',
    overrides: { vulnerable: true },
    expected: HIGH,
    level: ['vulnerable', 'high'],
  },
  { factor: 'vulnerable', change: 'a service directed at children', ws: CHILDREN_DIRECTED, expected: HIGH },
  {
    factor: 'vulnerable',
    change: 'a service directed at children, but the team says no children were affected',
    overrides: { vulnerable: false },
    ws: CHILDREN_DIRECTED,
    expected: RISK,
    level: ['vulnerable', 'low'],
    without: { ws: CHILDREN_DIRECTED },
  },
  // encryption
  {
    factor: 'encryption',
    change: 'health data encrypted, key safe',
    overrides: { dataTypes: ['email-address', 'health-record'], encrypted: true, keySafe: true },
    expected: UNLIKELY,
    without: HEALTH,
    level: ['encryption', 'low'],
  },
  {
    factor: 'encryption',
    change: 'health data encrypted, key stolen too',
    overrides: { dataTypes: ['email-address', 'health-record'], encrypted: true, keySafe: false },
    expected: HIGH,
    without: HEALTH,
    level: ['encryption', 'high'],
  },
  {
    factor: 'encryption',
    change: 'health data encrypted, key not known to be safe',
    overrides: { dataTypes: ['email-address', 'health-record'], encrypted: true },
    expected: HIGH,
    without: HEALTH,
    level: ['encryption', 'medium'],
  },
  // breach kind
  {
    factor: 'breach-kind',
    change: 'health data lost, not disclosed',
    overrides: { dataTypes: ['email-address', 'health-record'], kinds: ['availability'] },
    expected: RISK,
    without: HEALTH,
    level: ['breach-kind', 'low'],
  },
  {
    factor: 'breach-kind',
    change: 'health data altered, not disclosed',
    overrides: { dataTypes: ['email-address', 'health-record'], kinds: ['integrity'] },
    expected: HIGH,
    without: HEALTH,
    level: ['breach-kind', 'medium'],
  },
  {
    factor: 'breach-kind',
    change: 'encrypted health data, key safe, but also altered',
    overrides: { dataTypes: ['email-address', 'health-record'], kinds: ['confidentiality', 'integrity'], encrypted: true, keySafe: true },
    expected: HIGH,
  },
];

describe('the decision table: one factor at a time', () => {
  for (const row of TABLE) {
    it(`${row.factor}: ${row.change} → ${JSON.stringify(row.expected)}`, () => {
      const a = assess(row.overrides, workspace(row.ws));
      expect(proposals(a)).toEqual(row.expected);
      if (row.level) expect(factorLevel(a, row.level[0] as never)).toBe(row.level[1]);
    });
  }

  it('covers every factor with a row where the factor alone changes the outcome', () => {
    const moved = new Set(
      TABLE.filter((row) => {
        const without = proposals(assess(row.without?.overrides, workspace(row.without?.ws)));
        return JSON.stringify(without) !== JSON.stringify(row.expected);
      }).map((row) => row.factor),
    );
    expect([...moved].sort()).toEqual(
      assess()
        .factors.map((f) => f.factor)
        .sort(),
    );
  });
});

describe('the exceptions of Art 34(3)', () => {
  it('(a) unintelligible data: no need to tell people, said with the exception', () => {
    const a = assess({
      dataTypes: ['email-address', 'health-record'],
      encrypted: true,
      keySafe: true,
      protection: 'AES-256 full-disk encryption',
    });
    expect(a.unintelligible).toBe(true);
    expect(a.people.exception).toBe('unintelligible');
    expect(a.people.reasons[0]).toContain('(AES-256 full-disk encryption)');
    expect(a.people.reasons[0]).toContain('Art 34(3)(a)');
    expect(a.authority.reasons[0]).toContain('If the lost data was the only copy');
  });

  it('(c) disproportionate effort is offered whenever people must be told', () => {
    const a = assess({ severity: 'high' });
    expect(a.people.exception).toBeUndefined();
    expect(a.people.reasons.join(' ')).toContain('Art 34(3)(c)');
  });

  it('encryption does not excuse telling people about data that was altered', () => {
    const a = assess({ dataTypes: ['health-record'], kinds: ['confidentiality', 'integrity'], encrypted: true, keySafe: true });
    expect(a.people.proposal).toBe('notify');
    expect(a.people.exception).toBeUndefined();
    expect(a.people.reasons[0]).toContain('the alteration of their data remains');
  });
});

describe('what the assessment cannot see', () => {
  it('data types missing from the inventory keep the breach from being called harmless', () => {
    const a = assess({ dataTypes: ['crash-logs', 'mystery'] });
    expect(a.unknownDataTypes).toEqual(['mystery']);
    expect(proposals(a)).toEqual(RISK);
    expect(a.authority.reasons.join(' ')).toContain('not in the inventory (mystery)');
  });

  it('a workspace under neither the GDPR nor the UK GDPR does not notify a European authority', () => {
    const a = assess(
      { residence: ['ccpa'], severity: 'high' },
      workspace((ws) => (ws.organization.jurisdictions = ['ccpa'])),
    );
    expect(a.authority.proposal).toBe('do-not-notify');
    expect(a.authority.reasons[0]).toContain('Art 33 does not apply');
    expect(a.people.proposal).toBe('notify');
    expect(a.people.reasons[0]).toContain('Art 34 does not decide');
    expect(a.people.reasons.join(' ')).toContain('even where no law requires it');
  });

  it('without the GDPR, a triggered state law is what requires telling people', () => {
    const ccpaOnly = workspace((ws) => (ws.organization.jurisdictions = ['ccpa']));
    const triggered = assessIncident(
      incident({ residence: ['ccpa'], dataTypes: ['email-address', 'password'], severity: 'low' }),
      ccpaOnly,
    );
    expect(triggered.level).not.toBe('high');
    expect(triggered.people.proposal).toBe('notify');
    expect(triggered.people.reasons[1]).toBe(
      'The breach notification law of California requires telling the residents affected (see the US states).',
    );
    const none = assessIncident(incident({ residence: ['ccpa'] }), ccpaOnly);
    expect(none.people).toEqual({
      proposal: 'do-not-notify',
      reasons: [
        'Neither the GDPR nor the UK GDPR applies as recorded, so Art 34 does not decide whether to tell people.',
        'No breach notification law Candor knows of requires telling them.',
      ],
    });
    const other = assessIncident(incident({ residence: ['us-ny'] }), ccpaOnly);
    expect(other.people.reasons[1]).toBe('Check whether the law of New York requires telling the residents affected.');
  });

  it('people in the EU bring the GDPR in even when the workspace names only California', () => {
    const a = assess(
      { residence: ['gdpr'] },
      workspace((ws) => (ws.organization.jurisdictions = ['ccpa'])),
    );
    expect(a.authority.proposal).toBe('notify');
  });
});

describe('California, Civ. Code 1798.82(h)', () => {
  const california = (overrides: Partial<Incident>, ws?: Workspace) => {
    const trigger = assess({ residence: ['ccpa'], ...overrides }, ws).usStates.find((s) => s.residence === 'ccpa');
    if (!trigger) throw new Error('no California trigger');
    return trigger;
  };

  it('a name with a Social Security number: triggered, with identity numbers exposed', () => {
    const t = california({ dataTypes: ['full-name', 'ssn'] });
    expect(t).toMatchObject({ state: 'California', triggered: 'yes', elements: ['name', 'ssn'] });
    expect(t.reason).toContain('1798.82(h)(1)');
    expect(assess({ dataTypes: ['full-name', 'ssn'] }).identityNumbersExposed).toBe(true);
  });

  it('scanned identity documents carry the name themselves', () => {
    expect(california({ dataTypes: ['id-scans'] })).toMatchObject({ triggered: 'yes', elements: ['name', 'government-id'] });
  });

  it('a name with medical information: triggered', () => {
    expect(california({ dataTypes: ['full-name', 'health-record'] })).toMatchObject({ triggered: 'yes', elements: ['name', 'medical'] });
  });

  it('an ID number without a name: check whether names were in the same records', () => {
    const t = california({ dataTypes: ['ssn'] });
    expect(t.triggered).toBe('check');
    expect(t.reason).toContain('a Social Security number but no first and last name');
  });

  it('an email address with a password, or with security questions: triggered under (h)(2)', () => {
    expect(california({ dataTypes: ['email-address', 'password'] })).toMatchObject({
      triggered: 'yes',
      elements: ['username-or-email', 'password'],
    });
    expect(california({ dataTypes: ['email-address', 'security-qa'] })).toMatchObject({
      triggered: 'yes',
      elements: ['username-or-email', 'security-question'],
    });
    expect(california({ dataTypes: ['email-address', 'password'] }).reason).toContain('1798.82(h)(2)');
  });

  it('email addresses alone, or precise location with a name: not triggered', () => {
    expect(california({ dataTypes: ['email-address'] })).toMatchObject({ triggered: 'no', elements: [], attorneyGeneral: 'no' });
    expect(california({ dataTypes: ['full-name', 'routes'] }).triggered).toBe('no');
  });

  it('a card number with a name: check for the code; with the code: triggered', () => {
    const withoutCode = california({ dataTypes: ['full-name', 'card'] });
    expect(withoutCode.triggered).toBe('check');
    expect(withoutCode.reason).toContain('security code, access code or password');
    expect(california({ dataTypes: ['full-name', 'card', 'card-code'] })).toMatchObject({
      triggered: 'yes',
      elements: ['name', 'card-number', 'account-access-code'],
    });
  });

  it('encrypted with the key safe: not triggered; key unknown: check; key taken: triggered', () => {
    const safe = california({ dataTypes: ['full-name', 'ssn'], encrypted: true, keySafe: true });
    expect(safe).toMatchObject({ triggered: 'no', attorneyGeneral: 'no' });
    expect(safe.reason).toContain('key was not acquired');
    expect(assess({ dataTypes: ['full-name', 'ssn'], encrypted: true, keySafe: true }).identityNumbersExposed).toBe(false);
    expect(california({ dataTypes: ['full-name', 'ssn'], encrypted: true }).triggered).toBe('check');
    const taken = california({ dataTypes: ['full-name', 'ssn'], encrypted: true, keySafe: false });
    expect(taken.triggered).toBe('yes');
    expect(taken.reason).toContain('key was acquired too');
  });

  it('data lost but not acquired: check', () => {
    const lost = california({ dataTypes: ['full-name', 'ssn'], kinds: ['availability'] });
    expect(lost.triggered).toBe('check');
    expect(lost.reason).toContain('check whether anyone not authorised acquired the data');
  });

  it('a copy to the Attorney General when more than 500 Californians are notified', () => {
    expect(CALIFORNIA_AG_THRESHOLD).toBe(500);
    const base = { dataTypes: ['full-name', 'ssn'] };
    expect(california({ ...base, people: 5000, residents: { ccpa: 501 } }).attorneyGeneral).toBe('yes');
    expect(california({ ...base, people: 5000, residents: { ccpa: 501 } }).reason).toContain(
      'sample copy of the notice goes to the Attorney General',
    );
    expect(california({ ...base, people: 5000, residents: { ccpa: 500 } }).attorneyGeneral).toBe('no');
    expect(california({ ...base, people: 400 }).attorneyGeneral).toBe('no');
    const unknown = california({ ...base, people: 5000 });
    expect(unknown.attorneyGeneral).toBe('check');
    expect(unknown.reason).toContain('is not recorded');
  });

  it('where people live is not recorded: the workspace states are assessed, saying so', () => {
    const a = assess({ residence: undefined, dataTypes: ['full-name', 'ssn'] });
    expect(a.usStates.map((s) => s.residence)).toEqual(['ccpa']);
    expect(a.usStates[0].reason).toMatch(/^Where the people affected live is not recorded/);
  });

  it('people only in Europe: no US state', () => {
    expect(assess({ residence: ['gdpr', 'uk-gdpr'], dataTypes: ['full-name', 'ssn'] }).usStates).toEqual([]);
  });
});

describe('other US states', () => {
  it('say "check", because the reference has no element list for them, California first', () => {
    const a = assess({ residence: ['us-ny', 'gdpr', 'ccpa', 'us-tx'], dataTypes: ['full-name', 'ssn'] });
    expect(a.usStates.map((s) => [s.residence, s.state, s.triggered])).toEqual([
      ['ccpa', 'California', 'yes'],
      ['us-ny', 'New York', 'check'],
      ['us-tx', 'Texas', 'check'],
    ]);
    const ny = a.usStates[1];
    expect(ny.reason).toContain("no list of the data elements that trigger New York's breach notification law");
    expect(ny.elements).toEqual(['name', 'ssn']);
    expect(ny.attorneyGeneral).toBeUndefined();
  });

  it('are named for every code the register accepts', () => {
    expect(usStateName('us-dc')).toBe('the District of Columbia');
    expect(usStateName('ccpa')).toBe('California');
    expect(usStateName('gdpr')).toBeUndefined();
  });
});

describe('listInWords', () => {
  it('joins with commas and "and"', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
