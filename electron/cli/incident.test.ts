// `candor incident new|list|show|draft` and the incident findings of `candor lint`: the register beside the
// workspace, created on the first incident, the ids and places people type checked against the workspace and
// the register format, the deadline and the proposals with their reasons, and the exit codes.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeWorkspace } from '../../core/canonical';
import { serializeRegister } from '../../core/incidents/register-file';
import type { Incident, IncidentRegister } from '../../core/incidents/schema';
import { acquireWorkspaceLock } from '../services/workspace-lock';
import { memoryOutput } from './output';
import { runCli } from './program';
import { sample, testDeps } from './test-support';

let dir: string;
let workspace: string;
let register: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-incident-'));
  vi.stubEnv('CANDOR_DATA_DIR', join(dir, 'data'));
  workspace = join(dir, 'ridgeline.candor.json');
  register = join(dir, 'ridgeline.incidents.candor.json');
  await writeFile(workspace, serializeWorkspace(await sample()));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

const NOW = '2026-12-07T12:00:00Z';

/** Runs `candor <argv…>` in-process with the clock at `now`. */
async function run(argv: string[], now = NOW) {
  const output = memoryOutput();
  const code = await runCli(argv, output, { ...testDeps, now: () => new Date(now) });
  return { code, stdout: output.stdout, stderr: output.stderr };
}

async function readRegister(): Promise<IncidentRegister> {
  return JSON.parse(await readFile(register, 'utf8')) as IncidentRegister;
}

const NEW = [
  'incident',
  'new',
  '--discovered',
  '2026-12-05T09:30:00+01:00',
  '--data-types',
  'email-address,password',
  '--people',
  '48000',
  '--residence',
  'eu,us-ca',
  '--summary',
  'Password hashes and email addresses were copied from a database backup.',
];

function newIncident(...extra: string[]) {
  return run([...NEW.slice(0, 2), register, '--workspace', workspace, ...NEW.slice(2), ...extra]);
}

function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'leak',
    title: 'Leaked password hashes',
    status: 'open',
    discoveredAt: '2026-12-01T09:30:00+01:00',
    summary: 'Password hashes and email addresses were copied.',
    dataTypes: ['email-address', 'password'],
    people: 48000,
    log: [],
    ...overrides,
  };
}

