// `candor incident new|list|show|draft`: the incident register from the command line, for the first hours
// of a breach when the app is not at hand (or in a script). The register is the app's own file
// (`<name>.incidents.candor.json` beside the workspace), read and written through the same store: validated,
// canonical, atomic, with a backup of the version replaced, and refused while Candor has it open.
import { chmod } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { CandorError } from '../../core/api';
import { DOCUMENT_FORMAT_IDS } from '../../core/catalogue';
import { authorityDeadline, clockState, describeRemaining, formatInstant, incidentZone } from '../../core/incidents/clock';
import { INCIDENT_DRAFT_IDS, INCIDENT_DRAFTS } from '../../core/incidents/drafts-catalogue';
import {
  emptyRegister,
  isDateTime,
  isTimeZone,
  residenceId,
  type Incident,
  type IncidentDecision,
  type IncidentRegister,
  type Residence,
} from '../../core/incidents/schema';
import type { Workspace } from '../../core/schema';
import { count } from '../../core/words';
import { writeOutputs } from '../services/build-output';
import { IncidentRegisterStore, readRegisterFile, registerPathFor } from '../services/incidents';
import { draftFileName, renderDraftFile } from '../services/incidents-exports';
import { describeIoError } from '../services/io-error';
import { defaultDataDir } from '../services/paths';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, loadWorkspaceFile, problemLine } from './workspace-file';

export const REGISTER_SUFFIX = '.incidents.candor.json';

export interface IncidentDependencies {
  /** Candor's data folder, where the version of the register a command replaces is kept */
  dataDir?: string;
  /** the clock: when an incident was recorded, and how the 72 hours stand */
  now?: () => Date;
}

/** Messages quote what people typed, which may hold line breaks; one line stays one line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

function checkRegisterName(register: string, output: Output): boolean {
  if (basename(register).endsWith(REGISTER_SUFFIX)) return true;
  output.err(
    `${register} is not an incident register's name: registers are named <name>${REGISTER_SUFFIX}, beside the workspace <name>.candor.json (for ridgeline.candor.json: ridgeline${REGISTER_SUFFIX}).`,
  );
  return false;
}

/** The workspace a register belongs to: the one named, or `<name>.candor.json` beside `<name>.incidents.candor.json`. */
function workspaceOf(register: string, named: string | undefined): string {
  if (named !== undefined) return named;
  const stem = basename(register).slice(0, -REGISTER_SUFFIX.length);
  return join(dirname(register), `${stem}.candor.json`);
}

/** Why the register could not be used, as a line and an exit code (1: the register has problems to fix). */
function registerRefusal(error: CandorError): { exitCode: number; lines: string[] } {
  if (error.code === 'invalid-workspace' && error.problems?.length) {
    return { exitCode: EXIT_PROBLEMS, lines: [...error.problems.map(problemLine), error.message] };
  }
  return { exitCode: EXIT_ERROR, lines: [error.message] };
}

type LoadedRegister = { ok: true; register: IncidentRegister; exists: boolean } | { ok: false; exitCode: number };

/** The register for reading: an empty one when the file does not exist yet. */
async function loadRegister(register: string, output: Output): Promise<LoadedRegister> {
  const content = await readRegisterFile(resolve(register));
  if (content.kind === 'missing') return { ok: true, register: emptyRegister(), exists: false };
  if (content.kind === 'refused') {
    const { exitCode, lines } = registerRefusal(content.error);
    for (const line of lines) output.err(line);
    return { ok: false, exitCode };
  }
  return { ok: true, register: content.register, exists: true };
}

function findIncident(register: IncidentRegister, id: string, file: string, output: Output): Incident | undefined {
  const incident = register.incidents.find((i) => i.id === id);
  if (incident) return incident;
  const ids = register.incidents.map((i) => i.id);
  output.err(
    `${file} has no incident "${id}"; ${ids.length === 0 ? 'it holds no incidents yet' : `its incidents are ${ids.join(', ')}`}. "candor incident list ${file}" lists them.`,
  );
  return undefined;
}

