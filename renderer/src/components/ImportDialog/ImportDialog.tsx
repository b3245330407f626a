// Importing data types from a file: an inventory CSV (rows matched to data types by id, created or
// updated) or a fideslang system or dataset (suggested data types). The backend reads the file into a
// preview; this dialog shows every row and its problems before anything changes, and applying it is
// one edit (one undo step) that autosaves like any other.
import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  type MantineColor,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileImport, IconUpload } from '@tabler/icons-react';
import type { ImportPreview } from '../../../../core/api';
import {
  addFideslangSuggestions,
  type DataTypeSuggestion,
  type FideslangImport,
  type FideslangProblem,
} from '../../../../core/interchange/fideslang';
import {
  applyInventoryImport,
  formatImportLocation,
  type ImportProblem,
  type InventoryImportPreview,
  type InventoryImportRow,
} from '../../../../core/interchange/inventory-csv';
import { categoryLabel } from '../../../../core/taxonomy';
import { count } from '../../../../core/words';
import { useEditor } from '../../state/store';
import { getBridge, nativeDialogs } from '../../transport';
import { fileName, folderPrefix, folderOf } from '../Dialogs/paths';
import { NO_SHRINK, unsavedChangesBlocker } from '../ExportMenu/ExportMenu';
import { ExportPathModal } from '../ExportMenu/ExportPathModal';
import classes from './ImportDialog.module.css';

/** Rows listed before "Show all": a spreadsheet of 2,000 data types previews without a wait. */
export const ROWS_SHOWN = 200;

function ProblemLines({
  problems,
  where,
}: {
  problems: readonly { message: string; severity: 'error' | 'warning' }[];
  where: (index: number) => string;
}) {
  if (problems.length === 0) return null;
  return (
    <Stack gap={2} mt={4}>
      {problems.map((problem, i) => (
        <Text key={i} size="xs" className={`${classes.problem} ${problem.severity === 'error' ? classes.error : classes.warning}`}>
          {where(i) && <span className={classes.location}>{where(i)}: </span>}
          {problem.message}
        </Text>
      ))}
    </Stack>
  );
}

function FileProblems({
  problems,
  where,
  blocking,
}: {
  problems: readonly { message: string; severity: 'error' | 'warning' }[];
  where: (index: number) => string;
  /** true when these problems stop the whole file from being imported */
  blocking: boolean;
}) {
  if (problems.length === 0) return null;
  const errors = problems.some((p) => p.severity === 'error');
  return (
    <Alert
      color={blocking ? 'red' : errors ? 'orange' : 'yellow'}
      icon={<IconAlertTriangle size={18} />}
      title={blocking ? 'This file cannot be imported as it is' : errors ? 'Parts of this file are left out' : 'About this file'}
    >
      <ProblemLines problems={problems} where={where} />
    </Alert>
  );
}

const ACTION_LOOK: Record<InventoryImportRow['action'] | 'skipped', { label: string; color: MantineColor }> = {
  create: { label: 'Create', color: 'green' },
  update: { label: 'Update', color: 'blue' },
  unchanged: { label: 'Unchanged', color: 'gray' },
  skipped: { label: 'Skipped', color: 'red' },
};

type RowFilter = 'all' | 'changes' | 'problems';

