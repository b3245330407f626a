// Documents benchmark: how long Candor takes to build every output for a 2,000-data-type workspace,
// per format, and — where pandoc is installed — how that compares with pandoc turning the same
// Markdown into a Word file. Prints figures; asserts nothing.
// Run: npm run bench   (tsx bench/documents.bench.ts [runs])
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildOutputs } from '../core/documents/build';
import { renderDocx } from '../core/documents/docx';
import { renderHtmlPage } from '../core/documents/html';
import { generateInAppText } from '../core/documents/in-app';
import { androidStringsXml, inAppJson, inAppMarkdown, infoPlistStrings, infoPlistXcstrings } from '../core/documents/in-app-export';
import { availableDocuments, renderDocument } from '../core/documents/render';
import { resolveTemplates } from '../core/documents/templates';
import type { RenderedDocument } from '../core/documents/types';
import { writeOutputs } from '../electron/services/build-output';
import { renderExport } from '../electron/services/exports';
import { loadBuiltInTemplates } from '../electron/services/templates';
import { benchWorkspace } from './bench-workspace';

const RUNS = Number(process.argv[2] ?? 10);
const WARMUP = 2;
const PANDOC_RUNS = Math.min(RUNS, 5);

interface Stats {
  median: number;
  min: number;
  max: number;
}

async function measure(runs: number, task: () => unknown, warmup = WARMUP): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { median, min: times[0], max: times[times.length - 1] };
}

const ms = (v: number) => `${v.toFixed(1).padStart(8)} ms`;
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} kB`);
function row(label: string, s: Stats, note = ''): void {
  console.log(`${label.padEnd(44)} median ${ms(s.median)}   min ${ms(s.min)}   max ${ms(s.max)}${note ? `   ${note}` : ''}`);
}
const bytesOf = (content: string | Uint8Array) => (typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength);

function pandocPath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v pandoc'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : undefined;
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'candor-documents-bench-'));
  try {
    const workspace = benchWorkspace(2000);
    const builtIn = await loadBuiltInTemplates();
    const { templates, errors } = resolveTemplates(builtIn, []);
    if (errors.length > 0)
      throw new Error(`the built-in templates have problems: ${errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('; ')}`);
    const docs = availableDocuments(workspace, templates);

    console.log(
      `Workspace: ${workspace.dataTypes.length} data types, ${workspace.purposes.length} purposes, ${workspace.recipients.length} recipients, ` +
        `${workspace.collectionPoints.length} collection points (iOS and Android, with permissions); GDPR, UK GDPR and CCPA. ` +
        `${RUNS} runs after ${WARMUP} warm-up runs; medians.\n`,
    );

    // Per document: Markdown (the template rendered), then the HTML page and the Word file from it.
    const rendered: RenderedDocument[] = [];
    for (const info of docs) {
      const template = templates.find((t) => t.info.id === info.id)!;
      const render = () => {
        const result = renderDocument(workspace, template);
        if (!result.ok) throw new Error(`${info.id}: ${result.error.file}:${result.error.line}: ${result.error.message}`);
        return result.document;
      };
      const document = render();
      rendered.push(document);
      const docxBytes = await renderDocx(document);
      row(`${info.id}.md (Markdown)`, await measure(RUNS, render), size(Buffer.byteLength(document.markdown)));
      row(`${info.id}.html`, await measure(RUNS, () => renderHtmlPage(document)), size(Buffer.byteLength(renderHtmlPage(document))));
      row(`${info.id}.docx`, await measure(RUNS, () => renderDocx(document)), size(docxBytes.byteLength));
    }

    const text = generateInAppText(workspace);
    row('in-app texts (generate, with grades)', await measure(RUNS, () => generateInAppText(workspace)));
    const inApp: [string, () => string][] = [
      ['in-app.json', () => inAppJson(text)],
      ['in-app.md', () => inAppMarkdown(text, workspace)],
      ['ios/InfoPlist.strings', () => infoPlistStrings(text)],
      ['ios/InfoPlist.xcstrings', () => infoPlistXcstrings(text)],
      ['android/strings.xml', () => androidStringsXml(text)],
    ];
    for (const [name, write] of inApp) row(`  ${name}`, await measure(RUNS, write), size(Buffer.byteLength(write())));

    const all = await buildOutputs(workspace, { builtIn, overrides: [] }, renderExport);
    if (all.errors.length > 0) throw new Error(`the build reported problems: ${all.errors.map((e) => e.message).join('; ')}`);
    const total = all.files.reduce((sum, f) => sum + bytesOf(f.content), 0);
    console.log('');
    const inMemory = await measure(RUNS, () => buildOutputs(workspace, { builtIn, overrides: [] }, renderExport));
    row(`everything, in memory (${all.files.length} files)`, inMemory, size(total));
    let n = 0;
    const everything = await measure(RUNS, async () => {
      // What `candor build` does after reading the workspace: build, then write all at once.
      const result = await buildOutputs(workspace, { builtIn, overrides: [] }, renderExport);
      await writeOutputs(join(root, `out-${n++}`), result.files);
    });
    row('everything Candor writes (build + write)', everything);

    const pandoc = pandocPath();
    const notice = rendered.find((d) => d.meta.id === 'privacy-notice') ?? rendered[0];
    if (!pandoc) {
      console.log('\npandoc is not installed: no comparison (install pandoc to compare with its Markdown → Word conversion).');
      return;
    }
    const version = spawnSync(pandoc, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
    const markdownFile = join(root, 'privacy-notice.md');
    await writeFile(markdownFile, notice.markdown);
    const pandocDocx = join(root, 'x.docx');
    const pandocRun = await measure(
      PANDOC_RUNS,
      () => {
        const result = spawnSync(pandoc, [markdownFile, '-o', pandocDocx], { encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
      },
      1,
    );
    console.log('');
    row(`pandoc privacy-notice.md -o x.docx (${PANDOC_RUNS} runs)`, pandocRun, version);
    const ratio = everything.median / pandocRun.median;
    console.log(
      `\nEverything Candor writes (${all.files.length} files, ${size(total)}) takes ${everything.median.toFixed(0)} ms; ` +
        `pandoc's Word file alone takes ${pandocRun.median.toFixed(0)} ms: ratio ${ratio.toFixed(2)} ` +
        `(target: Candor's total < pandoc's time: ${ratio < 1 ? 'met' : 'MISSED'}).`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
