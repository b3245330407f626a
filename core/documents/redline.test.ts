// @vitest-environment jsdom
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compareDocuments, renderRedlineDocx, renderRedlineHtml } from './redline';
import type { RenderedDocument } from './types';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function notice(version: string, effectiveDate: string, markdown: string): RenderedDocument {
  return {
    meta: {
      id: 'privacy-notice',
      title: 'Privacy notice',
      organization: 'Ridgeline',
      effectiveDate,
      version,
      lastUpdated: effectiveDate,
      locale: 'en',
    },
    markdown,
  };
}

const OLD = notice(
  '2.0',
  '2026-01-01',
  `# Ridgeline privacy notice

## Summary

| Data | How long we keep it |
| --- | --- |
| Email address | For 30 days after you close your account. |
| Crash logs | For 30 days after collection. |
| Phone number | Until you remove it. |

## What we collect

- Your email address, to sign you in.
- Your phone number, for account recovery.

We share your email address with Mailchimp.

## Your rights

You can ask for a copy of your data.
`,
);

const NEW = notice(
  '2.1',
  '2027-03-01',
  `# Ridgeline privacy notice

## Summary

| Data | How long we keep it |
| --- | --- |
| Email address | For 30 days after you close your account. |
| Approximate location | Not stored. |
| Crash logs | For 90 days after collection. |

## What we collect

- Your email address, to sign you in.
- Your approximate location, to show trails near you.

## Your rights

You can ask for a copy of your data <script>alert(1)</script>.

## Changes to this notice

We now collect your approximate location.
`,
);

/** The text a reader sees after accepting (or rejecting) every tracked change: one string per paragraph. */
function resolve(xml: string, accept: boolean): string[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror').length).toBe(0);
  const inside = (node: Element, tag: string) => {
    for (let n: Element | null = node.parentElement; n; n = n.parentElement) if (n.namespaceURI === W && n.localName === tag) return true;
    return false;
  };
  const gone = accept ? 'del' : 'ins';
  const out: string[] = [];
  for (const row of [...doc.getElementsByTagNameNS(W, 'tr')]) {
    const trPr = row.getElementsByTagNameNS(W, 'trPr')[0];
    if (trPr && [...trPr.children].some((c) => c.localName === gone)) row.parentNode?.removeChild(row);
  }
  for (const p of [...doc.getElementsByTagNameNS(W, 'p')]) {
    const rPr = [...(p.getElementsByTagNameNS(W, 'pPr')[0]?.children ?? [])].find((c) => c.localName === 'rPr');
    const markGone = rPr && [...rPr.children].some((c) => c.localName === gone);
    const text = [...p.getElementsByTagNameNS(W, accept ? 't' : '*')]
      .filter((t) => (t.localName === 't' || t.localName === 'delText') && !inside(t, gone))
      .map((t) => t.textContent)
      .join('');
    if (markGone && text === '') continue;
    if (text !== '') out.push(text);
  }
  return out;
}

describe('compareDocuments', () => {
  it('matches blocks, compares changed ones word by word and keeps the rest', () => {
    const redline = compareDocuments(OLD, NEW);
    const row = (text: string) =>
      redline.entries.find(
        (e) =>
          e.kind === 'row' &&
          e.cells[0]
            .map((p) => p.text)
            .join('')
            .includes(text),
      );
    expect(row('Email address')?.status).toBe('same');
    expect(row('Approximate location')?.status).toBe('inserted');
    expect(row('Phone number')?.status).toBe('deleted');
    const crash = row('Crash logs');
    expect(crash?.status).toBe('changed');
    expect(crash?.cells[1]).toEqual([
      { op: 'same', text: 'For ' },
      { op: 'deleted', text: '30' },
      { op: 'inserted', text: '90' },
      { op: 'same', text: ' days after collection.' },
    ]);
    // every row of the summary stays in one table
    expect(new Set(redline.entries.filter((e) => e.kind === 'row').map((e) => e.table)).size).toBe(1);
    expect(redline.oldFacts).toContain('2.0');
    expect(redline.newFacts).toContain('2.1');
  });
});

