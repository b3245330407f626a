// The web mode has no native file dialog: the file's path is typed here, with a suggestion beside the
// workspace. The modal stays open with the reason when the export (or import) fails, so the path can be
// corrected.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconDownload, type Icon } from '@tabler/icons-react';

export function ExportPathModal({
  opened,
  suggestion,
  title = 'Export',
  label = 'Save as',
  description = 'The full path of the file to write on this computer. An existing file is replaced.',
  submitLabel = 'Export',
  submitIcon: SubmitIcon = IconDownload,
  failureTitle = 'Not exported',
  onClose,
  onExport,
}: {
  opened: boolean;
  suggestion: string;
  /** the modal's title, e.g. "Export the Google Play Data safety CSV" */
  title?: string;
  label?: string;
  description?: string;
  submitLabel?: string;
  submitIcon?: Icon;
  failureTitle?: string;
  onClose(): void;
  /** writes (or reads) the file; resolves with the reason it failed, or undefined when it worked */
  onExport(path: string): Promise<string | undefined>;
}) {
  const [path, setPath] = useState(suggestion);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim()) {
      setError('Type where to save the file.');
      return;
    }
    setBusy(true);
    const failure = await onExport(path.trim());
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" key={suggestion}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <TextInput
            label={label}
            description={description}
            value={path}
            onChange={(e) => {
              setPath(e.currentTarget.value);
              setError(undefined);
            }}
            data-autofocus
          />
          {error && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} title={failureTitle}>
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} leftSection={<SubmitIcon size={16} />}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
