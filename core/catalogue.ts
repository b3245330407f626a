// Everything Candor writes from a workspace, named once: the one-click exports (the app's Export buttons
// and menus, the `export-file` and `export-download` handlers, `candor export`), the formats a document is exported in, and the
// groups `candor build --only` names. Pure data, so the command line's help and the UI can list them
// without loading a generator. The generators are wired to these ids on the Node side
// (electron/services/exports.ts), where an id without one fails to compile.

/**
 * Where the app offers an export: the store cards on the Review screen (apple, google-play), the menus of
 * the Organization screen (ropa) and of the Inventory (inventory). `candor build` builds the sections that
 * are build groups too, each into a folder of its name.
 */
export const EXPORT_SECTIONS = ['apple', 'google-play', 'ropa', 'inventory'] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

export interface ExportInfo {
  /** the button or menu item label within its section, without the trailing "…" */
  label: string;
  /** what the file is, for messages: "Exported the Google Play Data safety CSV" */
  what: string;
  /** the file name its destination expects: the save dialog's suggestion, the help's example, the built file */
  fileName: string;
  /** extensions that already say what the file holds; the first is added to a path that has none of them */
  extensions: readonly [string, ...string[]];
  /** the file's media type, for a download in the web mode */
  mediaType: string;
  /** one line for the command line's help: where the file goes */
  help: string;
  /** one sentence under the export's button, where the screen has room for it */
  hint?: string;
  section: ExportSection;
}

// Media types of what Candor writes. A property list has no registered type; application/x-plist is the
// one Apple's tools and web servers use. application/yaml is registered by RFC 9512.
const MARKDOWN = 'text/markdown; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const EXPORT_TABLE = {
  'apple-privacy-manifest': {
    label: 'Privacy manifest (PrivacyInfo.xcprivacy)',
    what: 'the Apple privacy manifest',
    fileName: 'PrivacyInfo.xcprivacy',
    extensions: ['.xcprivacy', '.plist'],
    mediaType: 'application/x-plist',
    help: 'privacy manifest to add to the iOS app target in Xcode',
    hint: 'Add PrivacyInfo.xcprivacy to the iOS app target in Xcode.',
    section: 'apple',
  },
  'app-store-answers': {
    label: 'App Privacy answers (Markdown)',
    what: 'the App Store Connect "App Privacy" answers',
    fileName: 'app-privacy-answers.md',
    extensions: ['.md', '.markdown'],
    mediaType: MARKDOWN,
    help: 'Markdown checklist for App Store Connect > App Privacy',
    hint: 'A checklist for App Store Connect → App Privacy, every answer with its reason.',
    section: 'apple',
  },
  'play-data-safety': {
    label: 'Data safety form (CSV)',
    what: 'the Google Play Data safety CSV',
    fileName: 'data-safety.csv',
    extensions: ['.csv'],
    mediaType: CSV,
    help: 'CSV to import in Play Console > App content > Data safety',
    hint: 'Play Console → App content → Data safety → Import from CSV.',
    section: 'google-play',
  },
  'ropa-csv': {
    label: 'CSV',
    what: 'the record of processing activities (CSV)',
    fileName: 'ropa.csv',
    extensions: ['.csv'],
    mediaType: CSV,
    help: 'record of processing (GDPR Art 30), one row per purpose, as CSV',
    section: 'ropa',
  },
  'ropa-xlsx': {
    label: 'Excel workbook (.xlsx)',
    what: 'the record of processing activities (Excel workbook)',
    fileName: 'ropa.xlsx',
    extensions: ['.xlsx'],
    mediaType: XLSX,
    help: 'the same record as an Excel workbook in the UK ICO layout',
    section: 'ropa',
  },
  'ropa-docx': {
    label: 'Word table (.docx)',
    what: 'the record of processing activities (Word)',
    fileName: 'ropa.docx',
    extensions: ['.docx'],
    mediaType: DOCX,
    help: 'the same record as a Word table',
    section: 'ropa',
  },
  'inventory-csv': {
    label: 'Inventory as CSV',
    what: 'the inventory CSV',
    fileName: 'inventory.csv',
    extensions: ['.csv'],
    mediaType: CSV,
    help: 'one row per data type, to edit in a spreadsheet and bring back with "candor import"',
    section: 'inventory',
  },
  fideslang: {
    label: 'fideslang system (YAML)',
    what: 'the fideslang system',
    fileName: 'candor-system.yml',
    extensions: ['.yml', '.yaml'],
    mediaType: 'application/yaml',
    help: 'fideslang system with privacy declarations (YAML) for Fides and other fideslang tools',
    section: 'inventory',
  },
} as const satisfies Record<string, ExportInfo>;

