import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Kbd,
  Menu,
  Select,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  IconAlertCircle,
  IconChevronDown,
  IconChevronUp,
  IconCopy,
  IconDatabasePlus,
  IconDots,
  IconFilterOff,
  IconPlus,
  IconSearch,
  IconSelector,
  IconTrash,
} from '@tabler/icons-react';
import type { DataType, Workspace } from '../../../../core/schema';
import { retentionShort } from '../../../../core/retention';
import { categoryLabel } from '../../../../core/taxonomy';
import { useEditor } from '../../state/store';
import { useUi } from '../../state/ui';
import { navigate } from '../../state/route';
import { shortcutLabel } from '../../components/shortcut';
import { ExportMenu } from '../../components/ExportMenu/ExportMenu';
import { ImportButton } from '../../components/ImportDialog/ImportDialog';
import { deleteDataTypeWithUndo, duplicateDataType } from './actions';
import classes from './Inventory.module.css';

type SortKey = 'name' | 'category' | 'purposes' | 'retention' | 'recipients' | 'status';

interface Row {
  index: number;
  dataType: DataType;
  name: string;
  category: string;
  purposes: string[];
  retention: string;
  recipients: string[];
  status: string;
  hasProblems: boolean;
  /** lower-cased text searched by the search box */
  haystack: string;
}

const STATUS_COLORS: Record<string, string> = { approved: 'green', 'in-review': 'blue', draft: 'gray' };
const STATUS_LABELS: Record<string, string> = { approved: 'Approved', 'in-review': 'In review', draft: 'Draft' };
const STATUS_ORDER: Record<string, number> = { draft: 0, 'in-review': 1, approved: 2, '': 3 };

/**
 * Each column shares the table's width by its weight and never goes below its minimum; a column the
 * user dragged keeps its width in pixels. When even the minimums do not fit (a narrow window, high
 * zoom) the table scrolls sideways instead of cutting columns off.
 */
export const COLUMNS: { key: SortKey; label: string; min: number; weight: number }[] = [
  { key: 'name', label: 'Name', min: 140, weight: 1.4 },
  { key: 'category', label: 'Category', min: 110, weight: 1 },
  { key: 'purposes', label: 'Purposes', min: 130, weight: 1.4 },
  { key: 'retention', label: 'Retention', min: 110, weight: 1.1 },
  { key: 'recipients', label: 'Recipients', min: 110, weight: 1.1 },
  { key: 'status', label: 'Status', min: 120, weight: 0.6 },
];
const ACTIONS_WIDTH = 48;
const RESIZE_STEP = 16;

/** The grid template and the width below which the table scrolls sideways. */
export function columnLayout(widths: Record<string, number>): { template: string; minWidth: number } {
  const parts = COLUMNS.map((c) => (widths[c.key] ? `${Math.max(c.min, widths[c.key])}px` : `minmax(${c.min}px, ${c.weight}fr)`));
  const minWidth = COLUMNS.reduce((sum, c) => sum + Math.max(c.min, widths[c.key] ?? 0), ACTIONS_WIDTH);
  // With every column sized by hand, the actions column takes what is left so the rows still reach the edge.
  const allFixed = COLUMNS.every((c) => widths[c.key]);
  return { template: [...parts, allFixed ? `minmax(${ACTIONS_WIDTH}px, 1fr)` : `${ACTIONS_WIDTH}px`].join(' '), minWidth };
}

/**
 * Text cut off with an ellipsis that shows all of itself on hover (a title set only when it is cut, or
 * always where the cell abbreviates a list). Plain spans styled by the module rather than Mantine Text:
 * a search keystroke mounts a screenful of rows, and each Mantine component costs more than its span.
 */
function CellText({
  full,
  abbreviated,
  strong,
  dimmed,
  children,
}: {
  full: string;
  abbreviated?: boolean;
  strong?: boolean;
  dimmed?: boolean;
  children: React.ReactNode;
}) {
  // The browser's own tooltip: a Mantine tooltip per cell would be a popover on every cell the list paints.
  return (
    <span
      className={classes.cellText}
      data-strong={strong || undefined}
      data-dimmed={dimmed || undefined}
      title={abbreviated ? full : undefined}
      onMouseEnter={(e) => {
        const el = e.currentTarget;
        if (abbreviated || el.scrollWidth > el.clientWidth) el.title = full;
        else el.removeAttribute('title');
      }}
    >
      {children}
    </span>
  );
}

