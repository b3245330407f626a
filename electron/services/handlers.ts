// The handler map behind every transport (Electron IPC, local HTTP, the CLI). Callers are untrusted:
// invokeHandler checks the name and the argument before anything runs, and nothing thrown inside a
// handler crosses the boundary except as a plain { ok: false, error }.
import { basename, isAbsolute } from 'node:path';
import { z } from 'zod';
import { fail, HANDLER_NAMES, ok, type CandorError, type HandlerArg, type HandlerName, type Handlers, type Result } from '../../core/api';
import { DOCUMENT_FORMAT_IDS, EXPORT_KINDS } from '../../core/catalogue';
import { INCIDENT_DRAFT_IDS, isIncidentDraftId, type IncidentDraftId } from '../../core/incidents/drafts-catalogue';
import type { IncidentRegister } from '../../core/incidents/schema';
import { isCalendarDate, type Workspace } from '../../core/schema';
import { isVersionNumber } from '../../core/versions';
import { describeIssue, describeValue, formatPath } from '../../core/validate';
import { BACKUP_ID_PATTERN } from './backups';
import { SessionIncidents } from './incidents';
import { describeIoError } from './io-error';
import type { PathGuard, PathUse } from './path-guard';
import type { WorkspaceSession } from './session';

export interface HandlerInfo {
  shell: 'electron' | 'web';
  version: string;
  platform: string;
  dataDir: string;
}

/**
 * `paths` decides which file paths callers may use (path-guard.ts): the desktop app's dialogs, the web
 * mode's root folder, or anything for the command line.
 */
export function createHandlers(session: WorkspaceSession, info: HandlerInfo, paths: PathGuard): Handlers {
  // Runs `then` with the checked path, or answers with why the path may not be used.
  const withPath = async <T>(path: string, use: PathUse, then: (checked: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const checked = await paths.check(path, use);
    return checked.ok ? then(checked.value) : checked;
  };
  // The register beside the open workspace; its lock goes with the workspace's session.
  const incidents = new SessionIncidents(session, { dataDir: info.dataDir });
  return {
    'app-info': async () => ok({ version: info.version, shell: info.shell, platform: info.platform, dataDir: info.dataDir }),
    'workspace-get': async () => ok(session.state()),
    // A file that cannot be opened is still an answer: the state says why, and the UI shows it.
    'workspace-open': ({ path }) => withPath(path, 'open-workspace', async (checked) => ok(await session.open(checked))),
    'workspace-new': ({ path, example, name }) =>
      withPath(path, 'new-workspace', (checked) => session.createWorkspace(checked, { example, name })),
    'workspace-save': (arg) =>
      arg.changes ? session.saveChanges(arg.changes, arg.baseRevision) : session.save(arg.workspace, arg.baseRevision),
    'workspace-save-as': ({ path, workspace }) => withPath(path, 'save-workspace-as', (checked) => session.saveAs(checked, workspace)),
    'workspace-reload': async () => ok(await session.reload()),
    'workspace-recent': async () => ok(await session.recent()),
    'backup-list': async () => ok(await session.backups()),
    'backup-read': ({ id }) => session.readBackup(id),
    'backup-restore': ({ id }) => session.restoreBackup(id),
    // The generators load on first use, so opening a workspace stays quick.
    'document-templates': async () => (await import('./documents')).workspaceTemplates(session),
    'document-export': (arg) =>
      withPath(arg.path, 'export', async (path) => (await import('./documents')).exportDocument(session, { ...arg, path })),
    'export-file': (arg) => withPath(arg.path, 'export', async (path) => (await import('./exports')).exportFile(session, { ...arg, path })),
    'document-download': async (arg) => (await import('./documents')).downloadDocument(session, arg),
    'export-download': async (arg) => (await import('./exports')).exportDownload(session, arg),
    'import-preview': (arg) => withPath(arg.path, 'import', async (path) => (await import('./imports')).importPreview(session, { path })),
    'incidents-get': async () => {
      const current = incidents.current();
      return current.ok ? current.value.store.get(basename(current.value.workspacePath)) : current;
    },
    'incidents-save': async ({ baseRevision, register }) => {
      const current = incidents.current();
      if (!current.ok) return current;
      const saved = await current.value.store.save(register, baseRevision);
      return saved.ok ? ok({ revision: saved.value.revision }) : saved;
    },
    'incident-draft-download': async (arg) => (await import('./incidents-exports')).incidentDraftDownload(incidents, arg),
    'incident-draft-export': (arg) =>
      withPath(arg.path, 'export', async (path) => (await import('./incidents-exports')).incidentDraftExport(incidents, { ...arg, path })),
    'incident-register-download': async (arg) => (await import('./incidents-exports')).incidentRegisterDownload(incidents, arg),
    'incident-register-export': (arg) =>
      withPath(arg.path, 'export', async (path) =>
        (await import('./incidents-exports')).incidentRegisterExport(incidents, { ...arg, path }),
      ),
    // The archive beside the open workspace (versions.ts); publishing renders every document, so it loads on first use.
    'versions-list': async () => (await import('./versions')).sessionVersions(session),
    'version-publish': async (arg) => (await import('./versions')).publishSessionVersion(session, arg),
    'version-read': async ({ version }) => (await import('./versions')).sessionVersion(session, version),
    'version-redline-download': async (arg) => (await import('./redline')).redlineDownload(session, arg),
    'version-redline-export': (arg) =>
      withPath(arg.path, 'export', async (path) => (await import('./redline')).redlineExport(session, { ...arg, path })),
  };
}

const noArgument = z.strictObject({});
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL characters')
  .refine((p) => isAbsolute(p), 'must be an absolute file path, such as /home/ana/privacy/ridgeline.candor.json');
// The workspace's fields are checked by the session against the format, which reports each
// problem with its field path; here only its shape as an object is required.
const workspaceObject = z.custom<Workspace>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'must be a workspace object ({ "format": "candor/workspace", … })',
);

