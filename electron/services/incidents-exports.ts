// The drafts of one incident (core/incidents/drafts.ts) and the breach register export (Art 33(5)), made
// from the register and the workspace as saved, written to a file the person chose or handed back for the
// web mode's browser download. What they hold is as restricted as the register: a new file is readable by
// its owner only, and neither is ever written over the workspace or the register itself.
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fail, ok, type ExportDownload, type Result } from '../../core/api';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../../core/catalogue';
import { DOCUMENT_WRITERS } from '../../core/documents/formats';
import type { IncidentDraftId } from '../../core/incidents/drafts-catalogue';
import type { Incident, IncidentRegister } from '../../core/incidents/schema';
import type { Workspace } from '../../core/schema';
import { writeFileAtomic } from './atomic-write';
import { toDownload } from './download';
import type { SessionIncidents } from './incidents';
import { describeIoError } from './io-error';
import { existingFileRefusal } from './path-guard';

/** What an export of incidents needs: the saved workspace and register, and where each lives. */
interface Saved {
  workspace: Workspace;
  workspacePath: string;
  register: IncidentRegister;
  registerPath: string;
}

async function savedRegister(incidents: SessionIncidents): Promise<Result<Saved>> {
  const current = incidents.current();
  if (!current.ok) return current;
  const { workspace, workspacePath, readOnly, store } = current.value;
  if (readOnly?.kind === 'newer-version') {
    return fail({
      code: 'newer-version',
      file: workspacePath,
      message: `Nothing was exported: ${readOnly.message}`,
    });
  }
  const state = await store.get();
  if (!state.ok) return state;
  if (!state.value.exists) {
    return fail({
      code: 'not-found',
      file: state.value.path,
      message: `Nothing was exported: there is no incident register yet (${state.value.path}). Record an incident first.`,
    });
  }
  return ok({ workspace, workspacePath, register: state.value.register, registerPath: state.value.path });
}

function findIncident(saved: Saved, incidentId: string): Result<Incident> {
  const incident = saved.register.incidents.find((i) => i.id === incidentId);
  if (incident) return ok(incident);
  const ids = saved.register.incidents.map((i) => i.id);
  const known =
    ids.length === 0 ? 'it holds no incidents yet' : `its incidents are ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}`;
  return fail({
    code: 'not-found',
    file: saved.registerPath,
    message: `Nothing was exported: the incident register ${saved.registerPath} has no incident "${incidentId}" (${known}). Save the incident first, or choose one from the list.`,
  });
}

/** The bytes or text of one draft of one incident, in one format. */
export async function renderDraftFile(
  workspace: Workspace,
  incident: Incident,
  draft: IncidentDraftId,
  format: DocumentFormat,
  now: Date,
): Promise<string | Uint8Array> {
  const { renderIncidentDraft } = await import('../../core/incidents/drafts');
  return DOCUMENT_WRITERS[format](renderIncidentDraft(draft, incident, workspace, { now }));
}

