// What each export is called in the app and the file name its save dialog suggests (the same names
// `candor export` and `candor build` use).
import type { ExportKind } from '../../../../core/api';

export interface ExportKindInfo {
  /** the menu item or button label, without the trailing "…" */
  label: string;
  /** what the file is, for messages: "Exported the Google Play Data safety CSV" */
  what: string;
  fileName: string;
}

export const EXPORT_KIND_INFO: Record<ExportKind, ExportKindInfo> = {
  'apple-privacy-manifest': {
    label: 'Privacy manifest (PrivacyInfo.xcprivacy)',
    what: 'the Apple privacy manifest',
    fileName: 'PrivacyInfo.xcprivacy',
  },
  'app-store-answers': {
    label: 'App Privacy answers (Markdown)',
    what: 'the App Store Connect privacy answers',
    fileName: 'app-privacy-answers.md',
  },
  'play-data-safety': { label: 'Data safety form (CSV)', what: 'the Google Play Data safety CSV', fileName: 'data-safety.csv' },
  'ropa-csv': { label: 'CSV', what: 'the record of processing (CSV)', fileName: 'ropa.csv' },
  'ropa-xlsx': { label: 'Excel (.xlsx)', what: 'the record of processing (Excel)', fileName: 'ropa.xlsx' },
  'ropa-docx': { label: 'Word (.docx)', what: 'the record of processing (Word)', fileName: 'ropa.docx' },
  'inventory-csv': { label: 'Inventory as CSV', what: 'the inventory CSV', fileName: 'inventory.csv' },
  fideslang: { label: 'fideslang system (YAML)', what: 'the fideslang system', fileName: 'candor-system.yml' },
};
