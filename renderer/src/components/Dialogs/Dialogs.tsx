import { useCallback, useEffect, useState } from 'react';
import type { CandorError } from '../../../../core/api';
import { nativeDialogs } from '../../transport';
import { useEditor } from '../../state/store';
import { useUi } from '../../state/ui';
import { AddDataTypeDialog } from '../AddDataType/AddDataType';
import { BackupsModal } from '../Backups/BackupsModal';
import { PublishVersionModal } from '../Versions/PublishVersion';
import { AboutModal } from './AboutModal';
import { PathModal } from './PathModal';
import { isPathDialog, runPathRequest, type PathDialog } from './actions';
import { folderOf, folderPrefix, joinPath, workspaceStem } from './paths';

interface NativeFailure {
  kind: PathDialog;
  path: string;
  error: CandorError;
}

// One system dialog at a time, even when React runs effects twice or two Dialogs are mounted.
let nativeDialogOpen = false;

function nativeDefaultPath(kind: PathDialog): string | undefined {
  const session = useEditor.getState().session;
  if (!session || session.status === 'none' || !session.path) return undefined;
  const folder = folderOf(session.path);
  if (kind === 'save-as' && session.status === 'open') return joinPath(folder, `${workspaceStem(session.path)}-copy.candor.json`);
  if (kind === 'new-workspace') return joinPath(folder, 'untitled.candor.json');
  return folderPrefix(folder) || undefined;
}

/**
 * The modal for `useUi`'s `dialog`. New, Open and Save as use the system's file dialog in the
 * desktop app (and this modal only if what was chosen fails); in the web mode they ask for a path.
 */
export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  const setDialog = useUi((s) => s.setDialog);
  const close = useCallback(() => setDialog(null), [setDialog]);
  const [nativeFailure, setNativeFailure] = useState<NativeFailure | undefined>();
  // The last path dialog stays mounted while its modal animates closed.
  const [pathKind, setPathKind] = useState<PathDialog>('open-workspace');
  if (isPathDialog(dialog) && dialog !== pathKind) setPathKind(dialog);
  // A failure belongs to the dialog it happened in: whatever opens next starts without one.
  const [failureDialog, setFailureDialog] = useState(dialog);
  if (dialog !== failureDialog) {
    setFailureDialog(dialog);
    setNativeFailure(undefined);
  }
  const native = Boolean(nativeDialogs());

  useEffect(() => {
    const choose = nativeDialogs();
    if (!choose || !isPathDialog(dialog) || nativeDialogOpen) return;
    const kind = dialog;
    nativeDialogOpen = true;
    void (async () => {
      try {
        const path = await choose({ kind: kind === 'open-workspace' ? 'open' : 'save', defaultPath: nativeDefaultPath(kind) });
        if (!path) {
          if (useUi.getState().dialog === kind) useUi.getState().setDialog(null);
          return;
        }
        const result = await runPathRequest({ kind, path });
        if (!result.ok) setNativeFailure({ kind, path, error: result.error });
      } finally {
        nativeDialogOpen = false;
      }
    })();
  }, [dialog]);

  const pathOpened = isPathDialog(dialog) && (!native || nativeFailure?.kind === dialog);
  const initial = native && nativeFailure?.kind === pathKind ? nativeFailure : undefined;

  return (
    <>
      <PathModal
        kind={pathKind}
        opened={pathOpened}
        initial={initial}
        onClose={() => {
          setNativeFailure(undefined);
          close();
        }}
      />
      <BackupsModal opened={dialog === 'backups'} onClose={close} />
      <AboutModal opened={dialog === 'about'} onClose={close} />
      {dialog === 'add-data-type' && <AddDataTypeDialog opened onClose={close} />}
      {dialog === 'publish-version' && <PublishVersionModal onClose={close} />}
    </>
  );
}
