// The one contract between the UI and the backend. Every handler takes one argument object and
// returns a promise of a Result; errors cross the boundary as values, never as exceptions.
// The renderer reaches these through a transport (Electron IPC or local HTTP); the CLI calls them directly.
import type { DocumentFormat, ExportKind } from './catalogue';
import type { WorkspaceChanges } from './changes';
import type { TemplateError, TemplateSource } from './documents/types';
import type { FideslangImport } from './interchange/fideslang';
import type { IncidentDraftId } from './incidents/drafts-catalogue';
import type { IncidentRegister } from './incidents/schema';
import type { InventoryImportPreview } from './interchange/inventory-csv';
import type { Workspace } from './schema';
import type { Problem } from './validate';
import type { PublishedVersion } from './versions';

export interface CandorError {
  /** stable machine-readable kind */
  code:
    | 'invalid-argument'
    | 'invalid-workspace'
    | 'unreadable'
    | 'newer-version'
    | 'not-found'
    | 'read-only'
    | 'changed-on-disk'
    | 'locked'
    | 'io'
    | 'no-workspace'
    /** changes were made against a version the backend no longer holds; send the whole workspace */
    | 'stale-base'
    | 'unknown-handler'
    | 'forbidden'
    /** the file to write exists; send the request again with `overwrite: true` once the person agreed */
    | 'exists'
    /** the review finds errors in the workspace, so what it states would be wrong; `problems` lists them */
    | 'review-errors';
  /** one plain sentence: what went wrong, where, and what to do */
  message: string;
  /** the file concerned, when there is one */
  file?: string;
  /** field-level problems, each with its path (`dataTypes[3].purposes[0]`) */
  problems?: Problem[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CandorError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: CandorError): Result<T> => ({ ok: false, error });

export interface ReadOnlyReason {
  /** why the workspace cannot be written */
  kind: 'locked' | 'newer-version' | 'not-writable';
  message: string;
}

/** What the UI knows about the open workspace. */
export type SessionState =
  | { status: 'none' }
  | {
      status: 'open';
      /** absolute path of the workspace file */
      path: string;
      workspace: Workspace;
      /** content hash of the bytes on disk that `workspace` was read from or last written as */
      revision: string;
      readOnly?: ReadOnlyReason;
      /**
       * The Candor that had this file open before ended without closing it (a crash, a power cut, a
       * kill) and left its lock, which this session took over; `since` is when that session began.
       */
      leftoverLock?: { since?: string };
    }
  | {
      /** the file could not be opened; nothing was written to it */
      status: 'error';
      path: string;
      error: CandorError;
    };

export interface BackupEntry {
  id: string;
  /** ISO timestamp of the save that replaced this version */
  savedAt: string;
  bytes: number;
  organizationName: string;
  dataTypes: number;
  /**
   * What the save that replaced this version changed, in one line ("Data type changed: Email address.");
   * empty when it changed nothing Candor can name, absent when it is not known (older backups).
   */
  changes?: string;
}

export interface AppInfo {
  version: string;
  shell: 'electron' | 'web';
  platform: string;
  /** where backups and the copy of the sample live */
  dataDir: string;
}

export interface Handlers {
  'app-info': (arg: Record<string, never>) => Promise<Result<AppInfo>>;
  /** the session as it is now (the workspace opened at start, if any) */
  'workspace-get': (arg: Record<string, never>) => Promise<Result<SessionState>>;
  'workspace-open': (arg: { path: string }) => Promise<Result<SessionState>>;
  /** writes a new workspace (empty, or a copy of the sample) and opens it; refuses to overwrite */
  'workspace-new': (arg: { path: string; example?: boolean; name?: string }) => Promise<Result<SessionState>>;
  /**
   * Writes the workspace if the file on disk is still the one at `baseRevision`.
   * Refused with `changed-on-disk`, `read-only` or `invalid-workspace` (with problems) otherwise.
   * Either the whole workspace, or only its changes since `baseRevision` (what an editor sends
   * after an edit; refused with `stale-base` when the backend holds another version).
   */
  'workspace-save': (
    arg: { baseRevision: string } & ({ workspace: Workspace; changes?: never } | { changes: WorkspaceChanges; workspace?: never }),
  ) => Promise<Result<{ revision: string }>>;
  /** writes the workspace to a new path and switches the session to it */
  'workspace-save-as': (arg: { path: string; workspace: Workspace }) => Promise<Result<SessionState>>;
  /** re-reads the file from disk, dropping nothing on disk */
  'workspace-reload': (arg: Record<string, never>) => Promise<Result<SessionState>>;
  'workspace-recent': (arg: Record<string, never>) => Promise<Result<string[]>>;
  'backup-list': (arg: Record<string, never>) => Promise<Result<BackupEntry[]>>;
  /** the content of one backup, for preview */
  'backup-read': (arg: { id: string }) => Promise<Result<Workspace>>;
  /** makes a backup the current file (the current one is backed up first) and reloads */
  'backup-restore': (arg: { id: string }) => Promise<Result<SessionState>>;
  /** the open workspace's own templates (settings.templatesDir), which override the built-in ones by id */
  'document-templates': (arg: Record<string, never>) => Promise<Result<{ sources: TemplateSource[]; errors: TemplateError[] }>>;
  /**
   * renders a document from the saved workspace and writes it to `path`; refused with `review-errors` when
   * the review finds errors in it, unless `allowErrors`
   */
  'document-export': (arg: {
    id: string;
    format: DocumentFormat;
    path: string;
    allowErrors?: boolean;
    /** replace the file if it exists (refused with `exists` otherwise) */
    overwrite?: boolean;
  }) => Promise<Result<{ path: string }>>;
  /**
   * renders a store disclosure, the record of processing or an interchange file from the saved workspace and
   * writes it to `path`; a store disclosure or the record is refused with `review-errors` when the review
   * finds errors in it, unless `allowErrors`
   */
  'export-file': (arg: { kind: ExportKind; path: string; allowErrors?: boolean; overwrite?: boolean }) => Promise<Result<{ path: string }>>;
  /**
   * the same document as `document-export`, refused the same way, handed back instead of written: the web
   * mode saves it through the browser's download
   */
  'document-download': (arg: { id: string; format: DocumentFormat; allowErrors?: boolean }) => Promise<Result<ExportDownload>>;
  /** the same file as `export-file`, refused the same way, handed back instead of written (see `document-download`) */
  'export-download': (arg: { kind: ExportKind; allowErrors?: boolean }) => Promise<Result<ExportDownload>>;
  /**
   * reads an inventory CSV (.csv) or a fideslang file (.yml, .yaml) against the saved workspace and says
   * what importing it would do; nothing changes (the UI applies the preview as one undoable edit)
   */
  'import-preview': (arg: { path: string }) => Promise<Result<ImportPreview>>;
  /**
   * The incident register of the open workspace (`<name>.incidents.candor.json` beside it). A register that
   * does not exist yet comes back empty with `exists: false`; the first save creates it.
   */
  'incidents-get': (arg: Record<string, never>) => Promise<Result<IncidentRegisterState>>;
  /**
   * Writes the whole register if the file on disk is still the one at `baseRevision` (`null`: it must not
   * exist yet). Refused with `changed-on-disk`, `read-only`, `locked` or `invalid-workspace` (with problems).
   */
  'incidents-save': (arg: { baseRevision: string | null; register: IncidentRegister }) => Promise<Result<{ revision: string }>>;
  /** a draft for one incident, rendered from the saved register and workspace, handed back for the browser to save */
  'incident-draft-download': (arg: {
    incidentId: string;
    draft: IncidentDraftId;
    format: DocumentFormat;
  }) => Promise<Result<ExportDownload>>;
  /** the same draft, written to `path` (refused with `exists` unless `overwrite`) */
  'incident-draft-export': (arg: {
    incidentId: string;
    draft: IncidentDraftId;
    format: DocumentFormat;
    path: string;
    overwrite?: boolean;
  }) => Promise<Result<{ path: string }>>;
  /** the breach register (Art 33(5)) as a spreadsheet, handed back for the browser to save */
  'incident-register-download': (arg: { format: 'csv' | 'xlsx' }) => Promise<Result<ExportDownload>>;
  /** the same register export, written to `path` */
  'incident-register-export': (arg: { format: 'csv' | 'xlsx'; path: string; overwrite?: boolean }) => Promise<Result<{ path: string }>>;
  /** the published versions of the open workspace, from the archive beside it (`<name>.versions/`) */
  'versions-list': (arg: Record<string, never>) => Promise<Result<VersionList>>;
  /**
   * Publishes the saved workspace as version `version`, taking effect on `effective` (YYYY-MM-DD): its snapshot,
   * its documents and an index entry in the archive, as `candor publish` does. Refused with `review-errors`
   * (with problems) while the review finds errors, unless `allowErrors`; with `invalid-argument` when the
   * number is not greater than every published one or the date is before the latest version's.
   */
  'version-publish': (arg: {
    version: string;
    effective: string;
    note?: string;
    allowErrors?: boolean;
  }) => Promise<Result<PublishedVersion>>;
  /** one published version as archived: its entry, its snapshot and its documents' text, read-only */
  'version-read': (arg: { version: string }) => Promise<Result<ArchivedVersion>>;
  /**
   * A redline for lawyers of one document (the privacy notice unless `document`) between two sides: published
   * versions by number, or `"working"` for the saved working copy. `docx`: Word with tracked changes; `html`: a
   * comparison page. Handed back for the browser to save, named `privacy-notice-redline-2.0-to-2.1.docx`.
   * Refused with `not-found` for a version the archive does not list, `invalid-argument` for one side twice.
   */
  'version-redline-download': (arg: RedlineArg) => Promise<Result<ExportDownload>>;
  /** the same redline, written to `path` (refused with `exists` unless `overwrite`; never over the workspace or into its archive) */
  'version-redline-export': (arg: RedlineArg & { path: string; overwrite?: boolean }) => Promise<Result<{ path: string }>>;
}

/** The incident register as the UI sees it. */
export interface IncidentRegisterState {
  /** absolute path of the register file */
  path: string;
  /** false until the first save creates the file */
  exists: boolean;
  register: IncidentRegister;
  /** content hash of the bytes on disk; null while the file does not exist */
  revision: string | null;
  readOnly?: ReadOnlyReason;
}

/** The two sides and the document of a redline (see `version-redline-download`). */
export interface RedlineArg {
  /** the older side: a published version's number, or "working" */
  from: string;
  /** the newer side: a published version's number, or "working" */
  to: string;
  format: 'docx' | 'html';
  document?: string;
}

/** The published versions of the open workspace. */
export interface VersionList {
  /** the archive folder beside the workspace, whether or not it exists yet */
  archive: string;
  /** oldest first, as the index lists them */
  versions: PublishedVersion[];
}

/** One published version as archived: its index entry, its snapshot and its documents' text. */
export interface ArchivedVersion {
  entry: PublishedVersion;
  workspace: Workspace;
  /** one per document, its Markdown and HTML as published, in the index's order */
  documents: { id: string; markdown?: string; html?: string }[];
  /**
   * the text of its announcement to customers (`<version>.announcement.md`, core/announcement.ts), as written
   * when it was published; absent for a first version, which has nothing earlier to announce changes against
   */
  announcement?: string;
  /** why its announcement file exists but cannot be read, as one sentence */
  announcementProblem?: string;
}

/** A rendered export for the browser to save: its suggested file name, its media type and its bytes in base64. */
export interface ExportDownload {
  fileName: string;
  mediaType: string;
  base64: string;
}

/** What importing a file would do, before anything changes. */
export type ImportPreview =
  | { format: 'inventory-csv'; path: string; preview: InventoryImportPreview }
  | { format: 'fideslang'; path: string; preview: FideslangImport };

export type HandlerName = keyof Handlers;
export type HandlerArg<K extends HandlerName> = Parameters<Handlers[K]>[0];
export type HandlerValue<K extends HandlerName> = Awaited<ReturnType<Handlers[K]>> extends Result<infer T> ? T : never;

// Written as a record so that the compiler checks it against Handlers: a handler missing here (or a
// name here that is no handler) fails to compile, and every transport checks names against this list.
const HANDLER_NAME_RECORD = {
  'app-info': true,
  'workspace-get': true,
  'workspace-open': true,
  'workspace-new': true,
  'workspace-save': true,
  'workspace-save-as': true,
  'workspace-reload': true,
  'workspace-recent': true,
  'backup-list': true,
  'backup-read': true,
  'backup-restore': true,
  'document-templates': true,
  'document-export': true,
  'export-file': true,
  'document-download': true,
  'export-download': true,
  'import-preview': true,
  'incidents-get': true,
  'incidents-save': true,
  'incident-draft-download': true,
  'incident-draft-export': true,
  'incident-register-download': true,
  'incident-register-export': true,
  'versions-list': true,
  'version-publish': true,
  'version-read': true,
  'version-redline-download': true,
  'version-redline-export': true,
} as const satisfies Record<HandlerName, true>;

export const HANDLER_NAMES: readonly HandlerName[] = Object.keys(HANDLER_NAME_RECORD) as HandlerName[];

/** Commands the native menu (or a keyboard shortcut) asks the UI to carry out. */
export type MenuCommand =
  | 'new-workspace'
  | 'open-workspace'
  | 'save-as'
  | 'undo'
  | 'redo'
  | 'backups'
  | 'add-data-type'
  | 'find'
  | 'toggle-theme'
  | 'about'
  | 'publish-version';

/** Events pushed from the backend to the UI. */
export type CandorEvent =
  | { type: 'workspace-changed-on-disk'; path: string }
  | { type: 'session-replaced'; state: SessionState }
  | { type: 'menu'; command: MenuCommand }
  | { type: 'flush-request' };

/** What the preload script exposes as `window.candor`, and the web transport imitates. */
export interface CandorBridge {
  invoke<K extends HandlerName>(name: K, arg: HandlerArg<K>): Promise<Result<HandlerValue<K>>>;
  /** subscribe to backend events; returns the unsubscribe function */
  on(listener: (event: CandorEvent) => void): () => void;
  /** tell the backend the UI has flushed its pending save (answer to flush-request), and whether it is on disk */
  flushed(report?: FlushReport): void;
}

/** The UI's answer to a flush request: whether every edit is on disk now, and if not, why. */
export interface FlushReport {
  saved: boolean;
  /** what stopped the save, in the UI's words ("The file changed on disk since Candor opened it.") */
  problem?: string;
}