/** Every file `export-file` (and `candor export`) can write, or `export-download` hand over, from a workspace. */
export type ExportKind = keyof typeof EXPORT_TABLE;
export const EXPORTS: Readonly<Record<ExportKind, ExportInfo>> = EXPORT_TABLE;
export const EXPORT_KINDS = Object.keys(EXPORTS) as ExportKind[];

/** The exports of one section, in the catalogue's order. */
export function exportsIn(section: ExportSection): ExportKind[] {
  return EXPORT_KINDS.filter((kind) => EXPORTS[kind].section === section);
}

/** The formats a document (the privacy notice, the notice at collection, a workspace's own) is exported in. */
export const DOCUMENT_FORMATS = {
  markdown: { label: 'Markdown', extension: '.md', mediaType: MARKDOWN },
  html: { label: 'Web page (HTML)', extension: '.html', mediaType: 'text/html; charset=utf-8' },
  docx: { label: 'Word (.docx)', extension: '.docx', mediaType: DOCX },
} as const satisfies Record<string, { label: string; extension: string; mediaType: string }>;

export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;
export const DOCUMENT_FORMAT_IDS = Object.keys(DOCUMENT_FORMATS) as DocumentFormat[];

type BuildGroupInfo =
  /** a document, built in every document format when the workspace has it */
  | { document: true; when?: string }
  /** the in-app texts and the files made from them */
  | { files: readonly string[] }
  /** every export of a section, each into the group's folder under its own file name */
  | { section: ExportSection };

/** What `candor build` writes, by the group `--only` names, in the order the build writes them. */
export const BUILD_GROUPS = {
  'privacy-notice': { document: true },
  'notice-at-collection': { document: true, when: 'when the workspace includes CCPA' },
  'notice-of-financial-incentive': { document: true, when: 'when the workspace includes CCPA and records a financial incentive' },
  'consumer-health-data-policy': {
    document: true,
    when: 'when the workspace includes Washington or Nevada and some data type is consumer health data',
  },
  'in-app': { files: ['in-app.json', 'in-app.md'] },
  ios: { files: ['ios/InfoPlist.strings', 'ios/InfoPlist.xcstrings'] },
  android: { files: ['android/strings.xml'] },
  apple: { section: 'apple' },
  'google-play': { section: 'google-play' },
  ropa: { section: 'ropa' },
} as const satisfies Record<string, BuildGroupInfo>;

export type BuildGroup = keyof typeof BUILD_GROUPS;
export const BUILD_GROUP_IDS = Object.keys(BUILD_GROUPS) as BuildGroup[];

/** The group's description in the catalogue, widened so its kind can be told by its fields. */
export function buildGroup(group: BuildGroup): BuildGroupInfo {
  return BUILD_GROUPS[group];
}

/** The exports a build group writes, each with its path inside the output folder (none for other groups). */
export function buildGroupExports(group: BuildGroup): { kind: ExportKind; path: string }[] {
  const info = buildGroup(group);
  return 'section' in info ? exportsIn(info.section).map((kind) => ({ kind, path: `${group}/${EXPORTS[kind].fileName}` })) : [];
}

/** The files one build group writes, as paths inside the output folder. */
export function buildGroupFiles(group: BuildGroup): string[] {
  const info = buildGroup(group);
  if ('document' in info) return DOCUMENT_FORMAT_IDS.map((format) => `${group}${DOCUMENT_FORMATS[format].extension}`);
  if ('files' in info) return [...info.files];
  return buildGroupExports(group).map((built) => built.path);
}

/**
 * The group's files for the help, a file that differs from the one before only by its extension
 * written as the extension: "ropa/ropa.csv, .xlsx, .docx".
 */
export function describeBuildGroup(group: BuildGroup): string {
  const stem = (path: string) => path.replace(/\.[^./]+$/, '');
  const files = buildGroupFiles(group);
  const listed = files.map((file, i) => (i > 0 && stem(files[i - 1]) === stem(file) ? file.slice(stem(file).length) : file)).join(', ');
  const info = buildGroup(group);
  return 'when' in info && info.when ? `${listed} (${info.when})` : listed;
}