function InventoryPreview({
  preview,
  onApply,
  onClose,
}: {
  preview: InventoryImportPreview;
  onApply(): string | undefined;
  onClose(): void;
}) {
  const [filter, setFilter] = useState<RowFilter>(preview.counts.skipped > 0 ? 'problems' : 'all');
  const [showAll, setShowAll] = useState(false);
  const [failure, setFailure] = useState<string>();
  const rows = useMemo(
    () =>
      preview.rows.filter((row) =>
        filter === 'problems'
          ? row.problems.length > 0
          : filter === 'changes'
            ? row.problems.length === 0 && row.action !== 'unchanged'
            : true,
      ),
    [preview.rows, filter],
  );
  const shown = showAll ? rows : rows.slice(0, ROWS_SHOWN);
  const changes = preview.counts.create + preview.counts.update;
  return (
    <Stack gap="md">
      <Text size="sm" data-testid="import-summary">
        {preview.summary}
      </Text>
      <FileProblems problems={preview.problems} where={(i) => formatImportLocation(preview.problems[i])} blocking={!preview.canApply} />
      {preview.rows.length > 0 && (
        <>
          <Group justify="space-between">
            <SegmentedControl
              size="xs"
              value={filter}
              onChange={(value) => setFilter(value as RowFilter)}
              data={[
                { value: 'all', label: `All rows (${preview.rows.length})` },
                { value: 'changes', label: `Changes (${changes})` },
                { value: 'problems', label: `Problems (${preview.counts.skipped})` },
              ]}
            />
            <Group gap={6}>
              {(['create', 'update', 'unchanged'] as const).map((action) => (
                <Badge key={action} variant="light" color={ACTION_LOOK[action].color} tt="none">
                  {preview.counts[action]} {ACTION_LOOK[action].label.toLowerCase()}
                </Badge>
              ))}
              {preview.counts.skipped > 0 && (
                <Badge variant="light" color="red" tt="none">
                  {preview.counts.skipped} skipped
                </Badge>
              )}
            </Group>
          </Group>
          <ScrollArea.Autosize mah="52vh" type="auto" className={classes.tableBox}>
            <Table stickyHeader verticalSpacing={6} horizontalSpacing="sm" className={classes.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>Line</Table.Th>
                  <Table.Th>Data type</Table.Th>
                  <Table.Th w={130}>Import</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((row) => {
                  const look = ACTION_LOOK[row.problems.length > 0 ? 'skipped' : row.action];
                  return (
                    <Table.Tr
                      key={`${row.line}:${row.id}`}
                      data-testid="import-row"
                      data-action={row.problems.length > 0 ? 'skipped' : row.action}
                    >
                      <Table.Td>
                        <Text size="sm" c="dimmed" ff="monospace">
                          {row.line}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {row.dataType?.name || row.id || 'No id'}
                        </Text>
                        {row.id && (
                          <Text size="xs" c="dimmed" ff="monospace">
                            {row.id}
                          </Text>
                        )}
                        <ProblemLines problems={row.problems} where={(i) => formatImportLocation(row.problems[i])} />
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={look.color} tt="none">
                          {look.label}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            {rows.length === 0 && (
              <Text size="sm" c="dimmed" ta="center" py="md">
                No rows to show here.
              </Text>
            )}
          </ScrollArea.Autosize>
          {rows.length > shown.length && (
            <Button variant="subtle" size="xs" onClick={() => setShowAll(true)} style={{ alignSelf: 'center' }}>
              Show all {rows.length} rows
            </Button>
          )}
        </>
      )}
      {failure && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Nothing was imported">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          leftSection={<IconFileImport size={16} />}
          disabled={!preview.canApply || changes === 0}
          onClick={() => setFailure(onApply())}
        >
          Import {count(changes, 'data type')}
        </Button>
      </Group>
    </Stack>
  );
}

function fideslangWhere(problem: FideslangProblem): string {
  const parts: string[] = [];
  if (problem.line !== undefined) parts.push(`line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''}`);
  if (problem.path) parts.push(problem.path);
  return parts.join(' · ');
}

/** Picked at first: suggestions without errors that no data type of the workspace already covers. */
function pickedAtFirst(suggestion: DataTypeSuggestion): boolean {
  return suggestion.problems.every((p) => p.severity !== 'error') && suggestion.existing.length === 0;
}

function FideslangPreview({
  preview,
  onApply,
  onClose,
}: {
  preview: FideslangImport;
  onApply(chosen: DataTypeSuggestion[]): string | undefined;
  onClose(): void;
}) {
  const workspace = useEditor((s) => s.workspace);
  const [picked, setPicked] = useState<ReadonlySet<number>>(
    () => new Set(preview.suggestions.flatMap((s, i) => (pickedAtFirst(s) ? [i] : []))),
  );
  const [failure, setFailure] = useState<string>();
  const dataTypeName = useMemo(() => new Map(workspace?.dataTypes.map((d) => [d.id, d.name]) ?? []), [workspace]);
  const purposeName = useMemo(
    () => new Map([...(workspace?.purposes ?? []), ...preview.purposes].map((p) => [p.id, p.name])),
    [workspace, preview.purposes],
  );
  const newPurposes = new Set(preview.purposes.map((p) => p.id));
  const kind = {
    system: 'a fideslang system',
    dataset: 'a fideslang dataset',
    'system and dataset': 'fideslang systems and datasets',
    none: 'no fideslang system or dataset',
  }[preview.kind];
  const toggle = (index: number, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });
  return (
    <Stack gap="md">
      <Text size="sm" data-testid="import-summary">
        The file holds {kind}: {count(preview.suggestions.length, 'suggested data type')}. Choose the ones to add; each can be edited
        afterwards like any other.
      </Text>
      <FileProblems
        problems={preview.problems}
        where={(i) => fideslangWhere(preview.problems[i])}
        blocking={preview.suggestions.length === 0 && preview.problems.some((p) => p.severity === 'error')}
      />
      {preview.suggestions.length > 0 && (
        <ScrollArea.Autosize mah="52vh" type="auto" className={classes.tableBox}>
          <Stack gap={0}>
            {preview.suggestions.map((suggestion, index) => {
              const blocked = suggestion.problems.some((p) => p.severity === 'error');
              return (
                <div key={index} className={classes.suggestion} data-testid="import-row" data-action={blocked ? 'skipped' : 'create'}>
                  <Checkbox
                    checked={picked.has(index)}
                    disabled={blocked}
                    onChange={(e) => toggle(index, e.currentTarget.checked)}
                    aria-label={`Add ${suggestion.dataType.name}`}
                    mt={2}
                  />
                  <div className={classes.suggestionBody}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {suggestion.dataType.name}
                      </Text>
                      <Badge variant="light" color="gray" size="sm" tt="none">
                        {categoryLabel(suggestion.dataType.category)}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      From {suggestion.from.label}
                      {suggestion.from.line !== undefined && ` (line ${suggestion.from.line})`} · purposes:{' '}
                      {suggestion.dataType.purposes
                        .map((id) => `${purposeName.get(id) ?? id}${newPurposes.has(id) ? ' (new)' : ''}`)
                        .join(', ') || 'none'}
                    </Text>
                    {suggestion.existing.length > 0 && (
                      <Text size="xs" c="dimmed">
                        Already in the inventory with this category:{' '}
                        {suggestion.existing.map((id) => dataTypeName.get(id) ?? id).join(', ')}
                      </Text>
                    )}
                    <ProblemLines problems={suggestion.problems} where={(i) => fideslangWhere(suggestion.problems[i])} />
                  </div>
                </div>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {failure && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Nothing was imported">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          leftSection={<IconFileImport size={16} />}
          disabled={picked.size === 0}
          onClick={() => setFailure(onApply(preview.suggestions.filter((_, i) => picked.has(i))))}
        >
          Import {count(picked.size, 'data type')}
        </Button>
      </Group>
    </Stack>
  );
}

function problemText(problems: readonly ImportProblem[]): string {
  return problems.map((p) => [formatImportLocation(p), p.message].filter(Boolean).join(': ')).join(' ');
}

/** Applies an inventory preview as one edit; returns why it could not be, or undefined. */
export function applyInventoryPreview(preview: InventoryImportPreview, file: string): string | undefined {
  const { workspace, replace } = useEditor.getState();
  if (!workspace) return 'No workspace is open.';
  const result = applyInventoryImport(workspace, preview);
  if (!result.ok) return problemText(result.problems);
  const parts = [
    result.created.length && `${count(result.created.length, 'data type')} added`,
    result.updated.length && `${count(result.updated.length, 'data type')} updated`,
  ].filter(Boolean);
  replace(`Import ${fileName(file)}`, result.workspace);
  notifications.show({
    color: 'green',
    title: `Imported ${fileName(file)}`,
    message: `${parts.join(', ')}.${result.skipped ? ` ${count(result.skipped, 'row')} with problems ${result.skipped === 1 ? 'was' : 'were'} skipped.` : ''} Undo takes it all back.`,
  });
  return undefined;
}

/** Adds the chosen fideslang suggestions as one edit; returns why it could not, or undefined. */
export function applyFideslangPreview(preview: FideslangImport, chosen: DataTypeSuggestion[], file: string): string | undefined {
  const { workspace, replace } = useEditor.getState();
  if (!workspace) return 'No workspace is open.';
  const result = addFideslangSuggestions(workspace, chosen, preview.purposes);
  if (!result.ok) return result.problems.map((p) => p.message).join(' ');
  replace(`Import ${fileName(file)}`, result.workspace);
  const purposes = result.purposesAdded.length ? ` and ${count(result.purposesAdded.length, 'purpose')}` : '';
  notifications.show({
    color: 'green',
    title: `Imported ${fileName(file)}`,
    message: `${count(result.added.length, 'data type')}${purposes} added. Undo takes it all back.`,
  });
  return undefined;
}

export function ImportPreviewDialog({ preview, onClose }: { preview: ImportPreview; onClose(): void }) {
  const apply = (run: () => string | undefined) => {
    const failure = run();
    if (!failure) onClose();
    return failure;
  };
  return (
    <Modal opened onClose={onClose} title={`Import ${fileName(preview.path)}`} size="xl" classNames={{ title: classes.title }}>
      {preview.format === 'inventory-csv' ? (
        <InventoryPreview
          preview={preview.preview}
          onClose={onClose}
          onApply={() => apply(() => applyInventoryPreview(preview.preview, preview.path))}
        />
      ) : (
        <FideslangPreview
          preview={preview.preview}
          onClose={onClose}
          onApply={(chosen) => apply(() => applyFideslangPreview(preview.preview, chosen, preview.path))}
        />
      )}
    </Modal>
  );
}

async function readPreview(path: string): Promise<{ ok: true; preview: ImportPreview } | { ok: false; message: string }> {
  const blocker = await unsavedChangesBlocker('imported');
  if (blocker) return { ok: false, message: blocker };
  const result = await getBridge().invoke('import-preview', { path });
  return result.ok ? { ok: true, preview: result.value } : { ok: false, message: result.error.message };
}

/** "Import…": choose a file (the system's dialog, or a typed path in the web mode), then preview it. */
export function ImportButton({
  disabled,
  variant = 'default',
}: {
  disabled?: boolean;
  variant?: 'default' | 'light' | 'subtle' | 'filled';
}) {
  const session = useEditor((s) => s.session);
  const [asking, setAsking] = useState(false);
  const [preview, setPreview] = useState<ImportPreview>();
  const folder = session?.status === 'open' ? folderPrefix(folderOf(session.path)) : '';

  const start = async () => {
    const blocker = await unsavedChangesBlocker('imported');
    if (blocker) {
      notifications.show({ color: 'red', title: 'Not imported', message: blocker, autoClose: false });
      return;
    }
    const choose = nativeDialogs();
    if (!choose) {
      setAsking(true);
      return;
    }
    const path = await choose({ kind: 'open', defaultPath: folder || undefined, purpose: 'import' });
    if (!path) return;
    const read = await readPreview(path);
    if (read.ok) setPreview(read.preview);
    else notifications.show({ color: 'red', title: 'Not imported', message: read.message, autoClose: false });
  };

  return (
    <>
      <Button variant={variant} leftSection={<IconUpload size={16} />} onClick={() => void start()} disabled={disabled} style={NO_SHRINK}>
        Import…
      </Button>
      {asking && (
        <ExportPathModal
          opened
          title="Import data types"
          label="File to import"
          description="The full path of an inventory CSV (.csv) or a fideslang system or dataset (.yml, .yaml) on this computer. Nothing changes until you confirm the preview."
          submitLabel="Preview"
          submitIcon={IconFileImport}
          failureTitle="Cannot import this file"
          suggestion={folder}
          onClose={() => setAsking(false)}
          onExport={async (path) => {
            const read = await readPreview(path);
            if (!read.ok) return read.message;
            setPreview(read.preview);
            return undefined;
          }}
        />
      )}
      {preview && <ImportPreviewDialog preview={preview} onClose={() => setPreview(undefined)} />}
    </>
  );
}
