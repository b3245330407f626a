import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconFolderOpen } from '@tabler/icons-react';
import type { CandorError } from '../../../../core/api';
import { getBridge, nativeDialogs } from '../../transport';
import { useEditor } from '../../state/store';
import { ProblemList } from '../OpenError/ProblemList';
import { failureTitle, runPathRequest, type PathDialog } from './actions';
import classes from './Dialogs.module.css';
import { folderOf, folderPrefix, joinPath, pathProblem, withWorkspaceExtension, workspaceStem } from './paths';

const COPY = {
  'open-workspace': {
    title: 'Open a workspace',
    intro: 'Type the path of a Candor workspace file on this computer.',
    pathLabel: 'Workspace file',
    submit: 'Open',
  },
  'new-workspace': {
    title: 'New workspace',
    intro: 'Candor creates the file and opens it. It never overwrites a file that already exists.',
    pathLabel: 'File to create',
    submit: 'Create workspace',
  },
  'save-as': {
    title: 'Save a copy as…',
    intro: 'Candor writes this workspace to a new file and keeps working on the copy. The current file stays as it is.',
    pathLabel: 'New file',
    submit: 'Save copy',
  },
} as const;

/** The folder suggestions start from: the open (or unopenable) file's folder. */
function currentFolder(): string {
  const session = useEditor.getState().session;
  return session && session.status !== 'none' && session.path ? folderOf(session.path) : '';
}

function suggestedPath(kind: PathDialog, folder: string): string {
  const session = useEditor.getState().session;
  if (kind === 'save-as' && session?.status === 'open') {
    return joinPath(folder, `${workspaceStem(session.path)}-copy.candor.json`);
  }
  return folderPrefix(folder);
}

/** Places the caret where the person will type: after the folder, or over the suggested name. */
function selectTypingSpot(input: HTMLInputElement): void {
  const value = input.value;
  const lastSeparator = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
  const extension = /\.candor\.json$/i.exec(value);
  const end = extension ? extension.index : value.length;
  const start = Math.min(lastSeparator + 1, end);
  input.setSelectionRange(start, end);
}

export interface PathModalProps {
  kind: PathDialog;
  opened: boolean;
  onClose(): void;
  /** a path already chosen (in a native dialog) and why it failed, so the person can correct it here */
  initial?: { path: string; error?: CandorError };
}

/**
 * Asks for a file path in the web mode, where the browser can't show the system's file dialog,
 * and shows why a native choice failed in the desktop app. Failures stay in the modal with the
 * backend's explanation; the modal closes only when the new workspace is open.
 */
export function PathModal({ kind, opened, onClose, initial }: PathModalProps) {
  const copy = COPY[kind];
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [example, setExample] = useState(false);
  const [inputError, setInputError] = useState<string | undefined>();
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<CandorError | undefined>();
  const [busy, setBusy] = useState(false);
  const typed = useRef(false);
  const choosePath = nativeDialogs();
  const hasWorkspace = useEditor((s) => s.session?.status === 'open');

  // The form starts afresh each time the modal opens, or is opened for another kind or another failed
  // path; set while rendering, so the first frame already shows it.
  const [shownFor, setShownFor] = useState<{ kind: PathDialog; initial: PathModalProps['initial'] }>();
  if (!opened && shownFor) setShownFor(undefined);
  if (opened && (shownFor?.kind !== kind || shownFor.initial !== initial)) {
    setShownFor({ kind, initial });
    setPath(initial?.path ?? suggestedPath(kind, currentFolder()));
    setName('');
    setExample(false);
    setInputError(undefined);
    setNameError(undefined);
    setFailure(initial?.error);
    setBusy(false);
  }

  useEffect(() => {
    if (!opened) return;
    typed.current = false;
    if (currentFolder() || initial?.path) return;
    // With no workspace open, the most recent file's folder is the likeliest place.
    let cancelled = false;
    void getBridge()
      .invoke('workspace-recent', {})
      .then((result) => {
        if (cancelled || typed.current || !result.ok || result.value.length === 0) return;
        setPath(suggestedPath(kind, folderOf(result.value[0])));
      });
    return () => {
      cancelled = true;
    };
  }, [opened, kind, initial]);

  const finalPath = withWorkspaceExtension(path);
  const showsFinalPath = !pathProblem(path) && finalPath !== path.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = pathProblem(path);
    const needsName = kind === 'new-workspace' && !example && !name.trim();
    setInputError(problem);
    setNameError(needsName ? 'Type the name of the organization this workspace describes, such as "Acme".' : undefined);
    if (problem || needsName) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await runPathRequest({ kind, path, name, example });
      if (!result.ok) setFailure(result.error);
    } finally {
      setBusy(false);
    }
  }

  async function browse() {
    if (!choosePath) return;
    const chosen = await choosePath({ kind: kind === 'open-workspace' ? 'open' : 'save', defaultPath: path.trim() || undefined });
    if (chosen) {
      typed.current = true;
      setPath(chosen);
      setInputError(undefined);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={copy.title} size="lg" centered classNames={{ title: classes.modalTitle }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {copy.intro}
            {kind !== 'save-as' && hasWorkspace && ' Your current workspace is saved first.'}
          </Text>

          {kind === 'new-workspace' && (
            <>
              <TextInput
                label="Organization name"
                description={
                  example
                    ? 'The sample comes with its own organization; rename it later on the Organization page.'
                    : 'The name your documents use in running text.'
                }
                placeholder="Acme"
                value={example ? '' : name}
                disabled={example}
                error={nameError}
                data-autofocus
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setNameError(undefined);
                }}
              />
              <Checkbox
                label="Start from the sample"
                description="A filled-in workspace for a made-up company, to see what a finished inventory looks like."
                checked={example}
                onChange={(e) => {
                  setExample(e.currentTarget.checked);
                  setNameError(undefined);
                }}
              />
            </>
          )}

          <TextInput
            label={copy.pathLabel}
            description={showsFinalPath ? `Candor will use ${finalPath}` : 'A full path, ending in .candor.json.'}
            placeholder="/Users/you/privacy/acme.candor.json"
            value={path}
            error={inputError}
            spellCheck={false}
            classNames={{ input: classes.pathInput }}
            {...(kind === 'new-workspace' ? {} : { 'data-autofocus': true })}
            rightSectionWidth={choosePath ? 96 : undefined}
            rightSection={
              choosePath ? (
                <Button size="compact-sm" variant="subtle" leftSection={<IconFolderOpen size={14} />} onClick={() => void browse()}>
                  Choose…
                </Button>
              ) : undefined
            }
            onFocus={(e) => {
              if (!typed.current) selectTypingSpot(e.currentTarget);
            }}
            onChange={(e) => {
              typed.current = true;
              setPath(e.currentTarget.value);
              setInputError(undefined);
            }}
          />

          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={failureTitle(kind)} role="alert">
              <Stack gap="sm">
                <Text size="sm">{failure.message}</Text>
                {failure.problems && failure.problems.length > 0 && <ProblemList problems={failure.problems} maxHeight={200} />}
              </Stack>
            </Alert>
          )}

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {copy.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
