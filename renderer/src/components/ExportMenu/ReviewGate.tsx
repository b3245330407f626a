// Before a document, a store disclosure or the record of processing is exported, the person sees what
// the review calls an error in it, each a link to its field, and chooses: fix them first, or export
// anyway. The backend refuses such an export on its own too (core/publish.ts); this check is for the
// person, so they learn it before choosing where to save, not after.
import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconDownload } from '@tabler/icons-react';
import type { Finding } from '../../../../core/lint';
import { reviewErrors } from '../../../../core/publish';
import type { Workspace } from '../../../../core/schema';
import { count } from '../../../../core/words';
import { FindingList, onListKeyDown } from '../../screens/Review/Findings';
import { useEditor } from '../../state/store';
import dialogClasses from '../Dialogs/Dialogs.module.css';
import classes from './ReviewGate.module.css';

interface Held {
  workspace: Workspace;
  errors: Finding[];
  proceed(): void;
}

/**
 * `check(proceed)` calls `proceed(false)` straight away (and waits for it) when the review finds no error
 * in the saved workspace; otherwise `modal` lists the errors, and "Export anyway" calls `proceed(true)`.
 * Call it once the edits are saved, since the export is made from the saved workspace.
 */
export function useReviewGate(): { check(proceed: (allowErrors: boolean) => Promise<void>): Promise<void>; modal: ReactNode } {
  const [held, setHeld] = useState<Held>();

  const check = async (proceed: (allowErrors: boolean) => Promise<void>) => {
    const { savedWorkspace, workspace: edited } = useEditor.getState();
    const workspace = savedWorkspace ?? edited;
    const errors = workspace ? reviewErrors(workspace) : [];
    if (!workspace || errors.length === 0) return proceed(false);
    setHeld({ workspace, errors, proceed: () => void proceed(true) });
  };

  const close = () => setHeld(undefined);
  const modal = held ? (
    <ReviewErrorsModal
      workspace={held.workspace}
      errors={held.errors}
      onFix={close}
      onExportAnyway={() => {
        close();
        held.proceed();
      }}
    />
  ) : null;
  return { check, modal };
}

export function ReviewErrorsModal({
  workspace,
  errors,
  onFix,
  onExportAnyway,
}: {
  workspace: Workspace;
  errors: readonly Finding[];
  /** "Fix them first", the close button, Escape and opening a problem's field: nothing is exported */
  onFix(): void;
  onExportAnyway(): void;
}) {
  const one = errors.length === 1;
  return (
    <Modal
      opened
      onClose={onFix}
      title={one ? '1 problem the review calls an error' : `${count(errors.length, 'problem')} the review calls errors`}
      size="lg"
      centered
      classNames={{ title: dialogClasses.modalTitle }}
    >
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconAlertCircle size={20} color="var(--mantine-color-red-filled)" className={classes.icon} aria-hidden />
          <Text size="sm">
            What you export now would state something the review knows to be wrong. Select {one ? 'the problem' : 'a problem'} to open the
            field it is about; or export anyway, for a draft to discuss, and fix {one ? 'it' : 'them'} before you publish.
          </Text>
        </Group>
        <Paper withBorder radius="md" className={classes.list} onKeyDown={onListKeyDown} data-testid="review-gate-errors">
          <ScrollArea.Autosize mah="45vh" type="auto">
            <FindingList findings={errors} workspace={workspace} onOpen={onFix} />
          </ScrollArea.Autosize>
        </Paper>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onFix} data-autofocus>
            Fix {one ? 'it' : 'them'} first
          </Button>
          <Button color="red" leftSection={<IconDownload size={16} />} onClick={onExportAnyway}>
            Export anyway
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
