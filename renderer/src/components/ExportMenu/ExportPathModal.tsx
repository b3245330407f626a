// The web mode has no native file dialog. An export is downloaded by the browser, like any web page's,
// unless the person chooses to save it to a folder on this computer: then the file's path is typed here,
// with a suggestion beside the workspace (the import asks for its file the same way). The modal stays
// open with the reason when the export (or import) fails, so it can be tried again or the path corrected.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFile, IconFolder, type Icon } from '@tabler/icons-react';

export interface BrowserDownload {
  /** the name the browser saves the file under */
  fileName: string;
  /** fetches the file and hands it to the browser; resolves with the reason it failed, or undefined when it worked */
  onDownload(): Promise<string | undefined>;
}

/** What writing to a path came to: done (undefined), failed (the reason), or the file exists (the backend's words). */
export type PathOutcome = string | undefined | { exists: string };

export function ExportPathModal({
  opened,
  suggestion,
  title = 'Export',
  label = 'Save as',
  description = 'The full path of the file to write on this computer. Candor asks before it replaces a file.',
  submitLabel = 'Export',
  submitIcon: SubmitIcon = IconDownload,
  failureTitle = 'Not exported',
  download,
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
  /** offers the browser's download first, with the path as the other choice */
  download?: BrowserDownload;
  onClose(): void;
  /**
   * writes (or reads) the file; resolves with the reason it failed, undefined when it worked, or `exists`
   * when the file is there and `overwrite` was false (the modal then asks before trying again with true)
   */
  onExport(path: string, overwrite: boolean): Promise<PathOutcome>;
}) {
  const [mode, setMode] = useState<'download' | 'path'>(download ? 'download' : 'path');
  const [path, setPath] = useState(suggestion);
  const [error, setError] = useState<string>();
  const [exists, setExists] = useState<string>();
  const [busy, setBusy] = useState(false);
  const pathInput = useRef<HTMLInputElement>(null);
  const offersDownload = Boolean(download);
  // Choosing the folder instead puts the cursor in the path, as opening the modal does without a download.
  useEffect(() => {
    if (offersDownload && mode === 'path') pathInput.current?.focus();
  }, [offersDownload, mode]);

  const finish = async (run: () => Promise<PathOutcome>) => {
    setBusy(true);
    const failure = await run();
    setBusy(false);
    if (typeof failure === 'object') setExists(failure.exists);
    else if (failure) setError(failure);
    else onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'download' && download) return finish(() => download.onDownload());
    if (!path.trim()) {
      setError('Type where to save the file.');
      return;
    }
    return finish(() => onExport(path.trim(), false));
  };
  const replace = () => {
    setExists(undefined);
    return finish(() => onExport(path.trim(), true));
  };
  const switchTo = (next: 'download' | 'path') => {
    setMode(next);
    setError(undefined);
    setExists(undefined);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" key={suggestion}>
      <form onSubmit={submit}>
        <Stack gap="md">
          {mode === 'download' && download ? (
            <Stack gap={4}>
              <Group gap="xs" wrap="nowrap">
                <IconFile size={18} aria-hidden />
                <Text fw={500} data-testid="download-file-name">
                  {download.fileName}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                Your browser saves the file where it keeps downloads, or asks you where if it is set to.
              </Text>
            </Stack>
          ) : (
            <TextInput
              ref={pathInput}
              label={label}
              description={description}
              value={path}
              onChange={(e) => {
                setPath(e.currentTarget.value);
                setError(undefined);
                setExists(undefined);
              }}
              data-autofocus
            />
          )}
          {exists && (
            <Alert color="yellow" icon={<IconAlertTriangle size={16} />} title="The file already exists" data-testid="export-exists">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{exists}</Text>
                <Button size="xs" color="yellow" onClick={() => void replace()} loading={busy}>
                  Replace it
                </Button>
              </Stack>
            </Alert>
          )}
          {error && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} title={failureTitle}>
              {error}
            </Alert>
          )}
          <Group justify="space-between" gap="sm">
            {download ? (
              mode === 'download' ? (
                <Button variant="subtle" leftSection={<IconFolder size={16} />} onClick={() => switchTo('path')} px="xs">
                  Save to a folder on this computer instead
                </Button>
              ) : (
                <Button variant="subtle" leftSection={<IconDownload size={16} />} onClick={() => switchTo('download')} px="xs">
                  Download instead
                </Button>
              )
            ) : (
              <span />
            )}
            <Group gap="sm" ml="auto">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              {mode === 'download' && download ? (
                <Button type="submit" loading={busy} leftSection={<IconDownload size={16} />} data-autofocus>
                  Download
                </Button>
              ) : (
                <Button type="submit" loading={busy} leftSection={<SubmitIcon size={16} />}>
                  {submitLabel}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