const revision = z.string().regex(/^[0-9a-f]{64}$/, 'must be the revision the workspace was loaded at (64 hexadecimal characters)');
// Entries are checked by the session against the format, like a whole workspace; here only the
// shape of the change set.
const entry = z.looseObject({ id: z.string() });
const listChanges = z.strictObject({ order: z.array(z.string()), upserts: z.array(entry) });
const workspaceChanges = z.strictObject({
  set: z.record(z.string(), z.unknown()),
  unset: z.array(z.string()),
  lists: z.strictObject({
    purposes: listChanges.optional(),
    recipients: listChanges.optional(),
    collectionPoints: listChanges.optional(),
    dataTypes: listChanges.optional(),
  }),
});

// A template's id is its file name without .md, so it is no longer than a file name may be.
const documentId = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a document id such as "privacy-notice"');
const documentFormat = z.enum(DOCUMENT_FORMAT_IDS);
const exportKind = z.enum(EXPORT_KINDS, { error: `must be one of ${EXPORT_KINDS.join(', ')}` });
// The register's fields are checked by its store against the register format, each problem with its path.
const registerObject = z.custom<IncidentRegister>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'must be an incident register object ({ "format": "candor/incidents", … })',
);
const registerRevision = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be the revision the register was loaded at (64 hexadecimal characters), or null when there is no file yet')
  .nullable();
const incidentId = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an incident id from the register, such as "2026-12-05-lost-laptop"');
const incidentDraft = z.custom<IncidentDraftId>(isIncidentDraftId, `must be one of ${INCIDENT_DRAFT_IDS.join(', ')}`);
const registerFormat = z.enum(['csv', 'xlsx'], { error: 'must be "csv" or "xlsx"' });

const versionNumber = z
  .string()
  .max(20)
  .refine(isVersionNumber, 'must be a version number: one to three whole numbers separated by dots, such as 2.1');
const effectiveDate = z.string().max(10).refine(isCalendarDate, 'must be a date as YYYY-MM-DD, such as 2027-03-01');
// The note is for the team's own records (the index keeps it); a line or two, not a document.
const versionNote = z
  .string()
  .max(500, 'must be at most 500 characters: a short internal note')
  // Any control character but the tab and the line break.
  .refine((note) => !/[^\P{Cc}\t\n]/u.test(note), 'must not contain control characters');

// A side of a redline: a published version's number, or the working copy.
const redlineSide = z
  .string()
  .max(20)
  .refine((side) => side === 'working' || isVersionNumber(side), 'must be a version number such as 2.1, or "working" for the working copy');
const redlineFields = {
  from: redlineSide,
  to: redlineSide,
  format: z.enum(['docx', 'html'], { error: 'must be "docx" (Word with tracked changes) or "html" (a comparison page)' }),
  document: documentId.optional(),
};

