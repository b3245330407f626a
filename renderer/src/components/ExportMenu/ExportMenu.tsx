// One click from the screen where a file belongs to the file on disk: the save dialog (a native one in
// the desktop app, a path typed in a modal in the web mode), then the backend renders the file from
// the saved workspace. Edits still waiting to be saved are written first; an export that would leave
// them out is refused. A store disclosure or record of processing the review finds errors in is shown
// with its errors first, and exported only when the person chooses "Export anyway".
import { useState, type ReactNode } from 'react';
import { Button, Menu, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { EXPORTS, exportsIn, type ExportKind, type ExportSection } from '../../../../core/catalogue';
import { isPublishedExport } from '../../../../core/publish';
import { count } from '../../../../core/words';
import { useEditor } from '../../state/store';
import { describePath } from '../../state/paths';
import { getBridge, nativeDialogs } from '../../transport';
import { folderOf, joinPath } from '../Dialogs/paths';
import { ExportPathModal } from './ExportPathModal';
import { useReviewGate } from './ReviewGate';

/**
 * Saves pending edits, then says why the saved workspace is not the one being edited (so an export
 * would leave edits out, or an import would be previewed against an older version), or undefined.
 */
export async function unsavedChangesBlocker(action: 'exported' | 'imported' = 'exported'): Promise<string | undefined> {
  await useEditor.getState().flush();
  const { saveStatus, saveError, problems, workspace, savedWorkspace } = useEditor.getState();
  if (saveStatus === 'saved') return undefined;
  if (saveStatus === 'read-only' && workspace === savedWorkspace) return undefined;
  const again = action === 'exported' ? 'export again' : 'import again';
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

/** Asks where to save one export and writes it; `modal` must be rendered for the web mode's path dialog. */
export function useExportFile(): { start(kind: ExportKind): Promise<void>; modal: ReactNode } {
  const session = useEditor((s) => s.session);
  const [pending, setPending] = useState<{ kind: ExportKind; allowErrors: boolean }>();
  const gate = useReviewGate();

  const exportTo = async (kind: ExportKind, path: string, allowErrors: boolean): Promise<string | undefined> => {
    const blocker = await unsavedChangesBlocker('exported');
    if (blocker) return blocker;
    const result = await getBridge().invoke('export-file', { kind, path, ...(allowErrors ? { allowErrors } : {}) });
    if (!result.ok) return result.error.message;
    notifications.show({ color: 'green', title: `Exported ${EXPORTS[kind].what}`, message: result.value.path });
    return undefined;
  };

  const choosePath = async (kind: ExportKind, allowErrors: boolean) => {
    const folder = session?.status === 'open' ? folderOf(session.path) : '';
    const suggestion = joinPath(folder, EXPORTS[kind].fileName);
    const choose = nativeDialogs();
    if (!choose) {
      setPending({ kind, allowErrors });
      return;
    }
    const path = await choose({ kind: 'save', defaultPath: suggestion, purpose: 'export' });
    if (!path) return;
    const failure = await exportTo(kind, path, allowErrors);
    if (failure) notifications.show({ color: 'red', title: 'Not exported', message: failure, autoClose: false });
  };

  const start = async (kind: ExportKind) => {
    // Refused before a path is asked for: choosing one would be wasted.
    const blocker = await unsavedChangesBlocker('exported');
    if (blocker) {
      notifications.show({ color: 'red', title: 'Not exported', message: blocker, autoClose: false });
      return;
    }
    if (isPublishedExport(kind)) await gate.check((allowErrors) => choosePath(kind, allowErrors));
    else await choosePath(kind, false);
  };

  const modal = (
    <>
      {gate.modal}
      {pending ? (
        <ExportPathModal
          opened
          title={`Export ${EXPORTS[pending.kind].what}`}
          suggestion={joinPath(session?.status === 'open' ? folderOf(session.path) : '', EXPORTS[pending.kind].fileName)}
          onClose={() => setPending(undefined)}
          onExport={(path) => exportTo(pending.kind, path, pending.allowErrors)}
        />
      ) : null}
    </>
  );

  return { start, modal };
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