const ROW_HEIGHT = 52;

function buildRows(workspace: Workspace, problemIndexes: Set<number>): Row[] {
  const purposeNames = new Map(workspace.purposes.map((p) => [p.id, p.name]));
  const recipientNames = new Map(workspace.recipients.map((r) => [r.id, r.name]));
  return workspace.dataTypes.map((dataType, index) => {
    const purposes = dataType.purposes.map((id) => purposeNames.get(id) ?? id);
    const recipients = (dataType.recipients ?? []).map((id) => recipientNames.get(id) ?? id);
    const category = categoryLabel(dataType.category);
    const retention = retentionShort(dataType.retention);
    return {
      index,
      dataType,
      name: dataType.name,
      category,
      purposes,
      retention,
      recipients,
      status: dataType.status ?? '',
      hasProblems: problemIndexes.has(index),
      haystack: [dataType.name, dataType.id, dataType.category, category, dataType.description ?? '', ...purposes, ...recipients, retention]
        .join('\n')
        .toLowerCase(),
    };
  });
}

function compareRows(key: SortKey): (a: Row, b: Row) => number {
  const text = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
  switch (key) {
    case 'name':
      return (a, b) => text(a.name, b.name);
    case 'category':
      return (a, b) => text(a.category, b.category) || text(a.name, b.name);
    case 'purposes':
      return (a, b) => text(a.purposes.join(', '), b.purposes.join(', ')) || text(a.name, b.name);
    case 'retention':
      return (a, b) => text(a.retention, b.retention) || text(a.name, b.name);
    case 'recipients':
      return (a, b) => a.recipients.length - b.recipients.length || text(a.name, b.name);
    case 'status':
      return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || text(a.name, b.name);
  }
}

function ListCell({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) {
    return (
      <span className={classes.cellText} data-dimmed>
        {empty}
      </span>
    );
  }
  const shown = items.slice(0, 2).join(', ');
  return (
    <CellText full={items.join(', ')} abbreviated={items.length > 2}>
      {shown}
      {items.length > 2 && <span data-dimmed> +{items.length - 2}</span>}
    </CellText>
  );
}

interface RowProps {
  row: Row;
  /** the row's place in the filtered list, for the keyboard's active row */
  position: number;
  /** where the virtual list puts it, in pixels from the top */
  start: number;
  active: boolean;
  readOnly: boolean;
  onActivate: (position: number) => void;
  onOpen: (row: Row) => void;
}

/**
 * One data type's row. Memoised: a search keystroke or a move of the keyboard's row re-renders only
 * the rows whose props changed, and the list of 2,000 keeps painting within a frame or two.
 */
const InventoryRow = memo(function InventoryRow({ row, position, start, active, readOnly, onActivate, onOpen }: RowProps) {
  return (
    <div
      id={`dt-row-${row.index}`}
      role="row"
      aria-selected={active}
      data-active={active || undefined}
      className={classes.row}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onClick={() => onActivate(position)}
      onDoubleClick={() => onOpen(row)}
    >
      <div role="cell" className={classes.cell}>
        <Group gap={6} wrap="nowrap" miw={0}>
          {row.hasProblems && (
            <Tooltip label="Has problems to fix before it can be saved">
              <IconAlertCircle size={16} color="var(--mantine-color-red-6)" aria-label="Has problems" />
            </Tooltip>
          )}
          <UnstyledButton
            className={classes.nameLink}
            onClick={(e) => {
              e.stopPropagation();
              onOpen(row);
            }}
            tabIndex={-1}
          >
            <CellText strong full={row.name || 'Untitled data type'}>
              {row.name || 'Untitled data type'}
            </CellText>
          </UnstyledButton>
        </Group>
      </div>
      <div role="cell" className={classes.cell}>
        <CellText full={row.category === row.dataType.category ? row.category : `${row.category} (${row.dataType.category})`}>
          {row.category}
        </CellText>
      </div>
      <div role="cell" className={classes.cell}>
        <ListCell items={row.purposes} empty="No purpose" />
      </div>
      <div role="cell" className={classes.cell}>
        <CellText full={row.retention} dimmed={!row.dataType.retention}>
          {row.retention}
        </CellText>
      </div>
      <div role="cell" className={classes.cell}>
        <ListCell items={row.recipients} empty="Nobody" />
      </div>
      <div role="cell" className={classes.cell}>
        {row.status ? (
          <Badge variant="light" color={STATUS_COLORS[row.status]} size="sm">
            {STATUS_LABELS[row.status]}
          </Badge>
        ) : (
          <span className={classes.cellText} data-dimmed>
            —
          </span>
        )}
      </div>
      <div role="cell" className={classes.cell}>
        <RowActions row={row} readOnly={readOnly} onOpen={onOpen} />
      </div>
    </div>
  );
});

