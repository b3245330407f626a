// Accepting a warning or info finding, and marking a coverage item not applicable: a small form asking
// why (required) and who, and the edits that record or withdraw the decision in the workspace's
// `review` record. Each is one undoable edit.
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { Draft } from 'immer';
import type { Finding } from '../../../../core/lint';
import { acceptanceFor } from '../../../../core/review-acceptance';
import type { Workspace } from '../../../../core/schema';
import { useEditor } from '../../state/store';

/** Today as YYYY-MM-DD in the local time zone: the day the person made the decision. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Who made the last decision recorded, to offer again. */
export function lastDecider(workspace: Workspace | null | undefined): string {
  const all = [...(workspace?.review?.accepted ?? []), ...(workspace?.review?.notApplicable ?? [])];
  return all.findLast((d) => d.by)?.by ?? '';
}

/** Removes empty lists and an empty review record, so a file that had none is written as before. */
function tidy(draft: Draft<Workspace>): void {
  const review = draft.review;
  if (!review) return;
  if (review.accepted?.length === 0) delete review.accepted;
  if (review.notApplicable?.length === 0) delete review.notApplicable;
  if (Object.keys(review).length === 0) delete draft.review;
}

export function acceptFinding(finding: Finding, details: { reason: string; by: string }): void {
  const { workspace, apply } = useEditor.getState();
  if (!workspace || finding.severity === 'error') return;
  // The fingerprint is of the entity as it is now, in the workspace being edited.
  const record = acceptanceFor(finding, workspace, { ...details, on: today() });
  apply('Accept finding', (draft) => {
    draft.review ??= {};
    const list = (draft.review.accepted ??= []);
    const kept = list.filter((a) => a.rule !== finding.rule || a.path !== finding.path);
    kept.push(record);
    draft.review.accepted = kept;
  });
}

export function reopenFinding(finding: Finding): void {
  useEditor.getState().apply('Re-open finding', (draft) => {
    if (draft.review?.accepted)
      draft.review.accepted = draft.review.accepted.filter((a) => a.rule !== finding.rule || a.path !== finding.path);
    tidy(draft);
  });
}

export function markNotApplicable(section: string, item: string, details: { reason: string; by: string }): void {
  const by = details.by.trim();
  useEditor.getState().apply('Mark not applicable', (draft) => {
    draft.review ??= {};
    const list = (draft.review.notApplicable ??= []).filter((n) => n.section !== section || n.item !== item);
    list.push({ section, item, reason: details.reason.trim(), ...(by ? { by } : {}), on: today() });
    draft.review.notApplicable = list;
  });
}

export function undoNotApplicable(section: string, item: string): void {
  useEditor.getState().apply('Undo not applicable', (draft) => {
    if (draft.review?.notApplicable) {
      draft.review.notApplicable = draft.review.notApplicable.filter((n) => n.section !== section || n.item !== item);
    }
    tidy(draft);
  });
}

/** The form asking why (required) and who; `subject` names what is being decided on. */
export function DecisionModal({
  opened,
  title,
  subject,
  help,
  confirmLabel,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  subject: string;
  help: string;
  confirmLabel: string;
  onClose(): void;
  onConfirm(details: { reason: string; by: string }): void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md" centered>
      {/* Mounted afresh each time it opens, so the form starts empty. */}
      {opened && <DecisionForm subject={subject} help={help} confirmLabel={confirmLabel} onClose={onClose} onConfirm={onConfirm} />}
    </Modal>
  );
}

function DecisionForm({
  subject,
  help,
  confirmLabel,
  onClose,
  onConfirm,
}: {
  subject: string;
  help: string;
  confirmLabel: string;
  onClose(): void;
  onConfirm(details: { reason: string; by: string }): void;
}) {
  const workspace = useEditor((s) => s.workspace);
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(() => lastDecider(workspace));
  const [tried, setTried] = useState(false);
  const missing = reason.trim() === '';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (missing) return;
        onConfirm({ reason, by });
        onClose();
      }}
    >
      <Stack gap="md">
        <Text size="sm" fw={600}>
          {subject}
        </Text>
        <Textarea
          label="Reason"
          description={help}
          // Marked required, but checked here, so the message says why rather than the browser's bubble.
          withAsterisk
          autosize
          minRows={3}
          data-autofocus
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried && missing ? 'Say why, so the decision can be checked later' : undefined}
        />
        <TextInput
          label="Who decided"
          description="Optional: a name or a role, kept with the reason and the date."
          value={by}
          onChange={(e) => setBy(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">{confirmLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