/** `lost-laptop-2026-12-05`, or with `-2`, `-3` … when that is taken: a readable id that sorts by day. */
export function newIncidentId(register: IncidentRegister, title: string, discoveredAt: string): string {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 5)
    .join('-')
    .slice(0, 40)
    .replace(/-+$/, '');
  const base = `${discoveredAt.slice(0, 10)}${words ? `-${words}` : ''}`;
  const taken = new Set(register.incidents.map((i) => i.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** A title from the summary when none is given: its first sentence, cut at a word. */
function titleFrom(summary: string): string {
  const first = oneLine(summary)
    .split(/(?<=[.!?])\s/)[0]
    .replace(/[.!?]$/, '');
  if (first.length <= 80) return first;
  return `${first.slice(0, 80).replace(/\s+\S*$/, '')}…`;
}

function parseList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function parseCount(value: string | undefined, option: string, output: Output): number | undefined | false {
  if (value === undefined) return undefined;
  if (!/^\d{1,12}$/.test(value.trim())) {
    output.err(`${option} "${value}" is not a number of people or records: give a whole number such as 1200 (an estimate is fine).`);
    return false;
  }
  return Number(value.trim());
}

/** Up to `limit` ids, then "…": a hint, not a dump of a 2,000-entry inventory. */
function someIds(ids: readonly string[], limit = 12): string {
  return `${ids.slice(0, limit).join(', ')}${ids.length > limit ? `, … (${ids.length} in all)` : ''}`;
}

export interface NewIncidentOptions {
  workspace: string;
  discovered: string;
  dataTypes: string;
  people: string;
  records?: string;
  encrypted?: boolean;
  keySafe?: boolean;
  residence?: string;
  summary: string;
  title?: string;
  timeZone?: string;
}

export async function incidentNewCommand(
  register: string,
  options: NewIncidentOptions,
  output: Output,
  deps: IncidentDependencies = {},
): Promise<number> {
  if (!checkRegisterName(register, output)) return EXIT_ERROR;
  if (!isDateTime(options.discovered)) {
    output.err(
      `--discovered "${options.discovered}" is not a date and time with its offset: write it like 2026-12-05T09:30:00+01:00 (or …Z for UTC), the moment the organisation became aware of the breach.`,
    );
    return EXIT_ERROR;
  }
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) {
    output.err(
      `--time-zone "${options.timeZone}" is not a time zone Candor knows: give an IANA name such as Europe/Berlin or America/New_York.`,
    );
    return EXIT_ERROR;
  }
  const summary = oneLine(options.summary);
  if (!summary) {
    output.err('--summary is empty: say in a sentence what happened, such as "A laptop with support exports was stolen from a car."');
    return EXIT_ERROR;
  }
  const people = parseCount(options.people, '--people', output);
  const records = parseCount(options.records, '--records', output);
  if (people === false || records === false) return EXIT_ERROR;
  if (options.keySafe && !options.encrypted) {
    output.err('--key-safe says the key to encrypted data was not compromised; give it together with --encrypted.');
    return EXIT_ERROR;
  }
  // Each place may carry its approximate number of people ("us-ca:620"): California's law asks for a copy to the
  // Attorney General above 500 residents, which the total alone cannot tell.
  const residence: Residence[] = [];
  const residents: Partial<Record<Residence, number>> = {};
  for (const entry of parseList(options.residence)) {
    const [place, count, extra] = entry.split(':');
    const id = residenceId(place);
    if (!id) {
      output.err(
        `--residence "${place}" is not a place Candor knows: use gdpr (or eu) for the EU and EEA, uk-gdpr (or uk), ccpa (or us-ca) for California, us-<state> for another US state (us-ny, us-tx …), or other.`,
      );
      return EXIT_ERROR;
    }
    if (count !== undefined) {
      if (extra !== undefined || !/^\d{1,12}$/.test(count.trim())) {
        output.err(
          `--residence "${entry}" has a count Candor cannot read: write the place, then optionally a colon and the approximate number of people living there, such as us-ca:620.`,
        );
        return EXIT_ERROR;
      }
      residents[id] = Number(count.trim());
    }
    if (!residence.includes(id)) residence.push(id);
  }

  const loaded = await loadWorkspaceFile(options.workspace);
  if (!loaded.ok) {
    for (const line of loaded.lines) output.err(line);
    return loaded.exitCode;
  }
  const workspace = loaded.workspace;
  const dataTypes = [...new Set(parseList(options.dataTypes))];
  if (dataTypes.length === 0) {
    output.err(
      `--data-types is empty: list the affected data types by id, separated by commas (${someIds(workspace.dataTypes.map((d) => d.id))}).`,
    );
    return EXIT_ERROR;
  }
  const known = new Set(workspace.dataTypes.map((d) => d.id));
  const unknown = dataTypes.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    output.err(
      `--data-types names ${unknown.length === 1 ? 'a data type' : 'data types'} that ${options.workspace} does not have: ${unknown.join(', ')}. Its data types are ${someIds([...known])}.`,
    );
    return EXIT_ERROR;
  }

  const path = resolve(register);
  const store = new IncidentRegisterStore(path, { dataDir: deps.dataDir ?? defaultDataDir() });
  try {
    const state = await store.get(basename(options.workspace));
    if (!state.ok) {
      const { exitCode, lines } = registerRefusal(state.error);
      for (const line of lines) output.err(`Nothing was recorded: ${line}`);
      return exitCode;
    }
    if (state.value.readOnly) {
      output.err(`Nothing was recorded: ${state.value.readOnly.message} Or record the incident in the app.`);
      return EXIT_ERROR;
    }
    const now = (deps.now ?? (() => new Date()))();
    const title = options.title !== undefined && oneLine(options.title) ? oneLine(options.title) : titleFrom(summary);
    const current = state.value.register;
    const incident: Incident = {
      id: newIncidentId(current, title, options.discovered),
      title,
      status: 'open',
      discoveredAt: options.discovered,
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      summary,
      dataTypes,
      ...(people !== undefined ? { people } : {}),
      ...(records !== undefined ? { records } : {}),
      ...(residence.length > 0 ? { residence } : {}),
      ...(Object.keys(residents).length > 0 ? { residents } : {}),
      ...(options.encrypted ? { encrypted: true } : {}),
      ...(options.keySafe ? { keySafe: true } : {}),
      log: [{ at: now.toISOString(), text: 'Recorded with "candor incident new".' }],
    };
    const saved = await store.save({ ...current, incidents: [...current.incidents, incident] }, state.value.revision);
    if (!saved.ok) {
      const { exitCode, lines } = registerRefusal(saved.error);
      for (const line of lines) output.err(`Nothing was recorded: ${line}`);
      return exitCode;
    }
    output.out(incident.id);
    const deadline = formatInstant(authorityDeadline(incident), incidentZone(incident));
    const clock = describeRemaining(clockState(incident, now).remainingMs);
    output.err(
      `Recorded in ${path}${state.value.exists ? '' : ' (a new register)'}. The 72 hours for notifying a supervisory authority (GDPR Art 33) end ${deadline} (${clock}).`,
    );
    output.err(`See what Candor proposes with "candor incident show ${register} ${incident.id}".`);
    const expected = registerPathFor(options.workspace);
    if (expected !== path) {
      output.err(`Note: the app and "candor lint" look for the register of ${options.workspace} at ${expected}, not at ${path}.`);
    }
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

/** The clock in words: "due 8 December 2026, 09:30 (Europe/Berlin, UTC+01:00), 41 h 12 min left". */
function clockLine(incident: Incident, now: Date): string {
  const clock = clockState(incident, now);
  const deadline = formatInstant(clock.deadline, incidentZone(incident));
  switch (clock.phase) {
    case 'notified':
      return `authority notified${clock.late ? ' after the 72 hours' : ' within the 72 hours'} (deadline ${deadline})`;
    case 'not-notifying':
      return `decided not to notify the authority (deadline was ${deadline})`;
    case 'decided':
      return `decided to notify the authority, not yet sent: due ${deadline}, ${describeRemaining(clock.remainingMs)}`;
    case 'running':
      return incident.status === 'closed'
        ? `closed without a decision on the authority (deadline ${deadline})`
        : `no decision on the authority yet: due ${deadline}, ${describeRemaining(clock.remainingMs)}`;
  }
}

function clockJson(incident: Incident, now: Date) {
  const clock = clockState(incident, now);
  return { deadline: clock.deadline.toISOString(), phase: clock.phase, late: clock.late, remainingMs: clock.remainingMs };
}

export async function incidentListCommand(
  register: string,
  options: { json?: boolean },
  output: Output,
  deps: IncidentDependencies = {},
): Promise<number> {
  if (!checkRegisterName(register, output)) return EXIT_ERROR;
  const loaded = await loadRegister(register, output);
  if (!loaded.ok) return loaded.exitCode;
  const now = (deps.now ?? (() => new Date()))();
  const incidents = loaded.register.incidents;
  if (options.json) {
    const records = incidents.map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      discoveredAt: i.discoveredAt,
      clock: clockJson(i, now),
    }));
    output.out(JSON.stringify(records, null, 2));
    return EXIT_OK;
  }
  if (!loaded.exists) {
    output.out(`${register} does not exist yet: no incidents recorded. Record one with "candor incident new ${register} --workspace …".`);
    return EXIT_OK;
  }
  for (const incident of incidents) {
    output.out(`${incident.id}  [${incident.status}]  ${oneLine(incident.title)}`);
    output.out(`  discovered ${formatInstant(incident.discoveredAt, incidentZone(incident))}; ${clockLine(incident, now)}`);
  }
  output.out(`${register}: ${count(incidents.length, 'incident')}, ${incidents.filter((i) => i.status !== 'closed').length} not closed.`);
  return EXIT_OK;
}