/** `lost-laptop-people-notice.docx`: the incident, the draft and the format in one name. */
export function draftFileName(incidentId: string, draft: IncidentDraftId, format: DocumentFormat): string {
  return `${incidentId}-${draft}${DOCUMENT_FORMATS[format].extension}`;
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const real = (path: string) => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

/** Writes an export to `target` unless it is the workspace or the register, or exists and may not be replaced. */
async function writeExport(
  saved: Saved,
  target: string,
  content: string | Uint8Array,
  overwrite: boolean | undefined,
): Promise<Result<{ path: string }>> {
  for (const [what, path] of [
    ['the open workspace', saved.workspacePath],
    ['the incident register', saved.registerPath],
  ] as const) {
    if (await sameFile(target, path)) {
      return fail({
        code: 'forbidden',
        file: target,
        message: `Nothing was exported: ${target} is ${what}, and exporting there would replace it. Choose another file name.`,
      });
    }
  }
  const refusal = await existingFileRefusal(target, overwrite);
  if (refusal) return refusal;
  try {
    await writeFileAtomic(target, content, { mode: 0o600 });
  } catch (error) {
    return fail({ code: 'io', file: target, message: `Nothing was exported: ${describeIoError(error, target)}.` });
  }
  return ok({ path: target });
}

export async function incidentDraftDownload(
  incidents: SessionIncidents,
  { incidentId, draft, format }: { incidentId: string; draft: IncidentDraftId; format: DocumentFormat },
  now: Date = new Date(),
): Promise<Result<ExportDownload>> {
  const saved = await savedRegister(incidents);
  if (!saved.ok) return saved;
  const incident = findIncident(saved.value, incidentId);
  if (!incident.ok) return incident;
  const content = await renderDraftFile(saved.value.workspace, incident.value, draft, format, now);
  return ok(toDownload(draftFileName(incidentId, draft, format), DOCUMENT_FORMATS[format].mediaType, content));
}

export async function incidentDraftExport(
  incidents: SessionIncidents,
  arg: { incidentId: string; draft: IncidentDraftId; format: DocumentFormat; path: string; overwrite?: boolean },
  now: Date = new Date(),
): Promise<Result<{ path: string }>> {
  const saved = await savedRegister(incidents);
  if (!saved.ok) return saved;
  const incident = findIncident(saved.value, arg.incidentId);
  if (!incident.ok) return incident;
  const { extension } = DOCUMENT_FORMATS[arg.format];
  const target = arg.path.toLowerCase().endsWith(extension) ? arg.path : `${arg.path}${extension}`;
  const content = await renderDraftFile(saved.value.workspace, incident.value, arg.draft, arg.format, now);
  return writeExport(saved.value, target, content, arg.overwrite);
}

export type RegisterExportFormat = 'csv' | 'xlsx';

/** The breach register's files: the name a download suggests and `candor incident draft` writes, and their media types. */
export const REGISTER_EXPORTS: Readonly<Record<RegisterExportFormat, { fileName: string; extension: string; mediaType: string }>> = {
  csv: { fileName: 'breach-register.csv', extension: '.csv', mediaType: 'text/csv; charset=utf-8' },
  xlsx: {
    fileName: 'breach-register.xlsx',
    extension: '.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
};

export const REGISTER_EXPORT_FILE_NAMES: Readonly<Record<RegisterExportFormat, string>> = {
  csv: REGISTER_EXPORTS.csv.fileName,
  xlsx: REGISTER_EXPORTS.xlsx.fileName,
};

/** `YYYY-MM-DD` of `now` on this computer's calendar: the day the workbook says it was made. */
function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The breach register (Art 33(5)) of every incident, as CSV text or the bytes of an Excel workbook. */
export async function renderRegisterExport(
  register: IncidentRegister,
  workspace: Workspace,
  format: RegisterExportFormat,
  now: Date,
): Promise<string | Uint8Array> {
  if (format === 'csv') return (await import('../../core/incidents/register-export')).incidentRegisterCsv(register, workspace);
  return (await import('./incident-register-xlsx')).incidentRegisterXlsx(register, workspace, localDay(now));
}

export async function incidentRegisterDownload(
  incidents: SessionIncidents,
  { format }: { format: RegisterExportFormat },
  now: Date = new Date(),
): Promise<Result<ExportDownload>> {
  const saved = await savedRegister(incidents);
  if (!saved.ok) return saved;
  const content = await renderRegisterExport(saved.value.register, saved.value.workspace, format, now);
  return ok(toDownload(REGISTER_EXPORTS[format].fileName, REGISTER_EXPORTS[format].mediaType, content));
}

export async function incidentRegisterExport(
  incidents: SessionIncidents,
  { format, path, overwrite }: { format: RegisterExportFormat; path: string; overwrite?: boolean },
  now: Date = new Date(),
): Promise<Result<{ path: string }>> {
  const saved = await savedRegister(incidents);
  if (!saved.ok) return saved;
  const { extension } = REGISTER_EXPORTS[format];
  const target = path.toLowerCase().endsWith(extension) ? path : `${path}${extension}`;
  const content = await renderRegisterExport(saved.value.register, saved.value.workspace, format, now);
  return writeExport(saved.value, target, content, overwrite);
}