// Each schema's output must be its handler's argument type: a schema that lets through something else
// (or a handler without a schema) fails to compile.
const ARGUMENTS: { [K in HandlerName]: z.ZodType<HandlerArg<K>> } = {
  'app-info': noArgument,
  'workspace-get': noArgument,
  'workspace-open': z.strictObject({ path: filePath }),
  'workspace-new': z.strictObject({
    path: filePath,
    example: z.boolean().optional(),
    name: z.string().trim().min(1).max(300).optional(),
  }),
  'workspace-save': z
    .strictObject({ workspace: workspaceObject.optional(), changes: workspaceChanges.optional(), baseRevision: revision })
    // Rebuilt as one of the two shapes the handler takes, so the compiler sees the check.
    .transform((arg, context): HandlerArg<'workspace-save'> => {
      const { workspace, changes, baseRevision } = arg;
      if (workspace !== undefined && changes === undefined) return { workspace, baseRevision };
      if (changes !== undefined && workspace === undefined) return { changes, baseRevision };
      context.issues.push({ code: 'custom', input: arg, message: 'must carry either the whole "workspace" or its "changes", not both' });
      return z.NEVER;
    }),
  'workspace-save-as': z.strictObject({ path: filePath, workspace: workspaceObject }),
  'workspace-reload': noArgument,
  'workspace-recent': noArgument,
  'backup-list': noArgument,
  'backup-read': z.strictObject({ id: z.string().regex(BACKUP_ID_PATTERN, 'must be a backup id from the backup list') }),
  'backup-restore': z.strictObject({ id: z.string().regex(BACKUP_ID_PATTERN, 'must be a backup id from the backup list') }),
  'document-templates': noArgument,
  'document-export': z.strictObject({
    id: documentId,
    format: documentFormat,
    path: filePath,
    allowErrors: z.boolean().optional(),
    overwrite: z.boolean().optional(),
  }),
  'export-file': z.strictObject({
    kind: exportKind,
    path: filePath,
    allowErrors: z.boolean().optional(),
    overwrite: z.boolean().optional(),
  }),
  'document-download': z.strictObject({ id: documentId, format: documentFormat, allowErrors: z.boolean().optional() }),
  'export-download': z.strictObject({ kind: exportKind, allowErrors: z.boolean().optional() }),
  'import-preview': z.strictObject({ path: filePath }),
  'incidents-get': noArgument,
  'incidents-save': z.strictObject({ baseRevision: registerRevision, register: registerObject }),
  'incident-draft-download': z.strictObject({ incidentId, draft: incidentDraft, format: documentFormat }),
  'incident-draft-export': z.strictObject({
    incidentId,
    draft: incidentDraft,
    format: documentFormat,
    path: filePath,
    overwrite: z.boolean().optional(),
  }),
  'incident-register-download': z.strictObject({ format: registerFormat }),
  'incident-register-export': z.strictObject({ format: registerFormat, path: filePath, overwrite: z.boolean().optional() }),
  'versions-list': noArgument,
  'version-publish': z.strictObject({
    version: versionNumber,
    effective: effectiveDate,
    note: versionNote.optional(),
    allowErrors: z.boolean().optional(),
  }),
  'version-read': z.strictObject({ version: versionNumber }),
  'version-redline-download': z.strictObject(redlineFields),
  'version-redline-export': z.strictObject({ ...redlineFields, path: filePath, overwrite: z.boolean().optional() }),
};

function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && (HANDLER_NAMES as readonly string[]).includes(name);
}

/** A thrown value as one sentence, without a stack trace or anything else from inside. */
function thrownMessage(name: string, error: unknown, file: string | undefined): string {
  if (file && typeof (error as { code?: unknown })?.code === 'string') return `${name} failed: ${describeIoError(error, file)}.`;
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : 'an unexpected error';
  return `${name} failed: ${detail.split('\n')[0].replace(/\.$/, '')}. Try again; if it keeps failing, restart Candor.`;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as { ok?: unknown; error?: unknown };
  return record.ok === true ? 'value' in record : record.ok === false && typeof record.error === 'object' && record.error !== null;
}

/**
 * Validates the handler name and its argument (the caller is untrusted), calls it, and never throws:
 * any exception becomes { ok: false, error: { code: 'io', message } } without a stack trace.
 */
export async function invokeHandler(handlers: Handlers, name: unknown, arg: unknown): Promise<Result<unknown>> {
  if (!isHandlerName(name)) {
    const shown = typeof name === 'string' ? `"${name.slice(0, 80)}"` : `a name that is ${describeValue(name)}`;
    return fail({ code: 'unknown-handler', message: `Candor has no handler ${shown}; known handlers are ${HANDLER_NAMES.join(', ')}.` });
  }
  // Handlers without an argument may be called with none.
  const parsed = ARGUMENTS[name].safeParse(arg === undefined ? {} : arg, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }));
    const sentences = problems.map((p) => `${p.path ? `"${p.path}"` : 'the argument'} ${p.message}`);
    const error: CandorError = {
      code: 'invalid-argument',
      message: `${name} was called with a wrong argument: ${sentences.join('; ')}.`,
      problems,
    };
    return fail(error);
  }
  try {
    const handler = handlers[name] as (arg: unknown) => Promise<Result<unknown>>;
    const result = await handler(parsed.data);
    if (!isResult(result)) {
      return fail({ code: 'io', message: `${name} returned no result; this is a bug in Candor. Restart Candor and try again.` });
    }
    return result;
  } catch (error) {
    const file = typeof (error as { path?: unknown })?.path === 'string' ? (error as { path: string }).path : undefined;
    return fail({ code: 'io', message: thrownMessage(name, error, file), ...(file ? { file } : {}) });
  }
}