function decisionLine(label: string, decision: IncidentDecision | undefined): string {
  if (!decision) return `  ${label}: not decided yet`;
  const what = decision.decision === 'notify' ? 'notify' : 'do not notify';
  const when = decision.notifiedAt ? `, sent ${decision.notifiedAt}` : '';
  return `  ${label}: ${what}${when}${decision.reasons ? `; ${oneLine(decision.reasons)}` : ''}`;
}

/** Where people live, in words: "the EU and EEA (gdpr)", "California (ccpa)", "New York (us-ny)". */
function placeName(place: Residence, usStateName: (residence: string) => string | undefined): string {
  const name = { gdpr: 'the EU and EEA', 'uk-gdpr': 'the UK', other: 'elsewhere' }[place as string] ?? usStateName(place);
  return name ? `${name} (${place})` : place;
}

export async function incidentShowCommand(
  register: string,
  id: string,
  options: { json?: boolean; workspace?: string },
  output: Output,
  deps: IncidentDependencies = {},
): Promise<number> {
  if (!checkRegisterName(register, output)) return EXIT_ERROR;
  const loaded = await loadRegister(register, output);
  if (!loaded.ok) return loaded.exitCode;
  const incident = findIncident(loaded.register, id, register, output);
  if (!incident) return EXIT_ERROR;
  const workspaceFile = workspaceOf(register, options.workspace);
  const ws = await loadWorkspaceFile(workspaceFile);
  if (!ws.ok) {
    for (const line of ws.lines) output.err(line);
    output.err(`The proposals are worked out from the workspace's inventory; name it with --workspace if it is not ${workspaceFile}.`);
    return ws.exitCode;
  }
  const { assessIncident, usStateName } = await import('../../core/incidents/assessment');
  const assessment = assessIncident(incident, ws.workspace);
  const now = (deps.now ?? (() => new Date()))();
  if (options.json) {
    output.out(JSON.stringify({ incident, clock: clockJson(incident, now), assessment }, null, 2));
    return EXIT_OK;
  }
  const names = new Map(ws.workspace.dataTypes.map((d) => [d.id, d.name || d.id]));
  const zone = incidentZone(incident);
  output.out(`${incident.id}: ${oneLine(incident.title)} [${incident.status}]`);
  output.out(`Discovered: ${formatInstant(incident.discoveredAt, zone)}`);
  output.out(`Deadline:   ${clockLine(incident, now)}`);
  output.out(`What happened: ${oneLine(incident.summary)}`);
  output.out(`Data: ${incident.dataTypes.map((d) => names.get(d) ?? `${d} (not in the inventory)`).join(', ')}`);
  const numbers = [
    incident.people !== undefined ? `about ${incident.people.toLocaleString('en-US')} people` : 'people: not recorded',
    incident.records !== undefined ? `about ${incident.records.toLocaleString('en-US')} records` : undefined,
    incident.residence?.length ? `living in ${incident.residence.map((place) => placeName(place, usStateName)).join(', ')}` : undefined,
  ].filter(Boolean);
  output.out(`Affected: ${numbers.join(', ')}`);
  if (incident.encrypted !== undefined) {
    output.out(
      `Encrypted: ${incident.encrypted ? `yes${incident.keySafe ? ', key safe' : incident.keySafe === false ? ', key compromised' : ', key safety not recorded'}` : 'no'}`,
    );
  }
  output.out('');
  output.out(
    `Risk (EDPB guidelines): ${{ unlikely: 'unlikely to result in a risk', risk: 'a risk', high: 'a high risk' }[assessment.level]}`,
  );
  for (const factor of assessment.factors) output.out(`  ${factor.factor} (${factor.level}): ${oneLine(factor.reason)}`);
  output.out('');
  output.out('Candor proposes (the team decides):');
  const proposal = (p: 'notify' | 'do-not-notify') => (p === 'notify' ? 'notify' : 'do not notify');
  output.out(`  Supervisory authority (Art 33): ${proposal(assessment.authority.proposal)}`);
  for (const reason of assessment.authority.reasons) output.out(`    - ${oneLine(reason)}`);
  output.out(
    `  People affected (Art 34): ${proposal(assessment.people.proposal)}${assessment.people.exception ? ` (Art 34(3) exception: ${assessment.people.exception})` : ''}`,
  );
  for (const reason of assessment.people.reasons) output.out(`    - ${oneLine(reason)}`);
  if (assessment.usStates.length > 0) {
    output.out('  US state breach laws:');
    for (const state of assessment.usStates) {
      const ag = state.attorneyGeneral ? `; copy to the Attorney General: ${state.attorneyGeneral}` : '';
      output.out(
        `    - ${state.state}: ${{ yes: 'triggered', no: 'not triggered', check: 'check' }[state.triggered]}${ag}. ${oneLine(state.reason)}`,
      );
    }
  }
  output.out('');
  output.out('Decisions recorded:');
  output.out(decisionLine('Supervisory authority', incident.decisions?.authority));
  output.out(decisionLine('People affected', incident.decisions?.people));
  if (assessment.usStates.length > 0 || incident.decisions?.usStates)
    output.out(decisionLine('US state notices', incident.decisions?.usStates));
  if (incident.log.length > 0) {
    output.out('');
    output.out('Log:');
    for (const entry of incident.log)
      output.out(`  ${formatInstant(entry.at, zone)}: ${oneLine(entry.text)}${entry.by ? ` (${oneLine(entry.by)})` : ''}`);
  }
  return EXIT_OK;
}