describe('renderRedlineDocx', () => {
  it('writes real tracked changes by Candor that accept to the new text and reject to the old', async () => {
    const bytes = await renderRedlineDocx(OLD, NEW, { date: '2027-02-01T09:00:00Z' });
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']);
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const ins = [...doc.getElementsByTagNameNS(W, 'ins')];
    const del = [...doc.getElementsByTagNameNS(W, 'del')];
    expect(ins.length).toBeGreaterThan(0);
    expect(del.length).toBeGreaterThan(0);
    for (const revision of [...ins, ...del]) {
      expect(revision.getAttributeNS(W, 'author')).toBe('Candor');
      expect(revision.getAttributeNS(W, 'date')).toBe('2027-02-01T09:00:00Z');
    }
    const ids = [...ins, ...del].map((r) => r.getAttributeNS(W, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
    const insertedText = ins.map((r) => [...r.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join('')).join('|');
    const deletedText = del.map((r) => [...r.getElementsByTagNameNS(W, 'delText')].map((t) => t.textContent).join('')).join('|');
    expect(insertedText).toContain('90');
    expect(insertedText).toContain('approximate location, to show trails near you.');
    expect(insertedText).toContain('We now collect your approximate location.');
    expect(deletedText).toContain('30');
    expect(deletedText).toContain('We share your email address with Mailchimp.');
    // deleted text is never in a w:t, inserted text never in a w:delText
    for (const r of del) expect(r.getElementsByTagNameNS(W, 't').length).toBe(0);
    for (const r of ins) expect(r.getElementsByTagNameNS(W, 'delText').length).toBe(0);

    const accepted = resolve(xml, true);
    const rejected = resolve(xml, false);
    expect(accepted).toEqual([
      'Ridgeline privacy notice',
      'Effective 1 March 2027 · Version 2.1',
      'Summary',
      'Data',
      'How long we keep it',
      'Email address',
      'For 30 days after you close your account.',
      'Approximate location',
      'Not stored.',
      'Crash logs',
      'For 90 days after collection.',
      'What we collect',
      'Your email address, to sign you in.',
      'Your approximate location, to show trails near you.',
      'Your rights',
      'You can ask for a copy of your data <script>alert(1)</script>.',
      'Changes to this notice',
      'We now collect your approximate location.',
    ]);
    expect(rejected).toEqual([
      'Ridgeline privacy notice',
      'Effective 1 January 2026 · Version 2.0',
      'Summary',
      'Data',
      'How long we keep it',
      'Email address',
      'For 30 days after you close your account.',
      'Crash logs',
      'For 30 days after collection.',
      'Phone number',
      'Until you remove it.',
      'What we collect',
      'Your email address, to sign you in.',
      'Your phone number, for account recovery.',
      'We share your email address with Mailchimp.',
      'Your rights',
      'You can ask for a copy of your data.',
    ]);
  });
});

describe('renderRedlineHtml', () => {
  it('marks insertions and deletions, escapes everything and keeps the page closed by its CSP', () => {
    const html = renderRedlineHtml(OLD, NEW);
    expect(html).toContain('For <del>30</del><ins>90</ins> days after collection.');
    expect(html).toContain('<tr class="inserted"><td><ins>Approximate location</ins></td>');
    expect(html).toContain('<p class="deleted"><del>We share your email address with Mailchimp.</del></p>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain("default-src 'none'");
  });
});

// LibreOffice shows tracked changes when it prints: the deleted and the inserted words both appear.
// Install it with `apt-get install -y libreoffice-writer poppler-utils`; without it this is skipped.
function onPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, command))
    .find((candidate) => existsSync(candidate));
}
const office = onPath('soffice') ?? onPath('libreoffice');
const pdftotext = onPath('pdftotext');

describe('the redline in LibreOffice', () => {
  it.skipIf(!office || !pdftotext)(
    `opens with its changes shown${office && pdftotext ? '' : ' (skipped: soffice or pdftotext is not on PATH)'}`,
    async () => {
      const run = promisify(execFile);
      const dir = await mkdtemp(join(tmpdir(), 'candor-redline-'));
      try {
        const file = join(dir, 'redline.docx');
        await writeFile(file, await renderRedlineDocx(OLD, NEW));
        await run(
          office as string,
          [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
          {
            timeout: 120_000,
          },
        );
        const { stdout } = await run(pdftotext as string, [join(dir, 'redline.pdf'), '-'], { timeout: 60_000 });
        expect(stdout).toContain('For 3090 days after collection.');
        expect(stdout).toContain('We share your email address with Mailchimp.');
        expect(stdout).toContain('We now collect your approximate location.');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