/**
 * The row's "…" menu. Until it is first opened it is a plain button: a Mantine Menu per row (a
 * popover with its floating position) costs more than the rest of the row, on every row the list paints.
 */
function RowActions({ row, readOnly, onOpen }: { row: Row; readOnly: boolean; onOpen: (row: Row) => void }) {
  const [armed, setArmed] = useState(false);
  const button = (
    <ActionIcon
      variant="subtle"
      color="gray"
      aria-label={`Actions for ${row.name}`}
      aria-haspopup="menu"
      onClick={(e) => {
        e.stopPropagation();
        setArmed(true);
      }}
      tabIndex={-1}
    >
      <IconDots size={16} />
    </ActionIcon>
  );
  if (!armed) return button;
  return (
    <Menu position="bottom-end" withinPortal defaultOpened onClose={() => setArmed(false)}>
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onOpen(row)}>Open</Menu.Item>
        <Menu.Item
          leftSection={<IconCopy size={14} />}
          rightSection={
            <Text size="xs" c="dimmed">
              {shortcutLabel('mod+D')}
            </Text>
          }
          disabled={readOnly}
          onClick={() => duplicateDataType(row.dataType.id)}
        >
          Duplicate
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={14} />}
          rightSection={
            <Text size="xs" c="dimmed">
              Del
            </Text>
          }
          disabled={readOnly}
          onClick={() => deleteDataTypeWithUndo(row.dataType.id)}
        >
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

type Options = { value: string; label: string }[];
const STATUS_OPTIONS: Options = [
  { value: 'draft', label: 'Draft' },
  { value: 'in-review', label: 'In review' },
  { value: 'approved', label: 'Approved' },
  { value: 'none', label: 'No status' },
];

/**
 * One filter beside the search box. Memoised, like the toolbar's buttons: a search keystroke re-renders
 * the screen, and the filters' comboboxes (one with every recipient) need not render with it.
 */
const FilterSelect = memo(function FilterSelect({
  kind,
  placeholder,
  data,
  value,
  onChange,
  searchable = true,
}: {
  kind: string;
  placeholder: string;
  data: Options;
  value: string | null;
  onChange: (value: string | null) => void;
  searchable?: boolean;
}) {
  return (
    <Select
      aria-label={`Filter by ${kind}`}
      placeholder={placeholder}
      clearable
      searchable={searchable}
      data={data}
      value={value}
      onChange={onChange}
      className={classes.filter}
    />
  );
});

const ToolbarActions = memo(function ToolbarActions({ readOnly }: { readOnly: boolean }) {
  const setDialog = useUi((s) => s.setDialog);
  return (
    <Group gap="xs" wrap="nowrap">
      <ImportButton disabled={readOnly} />
      <ExportMenu section="inventory" />
      <Tooltip label={`Add a data type (${shortcutLabel('mod+shift+N')})`}>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('add-data-type')} disabled={readOnly}>
          Add data type
        </Button>
      </Tooltip>
    </Group>
  );
});

interface ColumnHeadersProps {
  sort: { key: SortKey; direction: 'asc' | 'desc' } | null;
  widths: Record<string, number>;
  drag: { key: SortKey; width: number } | null;
  onSort: (key: SortKey) => void;
  onResize: (key: SortKey, width: number | null) => void;
  onDrag: (drag: { key: SortKey; width: number } | null) => void;
}

