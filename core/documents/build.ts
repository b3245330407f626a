// Every output Candor builds from one workspace, as files in memory, by the groups of the catalogue
// (core/catalogue.ts). Pure: the exports come from the renderer the caller passes (the Node one, since
// one of them needs exceljs), and the CLI writes the files to disk.
import {
  BUILD_GROUP_IDS,
  buildGroupExports,
  DOCUMENT_FORMAT_IDS,
  DOCUMENT_FORMATS,
  type BuildGroup,
  type DocumentFormat,
  type ExportKind,
} from '../catalogue';
import { storeUnavailableReason, type Store } from '../platforms';
import type { Workspace } from '../schema';
import type { DocumentHistory, DocumentRelease } from '../versions';
import { DOCUMENT_WRITERS } from './formats';
import { generateInAppText } from './in-app';
import { androidStringsXml, inAppJson, inAppMarkdown, infoPlistStrings, infoPlistXcstrings } from './in-app-export';
import { availableDocuments, renderDocument } from './render';
import { resolveTemplates } from './templates';
import type { TemplateError, TemplateSource } from './types';

export interface BuiltFile {
  /** relative path inside the output folder, with forward slashes */
  path: string;
  content: string | Uint8Array;
}

export interface BuildResult {
  files: BuiltFile[];
  /** template problems; when any exists no document of that template is built */
  errors: TemplateError[];
  /** store groups left out because the workspace has no app on that store's platform, each with why */
  skipped: { group: BuildGroup; reason: string }[];
}

// The build groups that are a store's declarations, which a workspace without that store's app never gets.
const STORE_GROUPS: Partial<Record<BuildGroup, Store>> = { apple: 'apple', 'google-play': 'play' };

export async function buildOutputs(
  workspace: Workspace,
  templates: { builtIn: TemplateSource[]; overrides: TemplateSource[] },
  renderExport: (workspace: Workspace, kind: ExportKind) => Promise<string | Uint8Array>,
  only?: readonly BuildGroup[],
  /** the published version the documents are made for; none for a draft */
  release?: DocumentRelease,
  /** what the notice's "Changes to this notice" lists (core/versions.ts documentHistory); none without an archive */
  history?: DocumentHistory,
  /** the formats each document is written in; all of them by default (publishing archives only the text ones) */
  formats: readonly DocumentFormat[] = DOCUMENT_FORMAT_IDS,
): Promise<BuildResult> {
  const wanted = (group: BuildGroup) => !only || only.includes(group);
  const files: BuiltFile[] = [];
  const { templates: parsed, errors } = resolveTemplates(templates.builtIn, templates.overrides);

  for (const info of availableDocuments(workspace, parsed)) {
    if (!wanted(info.id as BuildGroup)) continue;
    const template = parsed.find((t) => t.info.id === info.id);
    if (!template) continue;
    const rendered = renderDocument(workspace, template, release, history);
    if (!rendered.ok) {
      errors.push(rendered.error);
      continue;
    }
    const { document } = rendered;
    for (const format of formats) {
      files.push({ path: `${info.id}${DOCUMENT_FORMATS[format].extension}`, content: await DOCUMENT_WRITERS[format](document) });
    }
  }

  if (wanted('in-app') || wanted('ios') || wanted('android')) {
    const text = generateInAppText(workspace);
    if (wanted('in-app')) {
      files.push({ path: 'in-app.json', content: inAppJson(text) });
      files.push({ path: 'in-app.md', content: inAppMarkdown(text, workspace) });
    }
    if (wanted('ios')) {
      files.push({ path: 'ios/InfoPlist.strings', content: infoPlistStrings(text) });
      files.push({ path: 'ios/InfoPlist.xcstrings', content: infoPlistXcstrings(text) });
    }
    if (wanted('android')) files.push({ path: 'android/strings.xml', content: androidStringsXml(text) });
  }

  const skipped: BuildResult['skipped'] = [];
  for (const group of BUILD_GROUP_IDS) {
    if (!wanted(group)) continue;
    const store = STORE_GROUPS[group];
    const reason = store && storeUnavailableReason(workspace, store);
    if (reason) {
      skipped.push({ group, reason });
      continue;
    }
    for (const { kind, path } of buildGroupExports(group)) files.push({ path, content: await renderExport(workspace, kind) });
  }
  return { files, errors, skipped };
}