export async function incidentDraftCommand(
  register: string,
  id: string,
  options: { out: string; workspace?: string },
  output: Output,
  deps: IncidentDependencies = {},
): Promise<number> {
  if (!checkRegisterName(register, output)) return EXIT_ERROR;
  const loaded = await loadRegister(register, output);
  if (!loaded.ok) return loaded.exitCode;
  const incident = findIncident(loaded.register, id, register, output);
  if (!incident) return EXIT_ERROR;
  const workspaceFile = workspaceOf(register, options.workspace);
  const ws = await loadWorkspaceFile(workspaceFile);
  if (!ws.ok) {
    for (const line of ws.lines) output.err(line);
    output.err(`The drafts are written from the workspace's inventory; name it with --workspace if it is not ${workspaceFile}.`);
    return ws.exitCode;
  }
  const now = (deps.now ?? (() => new Date()))();
  const files: { path: string; content: string | Uint8Array }[] = [];
  for (const draft of INCIDENT_DRAFT_IDS) {
    for (const format of DOCUMENT_FORMAT_IDS) {
      files.push({
        path: draftFileName(incident.id, draft, format),
        content: await renderDraftFile(ws.workspace, incident, draft, format, now),
      });
    }
  }
  files.push(...(await registerExportFiles(loaded.register, ws.workspace, now)));
  try {
    const written = await writeOutputs(options.out, files);
    // As restricted as the register they come from: readable by their owner only.
    if (process.platform !== 'win32') await Promise.all(written.map((path) => chmod(path, 0o600)));
  } catch (error) {
    const path = (error as { outputPath?: unknown } | undefined)?.outputPath;
    output.err(`Nothing was written: ${describeIoError(error, typeof path === 'string' ? path : options.out)}.`);
    return EXIT_ERROR;
  }
  output.out(`Wrote ${count(files.length, 'file')} for ${incident.id} into ${options.out}:`);
  for (const draft of INCIDENT_DRAFT_IDS)
    output.out(`  ${INCIDENT_DRAFTS[draft].title}: ${DOCUMENT_FORMAT_IDS.map((f) => draftFileName(incident.id, draft, f)).join(', ')}`);
  output.out(
    `  The breach register (Art 33(5)): ${files
      .slice(-2)
      .map((f) => f.path)
      .join(', ')}`,
  );
  output.err('These are drafts: read them, replace every [bracketed] note, and check them with whoever advises you before sending.');
  return EXIT_OK;
}

/** The register's export (Art 33(5)) as CSV and XLSX. */
async function registerExportFiles(
  register: IncidentRegister,
  workspace: Workspace,
  now: Date,
): Promise<{ path: string; content: string | Uint8Array }[]> {
  const { renderRegisterExport, REGISTER_EXPORT_FILE_NAMES } = await import('../services/incidents-exports');
  return Promise.all(
    (['csv', 'xlsx'] as const).map(async (format) => ({
      path: REGISTER_EXPORT_FILE_NAMES[format],
      content: await renderRegisterExport(register, workspace, format, now),
    })),
  );
}
