// UI state that is not part of the workspace: which dialog is open, requests between components.
import { create } from 'zustand';

const COLUMN_WIDTHS_KEY = 'candor-inventory-columns';

/** Column widths the user dragged in the inventory, in CSS pixels by column key; kept in localStorage. */
export type ColumnWidths = Record<string, number>;

function readColumnWidths(): ColumnWidths {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(COLUMN_WIDTHS_KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    // Only finite, positive numbers: a hand-edited or stale entry must not break the table.
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'number' && Number.isFinite(v) && v > 0));
  } catch {
    return {};
  }
}

function writeColumnWidths(widths: ColumnWidths) {
  try {
    if (Object.keys(widths).length === 0) globalThis.localStorage?.removeItem(COLUMN_WIDTHS_KEY);
    else globalThis.localStorage?.setItem(COLUMN_WIDTHS_KEY, JSON.stringify(widths));
  } catch {
    // Storage full or disabled: the widths still apply until the window closes.
  }
}

export type Dialog = 'add-data-type' | 'backups' | 'new-workspace' | 'open-workspace' | 'save-as' | 'about' | 'publish-version' | null;

interface UiState {
  dialog: Dialog;
  setDialog(dialog: Dialog): void;
  /** bumped to ask the inventory to focus its search box */
  focusSearch: number;
  requestFocusSearch(): void;
  /** bumped to ask the shell to switch between light and dark */
  themeToggles: number;
  toggleTheme(): void;
  /** the workspace file changed on disk since it was read */
  changedOnDisk: boolean;
  setChangedOnDisk(value: boolean): void;
  /** inventory column widths set by dragging; a column not listed fits the window */
  inventoryColumns: ColumnWidths;
  /** sets one column's width, or with null gives it back to the automatic layout */
  setInventoryColumn(key: string, width: number | null): void;
}

export const useUi = create<UiState>()((set) => ({
  dialog: null,
  setDialog: (dialog) => set({ dialog }),
  focusSearch: 0,
  requestFocusSearch: () => set((s) => ({ focusSearch: s.focusSearch + 1 })),
  themeToggles: 0,
  toggleTheme: () => set((s) => ({ themeToggles: s.themeToggles + 1 })),
  changedOnDisk: false,
  setChangedOnDisk: (changedOnDisk) => set({ changedOnDisk }),
  inventoryColumns: readColumnWidths(),
  setInventoryColumn: (key, width) =>
    set((s) => {
      const { [key]: _old, ...rest } = s.inventoryColumns;
      const inventoryColumns = width === null ? rest : { ...rest, [key]: Math.round(width) };
      writeColumnWidths(inventoryColumns);
      return { inventoryColumns };
    }),
}));

/** Forgets every dragged column width (tests, and a fresh start). */
export function resetInventoryColumns() {
  writeColumnWidths({});
  useUi.setState({ inventoryColumns: {} });
}