describe('candor incident new', () => {
  it('creates the register beside the workspace, prints the new id alone on stdout and the deadline on stderr', async () => {
    const result = await newIncident('--time-zone', 'Europe/Berlin');
    expect(result.code).toBe(0);
    expect(result.stdout).toEqual(['2026-12-05-password-hashes-and-email-addresses']);
    expect(result.stderr.join('\n')).toMatch(
      /\(a new register\)\. The 72 hours for notifying a supervisory authority \(GDPR Art 33\) end 8 December 2026, 09:30 \(Europe\/Berlin, UTC\+01:00\)/,
    );
    const text = await readFile(register, 'utf8');
    expect(text).toBe(serializeRegister(JSON.parse(text)));
    const saved = await readRegister();
    expect(saved).toMatchObject({ format: 'candor/incidents', version: 1, workspace: 'ridgeline.candor.json' });
    expect(saved.incidents[0]).toMatchObject({
      id: '2026-12-05-password-hashes-and-email-addresses',
      title: 'Password hashes and email addresses were copied from a database backup',
      status: 'open',
      discoveredAt: '2026-12-05T09:30:00+01:00',
      timeZone: 'Europe/Berlin',
      dataTypes: ['email-address', 'password'],
      people: 48000,
      // eu and us-ca are the register's gdpr and ccpa.
      residence: ['gdpr', 'ccpa'],
      log: [{ at: '2026-12-07T12:00:00.000Z', text: 'Recorded with "candor incident new".' }],
    });
    expect(saved.incidents[0]).not.toHaveProperty('encrypted');
  });

  it('records the number of people per place when --residence gives one', async () => {
    expect((await newIncident('--residence', 'eu:1200,us-ca:620,us-ny')).code).toBe(0);
    expect((await readRegister()).incidents[0]).toMatchObject({
      residence: ['gdpr', 'ccpa', 'us-ny'],
      residents: { gdpr: 1200, ccpa: 620 },
    });
  });

  it('adds to an existing register under a new id, keeping the version it replaced as a backup', async () => {
    await newIncident();
    const second = await newIncident('--title', 'Second look', '--records', '52000', '--encrypted', '--key-safe');
    expect(second.code).toBe(0);
    expect(second.stdout).toEqual(['2026-12-05-second-look']);
    const third = await newIncident('--title', 'Second look');
    expect(third.stdout).toEqual(['2026-12-05-second-look-2']);
    const saved = await readRegister();
    expect(saved.incidents.map((i) => i.id)).toEqual([
      '2026-12-05-password-hashes-and-email-addresses',
      '2026-12-05-second-look',
      '2026-12-05-second-look-2',
    ]);
    expect(saved.incidents[1]).toMatchObject({ records: 52000, encrypted: true, keySafe: true });
    expect(saved.incidents[0]).not.toHaveProperty('residents');
    expect((await readdir(join(dir, 'data', 'backups'))).length).toBe(1);
  });

  it.each([
    [
      ['--data-types', 'email-address,shoe-size'],
      /--data-types names a data type that .* does not have: shoe-size\. Its data types are email-address, password/,
    ],
    [
      ['--discovered', '2026-12-05 09:30'],
      /--discovered "2026-12-05 09:30" is not a date and time with its offset: write it like 2026-12-05T09:30:00\+01:00/,
    ],
    [['--discovered', '2026-12-05T09:30:00'], /is not a date and time with its offset/],
    [['--residence', 'eu,atlantis'], /--residence "atlantis" is not a place Candor knows: use gdpr \(or eu\)/],
    [['--residence', 'eu,us-ca:many'], /--residence "us-ca:many" has a count Candor cannot read: .* such as us-ca:620/],
    [['--people', 'many'], /--people "many" is not a number of people or records/],
    [['--time-zone', 'Mars/Olympus'], /--time-zone "Mars\/Olympus" is not a time zone/],
    [['--key-safe'], /--key-safe .* give it together with --encrypted/],
    [['--summary', '  '], /--summary is empty/],
  ])('refuses %j with exit 2 and writes nothing', async (extra, message) => {
    const args = [...NEW.slice(2)];
    for (let i = 0; i < extra.length; i += 2) {
      const at = args.indexOf(extra[i]);
      if (extra[i + 1] === undefined || extra[i + 1].startsWith('--')) args.push(extra[i]);
      else if (at === -1) args.push(extra[i], extra[i + 1]);
      else args[at + 1] = extra[i + 1];
    }
    const result = await run(['incident', 'new', register, '--workspace', workspace, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toMatch(message);
    expect(result.stdout).toEqual([]);
    await expect(readFile(register)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a register name that is not <name>.incidents.candor.json, so a workspace is never written as one', async () => {
    const result = await run([...NEW.slice(0, 2), workspace, '--workspace', workspace, ...NEW.slice(2)]);
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toMatch(/is not an incident register's name: registers are named <name>\.incidents\.candor\.json/);
    expect(await readFile(workspace, 'utf8')).toBe(serializeWorkspace(await sample()));
  });

  it('says where the app looks when the register is not beside the workspace under its name', async () => {
    const elsewhere = join(dir, 'restricted.incidents.candor.json');
    const result = await run([...NEW.slice(0, 2), elsewhere, '--workspace', workspace, ...NEW.slice(2)]);
    expect(result.code).toBe(0);
    expect(result.stderr.join('\n')).toContain(`Note: the app and "candor lint" look for the register of ${workspace} at ${register}`);
  });

  it('refuses while Candor has the register open (exit 2), and a register it must not write over', async () => {
    await writeFile(register, serializeRegister({ format: 'candor/incidents', version: 1, incidents: [] }));
    const other = await acquireWorkspaceLock(register, () => undefined);
    if (!other.ok) throw new Error('the lock was not taken');
    try {
      const locked = await newIncident();
      expect(locked.code).toBe(2);
      expect(locked.stderr.join('\n')).toMatch(/^Nothing was recorded: The incident register .* is open in another Candor/);
    } finally {
      await other.lock.release();
    }
    const newer = '{"format":"candor/incidents","version":2,"incidents":[]}';
    await writeFile(register, newer);
    const refused = await newIncident();
    expect(refused.code).toBe(2);
    expect(refused.stderr.join('\n')).toMatch(/newer version of Candor/);
    expect(await readFile(register, 'utf8')).toBe(newer);
  });

  it('refuses an invalid register with its problems (exit 1)', async () => {
    await writeFile(register, JSON.stringify({ format: 'candor/incidents', version: 1, incidents: [{ id: 'x' }] }));
    const result = await newIncident();
    expect(result.code).toBe(1);
    expect(result.stderr.join('\n')).toMatch(/incidents\[0\]\.title: is required/);
  });
});

describe('candor incident list and show', () => {
  beforeEach(async () => {
    const decided = incident({
      id: 'lost-laptop',
      title: 'Lost laptop',
      status: 'closed',
      discoveredAt: '2026-11-02T08:00:00-07:00',
      timeZone: 'America/Los_Angeles',
      encrypted: true,
      keySafe: true,
      decisions: { authority: { decision: 'do-not-notify', reasons: 'Full-disk encryption, key safe.' } },
    });
    await writeFile(register, serializeRegister({ format: 'candor/incidents', version: 1, incidents: [incident(), decided] }));
  });

  it('lists each incident with its status and how the 72 hours stand', async () => {
    const result = await run(['incident', 'list', register]);
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    expect(text).toContain('leak  [open]  Leaked password hashes');
    expect(text).toMatch(
      /discovered 1 December 2026, 09:30 \(UTC\+01:00\); no decision on the authority yet: due 4 December 2026, 09:30 \(UTC\+01:00\), 75 h 30 min overdue/,
    );
    expect(text).toContain('lost-laptop  [closed]  Lost laptop');
    expect(text).toContain('decided not to notify the authority');
    expect(result.stdout.at(-1)).toBe(`${register}: 2 incidents, 1 not closed.`);

    const json = await run(['incident', 'list', register, '--json']);
    const records = JSON.parse(json.stdout.join('\n'));
    expect(records[0]).toEqual({
      id: 'leak',
      title: 'Leaked password hashes',
      status: 'open',
      discoveredAt: '2026-12-01T09:30:00+01:00',
      clock: { deadline: '2026-12-04T08:30:00.000Z', phase: 'running', late: true, remainingMs: -(75 * 60 + 30) * 60_000 },
    });
  });

  it('says so when there is no register yet', async () => {
    await rm(register);
    const result = await run(['incident', 'list', register]);
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toMatch(/does not exist yet: no incidents recorded/);
  });

  it('shows the deadline and the proposed decisions with their reasons, from the workspace beside the register', async () => {
    const result = await run(['incident', 'show', register, 'leak']);
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    expect(text).toContain('leak: Leaked password hashes [open]');
    expect(text).toMatch(/Deadline: +no decision on the authority yet: due 4 December 2026, 09:30 \(UTC\+01:00\), 75 h 30 min overdue/);
    expect(text).toMatch(/Supervisory authority \(Art 33\): notify\n {4}- /);
    expect(text).toMatch(/People affected \(Art 34\): (notify|do not notify)\n {4}- /);
    expect(text).toContain('Supervisory authority: not decided yet');

    const json = JSON.parse((await run(['incident', 'show', register, 'leak', '--json'])).stdout.join('\n'));
    expect(json.incident.id).toBe('leak');
    expect(json.clock.late).toBe(true);
    expect(json.assessment.authority.proposal).toBe('notify');
    expect(json.assessment.authority.reasons.length).toBeGreaterThan(0);
  });

  it('refuses an unknown id (exit 2) naming the ones there are, and a missing workspace', async () => {
    const unknown = await run(['incident', 'show', register, 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr[0]).toBe(
      `${register} has no incident "nope"; its incidents are leak, lost-laptop. "candor incident list ${register}" lists them.`,
    );
    await rm(workspace);
    const missing = await run(['incident', 'show', register, 'leak']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.join('\n')).toMatch(/name it with --workspace/);
  });
});

describe('candor lint with an incident register beside the workspace', () => {
  it('reports an open incident past its 72 hours without a decision as an error (exit 1), at paths in the register', async () => {
    const clean = await run(['lint', workspace, '--json']);
    const before = JSON.parse(clean.stdout.join('\n')) as { path: string }[];
    await writeFile(register, serializeRegister({ format: 'candor/incidents', version: 1, incidents: [incident()] }));
    const result = await run(['lint', workspace, '--json']);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout.join('\n')) as { rule: string; severity: string; path: string }[];
    expect(findings.slice(0, before.length)).toEqual(before);
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'incident-authority-overdue', severity: 'error', path: 'incidents[0].decisions.authority' }),
    );

    const text = await run(['lint', workspace]);
    expect(text.code).toBe(1);
    expect(text.stdout.join('\n')).toMatch(/incidents\[0\]\.decisions\.authority: .*\[incident-authority-overdue\]/);
    expect(text.stdout.at(-1)).toContain(`with the incident register ${register}`);

    // Within the 72 hours the same incident is no error.
    const early = await run(['lint', workspace, '--json'], '2026-12-01T10:00:00Z');
    const earlyFindings = JSON.parse(early.stdout.join('\n')) as { rule: string }[];
    expect(earlyFindings.map((f) => f.rule)).not.toContain('incident-authority-overdue');
  });

  it('says when the register cannot be reviewed, with the exit code it calls for', async () => {
    await writeFile(register, '{"format":"candor/incidents","version":1,"incidents":[{"id":"x"}]}');
    const invalid = await run(['lint', workspace]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr.join('\n')).toMatch(/incidents\[0\]\.title: is required[\s\S]*Its incidents were not reviewed\./);
    await writeFile(register, 'not json');
    const unreadable = await run(['lint', workspace]);
    expect(unreadable.code).toBe(2);
  });
});

describe('candor incident draft', () => {
  it('writes every draft in Markdown, HTML and Word and the breach register as CSV and XLSX', async () => {
    await writeFile(register, serializeRegister({ format: 'candor/incidents', version: 1, incidents: [incident()] }));
    const out = join(dir, 'drafts');
    const result = await run(['incident', 'draft', register, 'leak', '--out', out]);
    expect(result.code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(
      [
        ...['authority-notification', 'people-notice', 'us-notice-of-data-breach'].flatMap((draft) =>
          ['.md', '.html', '.docx'].map((extension) => `leak-${draft}${extension}`),
        ),
        'breach-register.csv',
        'breach-register.xlsx',
      ].sort(),
    );
    expect(result.stdout[0]).toBe(`Wrote 11 files for leak into ${out}:`);
    // Past the 72 hours, the authority draft asks for the reasons for the delay (Art 33(1)).
    const authority = await readFile(join(out, 'leak-authority-notification.md'), 'utf8');
    expect(authority).toMatch(/^# Notification of a personal data breach/);
    expect(authority).toMatch(/delay/i);
    expect(await readFile(join(out, 'breach-register.csv'), 'utf8')).toContain('Leaked password hashes');
    expect((await readFile(join(out, 'leak-people-notice.docx'))).subarray(0, 2).toString('latin1')).toBe('PK');
    if (process.platform !== 'win32') expect((await stat(join(out, 'breach-register.xlsx'))).mode & 0o777).toBe(0o600);
  });

  it('refuses an unknown incident and writes nothing', async () => {
    await writeFile(register, serializeRegister({ format: 'candor/incidents', version: 1, incidents: [incident()] }));
    const out = join(dir, 'drafts');
    const result = await run(['incident', 'draft', register, 'nope', '--out', out]);
    expect(result.code).toBe(2);
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('candor incident --help', () => {
  it.each([
    [
      'new',
      [
        '<register>',
        '--workspace <file>',
        '--discovered <date-time>',
        '--data-types <ids>',
        '--people <n>',
        '--residence <places>',
        '--summary <text>',
      ],
    ],
    ['list', ['<register>', '--json']],
    ['show', ['<register>', '<id>', '--workspace <file>', '--json']],
    ['draft', ['<register>', '<id>', '--out <dir>']],
  ])('incident %s --help describes its arguments and options, with an example', async (command, words) => {
    const result = await run(['incident', command, '--help']);
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    expect(text).toContain(`Usage: candor incident ${command}`);
    for (const word of words) expect(text).toContain(word);
    expect(text).toMatch(new RegExp(`\\$ candor incident ${command} `));
  });

  it('a missing required option is a usage error (exit 2)', async () => {
    const result = await run(['incident', 'new', register, '--workspace', workspace]);
    expect(result.code).toBe(2);
    expect(result.stderr.join(' ')).toMatch(/required option .*--discovered/);
  });
});
