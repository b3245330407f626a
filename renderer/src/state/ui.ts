// UI state that is not part of the workspace: which dialog is open, requests between components.
import { create } from 'zustand';

export type Dialog = 'add-data-type' | 'backups' | 'new-workspace' | 'open-workspace' | 'save-as' | 'about' | null;

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
}));