/** The table's column headers: sort buttons and resize handles. Memoised, so a search keystroke passes them by. */
const ColumnHeaders = memo(function ColumnHeaders({ sort, widths, drag, onSort, onResize, onDrag }: ColumnHeadersProps) {
  // Where a drag started: the pointer's x and the column's width then.
  const dragStart = useRef<{ x: number; width: number } | null>(null);
  return (
    <>
      {COLUMNS.map((column) => {
        const sorted = sort?.key === column.key ? sort.direction : undefined;
        const width = widths[column.key];
        const resizeTo = (next: number | null) => onResize(column.key, next === null ? null : Math.max(column.min, next));
        return (
          <div
            key={column.key}
            role="columnheader"
            className={classes.headerCell}
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
          >
            <UnstyledButton className={classes.sortButton} onClick={() => onSort(column.key)} aria-label={`Sort by ${column.label}`}>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {column.label}
              </Text>
              {sorted === 'asc' ? (
                <IconChevronUp size={14} />
              ) : sorted === 'desc' ? (
                <IconChevronDown size={14} />
              ) : (
                <IconSelector size={14} className={classes.sortIdle} />
              )}
            </UnstyledButton>
            <div
              role="separator"
              aria-orientation="vertical"
              aria-label={`Resize the ${column.label} column`}
              aria-valuemin={column.min}
              aria-valuenow={width ?? undefined}
              tabIndex={0}
              title="Drag to resize, double-click to fit the window"
              className={classes.resizer}
              data-dragging={drag?.key === column.key || undefined}
              data-testid={`resize-${column.key}`}
              onPointerDown={(e) => {
                e.preventDefault();
                const cell = e.currentTarget.parentElement!;
                dragStart.current = { x: e.clientX, width: width ?? cell.getBoundingClientRect().width };
                e.currentTarget.setPointerCapture?.(e.pointerId);
              }}
              onPointerMove={(e) => {
                if (!dragStart.current) return;
                onDrag({
                  key: column.key,
                  width: Math.max(column.min, Math.round(dragStart.current.width + e.clientX - dragStart.current.x)),
                });
              }}
              onPointerUp={(e) => {
                const start = dragStart.current;
                if (!start) return;
                dragStart.current = null;
                onDrag(null);
                // A click on the edge without moving is not a resize: the column keeps fitting the window.
                if (e.clientX !== start.x) resizeTo(start.width + e.clientX - start.x);
              }}
              onPointerCancel={() => {
                dragStart.current = null;
                onDrag(null);
              }}
              onDoubleClick={() => resizeTo(null)}
              onKeyDown={(e) => {
                const from = width ?? e.currentTarget.parentElement!.getBoundingClientRect().width;
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  e.preventDefault();
                  resizeTo(from + (e.key === 'ArrowRight' ? RESIZE_STEP : -RESIZE_STEP));
                } else if (e.key === 'Enter' || e.key === 'Delete' || e.key === 'Backspace') {
                  e.preventDefault();
                  resizeTo(null);
                }
              }}
            />
          </div>
        );
      })}
    </>
  );
});

