// One click from the screen where a file belongs to the file: the native save dialog in the desktop app;
// in the web mode the browser's download, or a path typed in a modal. The backend renders the file from
// the saved workspace. Edits still waiting to be saved are written first; an export that would leave
// them out is refused. A store disclosure or record of processing the review finds errors in is shown
// with its errors first, and exported only when the person chooses "Export anyway".
import { useState, type ReactNode } from 'react';
import { Button, Menu, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import type { ExportDownload, Result } from '../../../../core/api';
import { EXPORTS, exportsIn, type ExportKind, type ExportSection } from '../../../../core/catalogue';
import { isPublishedExport } from '../../../../core/publish';
import { count } from '../../../../core/words';
import { useEditor } from '../../state/store';
import { hasUnsavedWork } from '../../state/unsaved';
import { describePath } from '../../state/paths';
import { getBridge, nativeDialogs } from '../../transport';
import { folderOf, joinPath } from '../Dialogs/paths';
import { downloadInBrowser } from './browser-download';
import { ExportPathModal, type PathOutcome } from './ExportPathModal';
import { useReviewGate } from './ReviewGate';

/**
 * Saves pending edits, then says why the saved workspace is not the one being edited (so an export
 * would leave edits out, or an import would be previewed against an older version), or undefined.
 */
export async function unsavedChangesBlocker(action: 'exported' | 'imported' | 'published' = 'exported'): Promise<string | undefined> {
  await useEditor.getState().flush();
  const state = useEditor.getState();
  if (!hasUnsavedWork(state)) return undefined;
  const { saveStatus, saveError, problems, workspace } = state;
  const again = { exported: 'export again', imported: 'import again', published: 'publish again' }[action];
  if (saveStatus === 'invalid' && problems.length > 0 && workspace) {
    const first = problems[0];
    return (
      `Nothing was ${action}: ${count(problems.length, 'problem')} ${problems.length === 1 ? 'stops' : 'stop'} your latest changes from being saved ` +
      `(${describePath(workspace, first.path)}: ${first.message}). Fix ${problems.length === 1 ? 'it' : 'them'}, then ${again}.`
    );
  }
  if (saveStatus === 'conflict') {
    return `Nothing was ${action}: the workspace file changed on disk, so your latest changes are not saved. Reload it, or save your version as a copy, then ${again}.`;
  }
  if (saveError)
    return `Nothing was ${action}: your latest changes could not be saved (${saveError.message.replace(/\.$/, '')}). Fix that, then ${again}.`;
  return `Nothing was ${action}: your latest changes are not saved yet (see the status in the header). Try again in a moment.`;
}

/** One export as the flow below needs it: its names, and how to write it to a path or fetch it for a download. */
export interface ExportJob {
  /** the web-mode dialog's title: "Export the Google Play Data safety CSV" */
  title: string;
  /** what the file is, after "Exported": "the Google Play Data safety CSV" */
  what: string;
  /** the name the download and the suggested path use */
  fileName: string;
  /** the review's errors are shown first, and the export made only with "Export anyway" (core/publish.ts) */
  published: boolean;
  /** `overwrite`: replace an existing file (asked first; the backend refuses with `exists` otherwise) */
  toPath(path: string, allowErrors: boolean, overwrite: boolean): Promise<Result<{ path: string }>>;
  toDownload(allowErrors: boolean): Promise<Result<ExportDownload>>;
}

/**
 * The export flow of every Export button and menu: edits saved first, the review's errors (for a published
 * file), then the native save dialog in the desktop app, or in the web mode a dialog whose first choice is
 * the browser's download and whose other is a path on this computer. `modal` must be rendered.
 */
export function useExport(): { start(job: ExportJob): Promise<void>; modal: ReactNode } {
  const session = useEditor((s) => s.session);
  const [pending, setPending] = useState<{ job: ExportJob; allowErrors: boolean }>();
  const gate = useReviewGate();
  const suggestionFor = (job: ExportJob) => joinPath(session?.status === 'open' ? folderOf(session.path) : '', job.fileName);

  const exportTo = async (job: ExportJob, path: string, allowErrors: boolean, overwrite: boolean): Promise<PathOutcome> => {
    const blocker = await unsavedChangesBlocker('exported');
    if (blocker) return blocker;
    const result = await job.toPath(path, allowErrors, overwrite);
    if (!result.ok) return result.error.code === 'exists' ? { exists: result.error.message } : result.error.message;
    notifications.show({ color: 'green', title: `Exported ${job.what}`, message: result.value.path });
    return undefined;
  };

  const download = async (job: ExportJob, allowErrors: boolean): Promise<string | undefined> => {
    // The dialog may have stayed open while more was typed; the file is made from the saved workspace.
    const blocker = await unsavedChangesBlocker('exported');
    if (blocker) return blocker;
    const result = await job.toDownload(allowErrors);
    if (!result.ok) return result.error.message;
    downloadInBrowser(result.value);
    notifications.show({ color: 'green', title: `Downloaded ${result.value.fileName}`, message: `Exported ${job.what}.` });
    return undefined;
  };

  const choose = async (job: ExportJob, allowErrors: boolean) => {
    const native = nativeDialogs();
    if (!native) {
      setPending({ job, allowErrors });
      return;
    }
    const path = await native({ kind: 'save', defaultPath: suggestionFor(job), purpose: 'export' });
    if (!path) return;
    // The native save dialog has already asked before replacing a file.
    const failure = await exportTo(job, path, allowErrors, true);
    if (failure) {
      const message = typeof failure === 'string' ? failure : failure.exists;
      notifications.show({ color: 'red', title: 'Not exported', message, autoClose: false });
    }
  };

  const start = async (job: ExportJob) => {
    // Refused before anything is asked: choosing a path or a download would be wasted.
    const blocker = await unsavedChangesBlocker('exported');
    if (blocker) {
      notifications.show({ color: 'red', title: 'Not exported', message: blocker, autoClose: false });
      return;
    }
    if (job.published) await gate.check((allowErrors) => choose(job, allowErrors));
    else await choose(job, false);
  };

  const modal = (
    <>
      {gate.modal}
      {pending ? (
        <ExportPathModal
          opened
          title={pending.job.title}
          suggestion={suggestionFor(pending.job)}
          download={{ fileName: pending.job.fileName, onDownload: () => download(pending.job, pending.allowErrors) }}
          onClose={() => setPending(undefined)}
          onExport={(path, overwrite) => exportTo(pending.job, path, pending.allowErrors, overwrite)}
        />
      ) : null}
    </>
  );

  return { start, modal };
}

/** The export flow for the catalogue's exports (core/catalogue.ts): the store disclosures, the record, the interchange files. */
export function useExportFile(): { start(kind: ExportKind): Promise<void>; modal: ReactNode } {
  const { start, modal } = useExport();
  const job = (kind: ExportKind): ExportJob => ({
    title: `Export ${EXPORTS[kind].what}`,
    what: EXPORTS[kind].what,
    fileName: EXPORTS[kind].fileName,
    published: isPublishedExport(kind),
    toPath: (path, allowErrors, overwrite) =>
      getBridge().invoke('export-file', { kind, path, ...(allowErrors ? { allowErrors } : {}), ...(overwrite ? { overwrite } : {}) }),
    toDownload: (allowErrors) => getBridge().invoke('export-download', { kind, ...(allowErrors ? { allowErrors } : {}) }),
  });
  return { start: (kind) => start(job(kind)), modal };
}

type ButtonLook = Pick<ButtonProps, 'variant' | 'size' | 'color' | 'fullWidth'>;

// Toolbars lay buttons out in rows that do not wrap; a squeezed button would cut its label.
export const NO_SHRINK = { flexShrink: 0 } as const;

/** One button, one export: "Data safety form (CSV)…". */
export function ExportButton({ kind, label, ...look }: { kind: ExportKind; label?: string } & ButtonLook) {
  const { start, modal } = useExportFile();
  return (
    <>
      <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void start(kind)} style={NO_SHRINK} {...look}>
        {label ?? EXPORTS[kind].label}…
      </Button>
      {modal}
    </>
  );
}

/** An "Export" button opening a menu of every export of one section (the record of processing as CSV, Excel, Word). */
export function ExportMenu({ section, label = 'Export', ...look }: { section: ExportSection; label?: string } & ButtonLook) {
  const { start, modal } = useExportFile();
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            rightSection={<IconChevronDown size={14} />}
            style={NO_SHRINK}
            {...look}
          >
            {label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {exportsIn(section).map((kind) => (
            <Menu.Item key={kind} onClick={() => void start(kind)}>
              {EXPORTS[kind].label}…
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {modal}
    </>
  );
}
