// Every output Candor builds from one workspace, as files in memory. Pure: the CLI writes them to disk,
// the app offers them for export.
import { ropaCsv, ropaDocx } from '../ropa';
import type { Workspace } from '../schema';
import { applePrivacyManifestXml, appStoreAnswersMarkdown } from '../stores/apple';
import { playDataSafetyCsv } from '../stores/play';
import { renderDocx } from './docx';
import { renderHtmlPage } from './html';
import { generateInAppText } from './in-app';
import { androidStringsXml, inAppJson, inAppMarkdown, infoPlistStrings, infoPlistXcstrings } from './in-app-export';
import { availableDocuments, renderDocument } from './render';
import { resolveTemplates } from './templates';
import type { OutputGroup } from './outputs';
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
}

export async function buildOutputs(
  workspace: Workspace,
  templates: { builtIn: TemplateSource[]; overrides: TemplateSource[] },
  only?: readonly OutputGroup[],
): Promise<BuildResult> {
  const wanted = (group: OutputGroup) => !only || only.includes(group);
  const files: BuiltFile[] = [];
  const { templates: parsed, errors } = resolveTemplates(templates.builtIn, templates.overrides);

  for (const info of availableDocuments(workspace, parsed)) {
    if (!wanted(info.id as OutputGroup)) continue;
    const template = parsed.find((t) => t.info.id === info.id);
    if (!template) continue;
    const rendered = renderDocument(workspace, template);
    if (!rendered.ok) {
      errors.push(rendered.error);
      continue;
    }
    const { document } = rendered;
    files.push({ path: `${info.id}.md`, content: document.markdown });
    files.push({ path: `${info.id}.html`, content: renderHtmlPage(document) });
    files.push({ path: `${info.id}.docx`, content: await renderDocx(document) });
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

  if (wanted('apple')) {
    files.push({ path: 'apple/PrivacyInfo.xcprivacy', content: applePrivacyManifestXml(workspace) });
    files.push({ path: 'apple/app-privacy-answers.md', content: appStoreAnswersMarkdown(workspace) });
  }
  if (wanted('google-play')) files.push({ path: 'google-play/data-safety.csv', content: playDataSafetyCsv(workspace) });
  // ropa/ropa.xlsx belongs to this group too, but its writer (exceljs) runs only under Node, so the
  // command line adds it (electron/cli/build.ts).
  if (wanted('ropa')) {
    files.push({ path: 'ropa/ropa.csv', content: ropaCsv(workspace) });
    files.push({ path: 'ropa/ropa.docx', content: await ropaDocx(workspace) });
  }
  return { files, errors };
}