export function Inventory() {
  const workspace = useEditor((s) => s.workspace)!;
  const problems = useEditor((s) => s.problems);
  const readOnly = useEditor((s) => Boolean(s.readOnly));
  const focusSearch = useUi((s) => s.focusSearch);
  const setDialog = useUi((s) => s.setDialog);
  const storedWidths = useUi((s) => s.inventoryColumns);
  const setColumnWidth = useUi((s) => s.setInventoryColumn);
  // The width being dragged lives here and is stored once, when the pointer lets go.
  const [drag, setDrag] = useState<{ key: SortKey; width: number } | null>(null);
  const widths = drag ? { ...storedWidths, [drag.key]: drag.width } : storedWidths;
  const layout = columnLayout(widths);

  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<string | null>(null);
  const [recipient, setRecipient] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' } | null>(null);
  const [active, setActive] = useState(0);

  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusSearch > 0) {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  }, [focusSearch]);

  const problemIndexes = useMemo(() => {
    const set = new Set<number>();
    for (const p of problems) {
      const m = /^dataTypes\[(\d+)\]/.exec(p.path);
      if (m) set.add(Number(m[1]));
    }
    return set;
  }, [problems]);

  const rows = useMemo(() => buildRows(workspace, problemIndexes), [workspace, problemIndexes]);

  const visible = useMemo(() => {
    // Filtered in the keystroke's own render, not deferred: 2,000 rows filter in about a millisecond and
    // the rows are memoised, so one render and one paint is faster than an urgent and a deferred one.
    const query = search.trim().toLowerCase();
    const terms = query.split(/\s+/).filter(Boolean);
    let out = rows.filter((row) => {
      if (terms.length && !terms.every((t) => row.haystack.includes(t))) return false;
      if (category && !(row.dataType.category === category || row.dataType.category.startsWith(`${category}.`))) return false;
      if (purpose && !row.dataType.purposes.includes(purpose)) return false;
      if (recipient && !(row.dataType.recipients ?? []).includes(recipient)) return false;
      if (status && (status === 'none' ? row.status !== '' : row.status !== status)) return false;
      return true;
    });
    if (sort) {
      const compare = compareRows(sort.key);
      out = [...out].sort((a, b) => (sort.direction === 'asc' ? compare(a, b) : compare(b, a)));
    }
    return out;
  }, [rows, search, category, purpose, recipient, status, sort]);

  // eslint-disable-next-line react-hooks/incompatible-library -- only says the React Compiler would skip this component; Candor does not build with it
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the window: enough for smooth scrolling, few enough that a search keystroke
    // mounts little more than a screenful.
    overscan: 8,
    // Until the table is measured, assume a typical window so the first paint already has rows.
    initialRect: { width: 1200, height: 720 },
  });

  const activeIndex = Math.min(active, Math.max(visible.length - 1, 0));

  const categoryOptions = useMemo(() => {
    const present = new Set<string>();
    for (const d of workspace.dataTypes) present.add(d.category);
    return [...present].map((key) => ({ value: key, label: categoryLabel(key) })).sort((a, b) => a.label.localeCompare(b.label));
  }, [workspace.dataTypes]);

  const purposeOptions = useMemo(() => workspace.purposes.map((p) => ({ value: p.id, label: p.name })), [workspace.purposes]);
  const recipientOptions = useMemo(() => workspace.recipients.map((r) => ({ value: r.id, label: r.name })), [workspace.recipients]);

  const filtersOn = Boolean(search || category || purpose || recipient || status);
  const clearFilters = () => {
    setSearch('');
    setCategory(null);
    setPurpose(null);
    setRecipient(null);
    setStatus(null);
  };

  const open = useCallback((row: Row) => navigate({ screen: 'data-type', id: row.dataType.id }), []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (visible.length === 0) return;
    const move = (to: number) => {
      const next = Math.max(0, Math.min(visible.length - 1, to));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      event.preventDefault();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(activeIndex + 1);
      case 'ArrowUp':
        return move(activeIndex - 1);
      case 'PageDown':
        return move(activeIndex + 10);
      case 'PageUp':
        return move(activeIndex - 10);
      case 'Home':
        return move(0);
      case 'End':
        return move(visible.length - 1);
      case 'Enter':
        event.preventDefault();
        return open(visible[activeIndex]);
      case 'Delete':
      case 'Backspace':
        if (!readOnly && (event.key === 'Delete' || event.metaKey)) {
          event.preventDefault();
          deleteDataTypeWithUndo(visible[activeIndex].dataType.id);
        }
        return;
      case 'd':
        if ((event.metaKey || event.ctrlKey) && !readOnly) {
          event.preventDefault();
          duplicateDataType(visible[activeIndex].dataType.id);
        }
        return;
    }
  };

  const sortBy = useCallback((key: SortKey) => {
    setSort((current) => {
      if (!current || current.key !== key) return { key, direction: 'asc' };
      if (current.direction === 'asc') return { key, direction: 'desc' };
      return null;
    });
  }, []);

  if (workspace.dataTypes.length === 0) {
    return (
      <Box className={classes.emptyPage}>
        <EmptyState
          variant="light"
          size="lg"
          icon={<IconDatabasePlus size={30} />}
          title="Catalogue the first kind of personal data you collect"
          description="Start from the library of common data types — email address, precise location, crash logs — and Candor fills in the category, store labels and sensitivity for you."
        >
          <EmptyState.Actions>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('add-data-type')} disabled={readOnly}>
              Add a data type
            </Button>
            <ImportButton disabled={readOnly} />
          </EmptyState.Actions>
        </EmptyState>
      </Box>
    );
  }

  return (
    <Box className={classes.page}>
      <Group justify="space-between" className={classes.toolbar} wrap="wrap" gap="sm">
        <Group gap="sm" align="baseline" wrap="nowrap">
          <Title order={2} className={classes.title}>
            Data types
          </Title>
          <Text c="dimmed" size="sm" data-testid="inventory-count">
            {visible.length === rows.length ? `${rows.length}` : `${visible.length} of ${rows.length}`}
          </Text>
        </Group>
        <ToolbarActions readOnly={readOnly} />
      </Group>

      <Group gap="sm" className={classes.filters} wrap="wrap">
        <TextInput
          ref={searchRef}
          aria-label="Search data types"
          placeholder="Search name, purpose, recipient…"
          leftSection={<IconSearch size={16} />}
          rightSection={
            search ? (
              <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} />
            ) : (
              <Kbd size="xs">{shortcutLabel('mod+F')}</Kbd>
            )
          }
          rightSectionWidth={search ? undefined : 58}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              if (e.key === 'Enter' && visible[0]) open(visible[0]);
              else scrollRef.current?.focus();
            }
            if (e.key === 'Escape') setSearch('');
          }}
          className={classes.search}
        />
        <FilterSelect kind="category" placeholder="Category" data={categoryOptions} value={category} onChange={setCategory} />
        <FilterSelect kind="purpose" placeholder="Purpose" data={purposeOptions} value={purpose} onChange={setPurpose} />
        <FilterSelect kind="recipient" placeholder="Recipient" data={recipientOptions} value={recipient} onChange={setRecipient} />
        <FilterSelect kind="status" placeholder="Status" data={STATUS_OPTIONS} value={status} onChange={setStatus} searchable={false} />
        {filtersOn && (
          <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={clearFilters}>
            Clear
          </Button>
        )}
      </Group>

      <div
        className={classes.table}
        role="table"
        aria-label="Data types"
        aria-rowcount={visible.length + 1}
        style={{ '--inventory-columns': layout.template, '--inventory-min-width': `${layout.minWidth}px` } as React.CSSProperties}
      >
        <div className={classes.header} ref={headerRef}>
          <div className={classes.headerRow} role="row">
            <ColumnHeaders sort={sort} widths={widths} drag={drag} onSort={sortBy} onResize={setColumnWidth} onDrag={setDrag} />
            <div role="columnheader" className={classes.headerCell}>
              <span className={classes.visuallyHidden}>Actions</span>
            </div>
          </div>
        </div>

        {visible.length === 0 ? (
          <Box p="xl">
            <EmptyState
              icon={<IconSearch size={28} />}
              title="No data types match"
              description="Try another word, or clear the filters to see everything."
            >
              <EmptyState.Actions>
                <Button variant="default" onClick={clearFilters}>
                  Clear filters
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          </Box>
        ) : (
          <div
            ref={scrollRef}
            className={classes.body}
            onScroll={(e) => {
              // The header sits outside the scrolling body; it follows the body sideways.
              if (headerRef.current) headerRef.current.scrollLeft = e.currentTarget.scrollLeft;
            }}
            tabIndex={0}
            onKeyDown={onKeyDown}
            aria-activedescendant={visible[activeIndex] ? `dt-row-${visible[activeIndex].index}` : undefined}
            data-testid="inventory-rows"
          >
            <div className={classes.rows} style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = visible[item.index];
                return (
                  <InventoryRow
                    key={row.dataType.id + row.index}
                    row={row}
                    position={item.index}
                    start={item.start}
                    active={item.index === activeIndex}
                    readOnly={readOnly}
                    onActivate={setActive}
                    onOpen={open}
                  />
                );
              })}
            </div>
          </div>
        )}
      </div>
      <Text size="xs" c="dimmed" className={classes.hint}>
        <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> move · <Kbd size="xs">Enter</Kbd> open · <Kbd size="xs">Del</Kbd> delete ·{' '}
        <Kbd size="xs">{shortcutLabel('mod+D')}</Kbd> duplicate
      </Text>
    </Box>
  );
}
