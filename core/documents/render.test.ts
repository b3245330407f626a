import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { freeze, produce, type Draft } from 'immer';
import { marked } from 'marked';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import sampleJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import larderJson from './__golden__/larder.candor.json' with { type: 'json' };
import { workspaceArbitrary } from '../testing/arbitraries';
import type { Workspace } from '../schema';
import { validateWorkspace } from '../validate';
import { availableDocuments, renderDocument, tidyMarkdown, tidyMarkdownLines } from './render';
import { inventoryVersion } from './context';
import { resolveTemplates, type ParsedTemplate } from './templates';
import { headingText, markdownInline, plainText } from './text';
import type { RenderedDocument, TemplateSource } from './types';
import { golden, readGolden } from '../testing/golden';
import { capitalize } from '../words';

const builtIn: TemplateSource[] = ['privacy-notice.md', 'notice-at-collection.md'].map((name) => ({
  file: `templates/${name}`,
  text: readFileSync(new URL(`../../templates/${name}`, import.meta.url), 'utf8'),
  origin: 'built-in',
}));
const { templates, errors } = resolveTemplates(builtIn, []);
if (errors.length > 0) throw new Error(`built-in templates do not parse: ${JSON.stringify(errors)}`);
const template = (id: string): ParsedTemplate => templates.find((t) => t.info.id === id)!;
const PRIVACY = template('privacy-notice');
const AT_COLLECTION = template('notice-at-collection');

function valid(input: unknown): Workspace {
  const result = validateWorkspace(input);
  if (!result.ok) throw new Error(`invalid workspace: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.workspace;
}

const ridgeline = valid(sampleJson);
const larder = valid(larderJson);

function render(workspace: Workspace, t: ParsedTemplate): RenderedDocument {
  const result = renderDocument(workspace, t);
  if (!result.ok) throw new Error(`${result.error.file}:${result.error.line}: ${result.error.message}`);
  return result.document;
}

// MD013 (line length) is off: generated prose keeps each paragraph, list item and table row on one
// line, and user text (up to 20,000 characters) cannot be wrapped without changing what it says.
// Every other default rule applies.
const LINT_CONFIG = { default: true, MD013: false };

function lintProblems(markdown: string): string[] {
  const results = lint({ strings: { doc: markdown }, config: LINT_CONFIG });
  return results.doc.map(
    (e) => `line ${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''}`,
  );
}

describe('golden documents', () => {
  it('the privacy notice for the sample workspace', () => {
    golden(import.meta.url, 'privacy-notice.md', render(ridgeline, PRIVACY).markdown);
  });

  it('the notice at collection for the sample workspace', () => {
    golden(import.meta.url, 'notice-at-collection.md', render(ridgeline, AT_COLLECTION).markdown);
  });

  it('the privacy notice for a UK-only workspace without automated decisions or CCPA', () => {
    golden(import.meta.url, 'privacy-notice-larder.md', render(larder, PRIVACY).markdown);
  });

  it('pass markdownlint', () => {
    for (const name of ['privacy-notice.md', 'notice-at-collection.md', 'privacy-notice-larder.md']) {
      expect([name, lintProblems(readGolden(import.meta.url, name))]).toEqual([name, []]);
    }
  });
});

describe('what the documents say', () => {
  const notice = render(ridgeline, PRIVACY).markdown;
  const ukOnly = render(larder, PRIVACY).markdown;

  it('has only the sections that apply', () => {
    expect(notice).toContain('## Automated decisions');
    expect(notice).toContain('## Personal information under the CCPA');
    expect(notice).toContain('## International transfers');
    expect(ukOnly).not.toContain('Automated decision');
    expect(ukOnly).not.toContain('CCPA');
    expect(ukOnly).not.toContain('California');
    expect(ukOnly).not.toContain('### Data protection officer');
    expect(ukOnly).not.toContain('representative');
    expect(ukOnly).not.toContain('## How we protect your data');
    for (const markdown of [notice, ukOnly]) {
      expect(markdown).not.toMatch(/\bN\/A\b/);
      // No heading is followed directly by another heading of the same or a higher level: none is empty.
      const headings = [...markdown.matchAll(/^(#+) .*\n\n(#+) /gm)];
      for (const [, first, second] of headings) expect(second.length).toBeGreaterThan(first.length);
    }
  });

  it('names the complaint authority once, and the ICO for the UK only when it is not already the one named', () => {
    expect(notice).toContain(
      'for example to our lead authority: Bayerisches Landesamt für Datenschutzaufsicht (BayLDA), <https://www.lda.bayern.de>.',
    );
    expect(notice).toContain("In the UK, the authority is the Information Commissioner's Office, <https://ico.org.uk>.");
    // Once where people are told where to complain (the transfers section names the ICO as the issuer of the IDTA).
    expect(ukOnly.slice(ukOnly.indexOf('## Your rights')).match(/Information Commissioner/g)).toHaveLength(1);
  });

  it('names no authority from an address alone (the review asks for its name)', () => {
    const urlOnly = structuredClone(ridgeline);
    urlOnly.organization.supervisoryAuthority = { name: '', url: 'https://www.lda.bayern.de' };
    const markdown = render(urlOnly, PRIVACY).markdown;
    const complaint = markdown.split('\n').find((line) => line.startsWith('- **Complaint:**'))!;
    expect(complaint).toBeDefined();
    expect(complaint).not.toContain('lead authority');
    expect(complaint).not.toMatch(/:\s*,/);
    expect(complaint).toContain('you can complain to the authority of the country where you live or work');
  });

  it('treats transfers by regime: Ireland is no transfer from the UK, the United States is', () => {
    const transfers = ukOnly.slice(ukOnly.indexOf('## International transfers'), ukOnly.indexOf('## Special categories'));
    expect(transfers).toContain(
      '**ActiveCampaign, LLC (Postmark)** (United States). The UK adequacy regulations for the United States cover only organisations certified under the UK Extension to the EU-US Data Privacy Framework, and we do not rely on them for this recipient; the transfer is protected by the International Data Transfer Agreement issued by the UK Information Commissioner',
    );
    expect(transfers).not.toContain('Amazon Web Services');
    expect(transfers).not.toContain('supermarket');
    expect(notice).toContain(
      '**MapTiler AG** (Switzerland). The European Commission and the UK government have decided that Switzerland protects personal data adequately',
    );
  });

  it('says "we do not sell" only when no recipient buys data, and names whoever it is shared with', () => {
    expect(notice).toContain('In the preceding 12 months, we did not sell personal information.');
    expect(notice).toContain(
      '- **Meta Platforms Ireland Limited**\n  - **Personal information shared:** Advertising identifier, and Install and subscription events.',
    );
    const selling = structuredClone(ridgeline);
    selling.recipients.find((r) => r.id === 'stripe')!.sells = true;
    const sold = render(selling, PRIVACY).markdown;
    expect(sold).not.toContain('we did not sell');
    expect(sold).toContain('We sold it to these third parties, for these business or commercial purposes:');
    expect(sold).toContain(
      '- **Stripe Payments Europe, Limited**\n  - **Personal information sold:** Subscriptions and invoices, and Payment card.',
    );
    const notAtCollection = render(selling, AT_COLLECTION).markdown;
    expect(notAtCollection).not.toContain('We do not sell');
    expect(notAtCollection).toContain('- **Sold or shared:** Payment card: sold to Stripe Payments Europe, Limited. Not shared.');

    const nothing = structuredClone(ridgeline);
    for (const r of nothing.recipients) r.sharesForAds = false;
    const quiet = render(nothing, AT_COLLECTION).markdown;
    expect(quiet).toContain('We do not sell your personal information, and we do not share it for cross-context behavioural advertising.');
    expect(quiet).not.toContain('Do Not Sell or Share My Personal Information');
  });

  it('prints a benefit typed as template syntax literally', () => {
    const ws = structuredClone(ridgeline);
    ws.dataTypes[0].benefit = '{{ 7*7 }}';
    ws.dataTypes[1].benefit = '{% raw %}{{ organization.name }}{% endraw %}';
    const markdown = render(ws, PRIVACY).markdown;
    expect(markdown).toContain('- **What you get:** {{ 7\\*7 }}.');
    expect(markdown).not.toContain('49');
    expect(markdown).toContain('{% raw %}{{ organization.name }}{% endraw %}');
    const html = marked.parse(markdown, { async: false });
    expect(html).toContain('<strong>What you get:</strong> {{ 7*7 }}.');
    expect(html).toContain('{% raw %}{{ organization.name }}{% endraw %}');
  });

  it('never prints internal fields', () => {
    const ws = structuredClone(ridgeline);
    ws.dataTypes.forEach((d, i) => {
      d.notes = `INTERNAL-NOTE-${i}`;
      d.owner = `INTERNAL-OWNER-${i}`;
      d.reviewedOn = '2019-02-03';
      d.status = 'in-review';
    });
    for (const t of templates) {
      const markdown = render(ws, t).markdown;
      expect(markdown).not.toMatch(/INTERNAL-|2019-02-03|3 February 2019|in-review/);
    }
    // The real notes of the sample are absent too.
    for (const d of ridgeline.dataTypes) {
      if (d.notes) expect(notice).not.toContain(markdownInline(d.notes).slice(0, 40));
      if (d.owner) expect(notice).not.toContain(d.owner);
    }
  });
});

describe('DocumentMeta', () => {
  it('carries title, organization, date and a build id shared by every document of one inventory; unpublished, it is a draft', () => {
    const a = render(ridgeline, PRIVACY).meta;
    const b = render(ridgeline, AT_COLLECTION).meta;
    expect(a).toEqual({
      id: 'privacy-notice',
      title: 'Privacy notice',
      organization: 'Ridgeline',
      effectiveDate: '2027-01-15',
      version: '',
      versionLine: 'Draft, not yet published; planned to take effect on 15 January 2027.',
      buildId: a.buildId,
      locale: 'en',
    });
    expect(a.buildId).toMatch(/^[0-9a-f]{8}$/);
    expect(b.buildId).toBe(a.buildId);
    const markdown = render(ridgeline, PRIVACY).markdown;
    expect(markdown).toContain('\n\nDraft, not yet published; planned to take effect on 15 January 2027.\n\n');
    expect(markdown).toContain('This is a draft that has not been published.');
    // The build id is internal: customers never see the hash.
    expect(markdown).not.toContain(a.buildId!);
  });

  it('prints the published version, its effective date and last update instead of the build id', () => {
    const release = { version: '2.1', effective: '2027-03-01', lastUpdated: '2026-12-05' };
    for (const template of [PRIVACY, AT_COLLECTION]) {
      const result = renderDocument(ridgeline, template, release);
      if (!result.ok) throw new Error(result.error.message);
      const { meta, markdown } = result.document;
      expect(meta).toMatchObject({ version: '2.1', effectiveDate: '2027-03-01', lastUpdated: '2026-12-05' });
      expect(markdown).toContain('\n\nVersion 2.1 · effective 1 March 2027 · last updated 5 December 2026.\n\n');
      expect(markdown).not.toContain(meta.buildId!);
      expect(markdown).not.toMatch(/draft/i);
    }
    const notice = renderDocument(ridgeline, PRIVACY, release);
    expect(notice.ok && notice.document.markdown).toContain(
      'This is version 2.1, effective from 1 March 2027 and last updated on 5 December 2026.',
    );
  });

  it('follows a workspace changed in place: nothing is cached by object', () => {
    const ws = structuredClone(ridgeline);
    const before = render(ws, PRIVACY);
    ws.dataTypes[0].benefit = 'A brand new benefit.';
    const after = render(ws, PRIVACY);
    expect(after.markdown).toContain('A brand new benefit.');
    expect(after.meta.buildId).not.toBe(before.meta.buildId);
  });

  it('keeps the build id when only internal fields change, and changes it with the inventory', () => {
    const base = render(ridgeline, PRIVACY).meta.buildId;
    const internal = structuredClone(ridgeline);
    internal.dataTypes[0].notes = 'a different note';
    internal.dataTypes[0].status = 'draft';
    internal.dataTypes[0].reviewedOn = '2030-01-01';
    internal.dataTypes[0].owner = 'someone else';
    expect(render(internal, PRIVACY).meta.buildId).toBe(base);
    const edited = structuredClone(ridgeline);
    edited.dataTypes[0].benefit = 'Something else.';
    expect(render(edited, PRIVACY).meta.buildId).not.toBe(base);
  });
});

describe('availableDocuments', () => {
  it('offers the notice at collection only when the workspace includes the CCPA', () => {
    expect(availableDocuments(ridgeline, templates).map((t) => t.id)).toEqual(['privacy-notice', 'notice-at-collection']);
    expect(availableDocuments(larder, templates).map((t) => t.id)).toEqual(['privacy-notice']);
    const ccpaOnly = structuredClone(larder);
    ccpaOnly.organization.jurisdictions = ['ccpa'];
    expect(availableDocuments(ccpaOnly, templates).map((t) => t.id)).toEqual(['privacy-notice', 'notice-at-collection']);
  });
});

describe('availableDocuments with a condition', () => {
  const all = resolveTemplates(
    ['privacy-notice.md', 'notice-at-collection.md', 'notice-of-financial-incentive.md', 'consumer-health-data-policy.md'].map((name) => ({
      file: `templates/${name}`,
      text: readFileSync(new URL(`../../templates/${name}`, import.meta.url), 'utf8'),
      origin: 'built-in' as const,
    })),
    [],
  ).templates;
  const ids = (workspace: Workspace) => availableDocuments(workspace, all).map((t) => t.id);
  const incentive = { id: 'discount', name: '10% off for your email address' };

  it('offers the notice of financial incentive when the CCPA applies and an incentive is recorded', () => {
    expect(ids(ridgeline)).not.toContain('notice-of-financial-incentive');
    expect(ids({ ...ridgeline, financialIncentives: [] })).not.toContain('notice-of-financial-incentive');
    expect(ids({ ...ridgeline, financialIncentives: [incentive] })).toContain('notice-of-financial-incentive');
    const europeOnly = { ...larder, financialIncentives: [incentive] };
    expect(ids(europeOnly)).not.toContain('notice-of-financial-incentive');
  });

  it('offers the consumer health data policy when Washington or Nevada applies and some data is consumer health data', () => {
    // The sample has heart rate, which is consumer health data by its category.
    expect(ids(ridgeline)).not.toContain('consumer-health-data-policy');
    for (const state of ['us-wa', 'us-nv'] as const) {
      const withState = structuredClone(ridgeline);
      withState.organization.jurisdictions = [...withState.organization.jurisdictions, state];
      expect(ids(withState)).toContain('consumer-health-data-policy');
      // Marked as not consumer health data one by one, nothing is left for the policy.
      for (const d of withState.dataTypes) d.sensitivity = { ...d.sensitivity, consumerHealth: false };
      expect(ids(withState)).not.toContain('consumer-health-data-policy');
    }
  });
});

describe('tidyMarkdown', () => {
  it('removes trailing spaces and extra blank lines, ends with one line break and numbers repeated headings', () => {
    expect(tidyMarkdown('\n\n# A  \n\n\n\ntext\t\n## B\n\n## B\n\n## b\n\n\n')).toBe('# A\n\ntext\n## B\n\n## B (2)\n\n## b (3)\n');
  });

  /** The rules one line at a time on the whole text, written plainly: what the pieces must give. */
  function reference(markdown: string): string {
    const out: string[] = [];
    const seen = new Map<string, number>();
    let fence: string | undefined;
    for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
      const line = raw.replace(/[ \t]+$/, '');
      const opening = /^(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (opening && line.startsWith(fence)) fence = undefined;
        out.push(line);
      } else if (opening) {
        fence = opening[1];
        out.push(line);
      } else if (line === '') {
        if (out.length > 0 && out[out.length - 1] !== '') out.push(line);
      } else {
        const heading = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?$/.exec(line);
        if (!heading) out.push(line);
        else {
          const count = (seen.get(heading[2].trim().toLowerCase()) ?? 0) + 1;
          seen.set(heading[2].trim().toLowerCase(), count);
          out.push(count === 1 ? line : `${heading[1]} ${heading[2].trim()} (${count})`);
        }
      }
    }
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out.length === 0 ? '\n' : `${out.join('\n')}\n`;
  }

  it('gives the same text from the pieces a template printed as from their whole, wherever they are cut', () => {
    const text = fc.array(fc.constantFrom('\n', '\r', '\r\n', ' ', '\t', '# ', '## ', 'A', 'b', '```', '~~~', ' ##', 'x y'), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        fc.array(
          text.map((parts) => parts.join('')),
          { maxLength: 8 },
        ),
        (pieces) => {
          const whole = pieces.join('');
          expect(tidyMarkdownLines(pieces).join('\n')).toBe(reference(whole));
          expect(tidyMarkdown(whole)).toBe(reference(whole));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Random workspaces, with hostile text in every free-text field.

const ARTEFACTS: [RegExp, string][] = [
  [/\bundefined\b/, 'undefined'],
  [/\bnull\b/, 'null'],
  [/\bNaN\b/, 'NaN'],
  [/\[object Object\]/, '[object Object]'],
];

/** Every string a user typed into the workspace. */
function userStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => userStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => userStrings(v, out));
  return out;
}

/** The Markdown with every form in which user text can appear removed: what is left is ours. */
function withoutUserText(markdown: string, typed: string[]): string {
  const forms = new Set<string>();
  for (const text of typed) {
    const escaped = markdownInline(text);
    if (escaped.length === 0) continue;
    forms.add(escaped);
    forms.add(headingText(escaped));
    forms.add(escaped.replace(/\.$/, ''));
    forms.add(escaped[0].toLowerCase() + escaped.slice(1));
    // Text that stands as a sentence of its own starts with a capital.
    forms.add(capitalize(escaped));
  }
  let rest = markdown;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) if (form) rest = rest.split(form).join('\u0000');
  return rest;
}

function withMarkers(ws: Workspace): Workspace {
  return {
    ...ws,
    dataTypes: ws.dataTypes.map((d, i) => ({ ...d, notes: `INTERNALNOTE${i}X`, owner: `INTERNALOWNER${i}X`, reviewedOn: '2001-02-03' })),
  };
}

describe('random workspaces with hostile text', () => {
  it('render without error, artefacts, live markup or internal fields, name everything, and pass markdownlint', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }).map(withMarkers), (ws) => {
        const typed = userStrings({ ...ws, dataTypes: ws.dataTypes.map(({ notes, owner, reviewedOn, status, ...rest }) => rest) });
        for (const t of templates) {
          const result = renderDocument(ws, t);
          if (!result.ok) throw new Error(`${t.info.id} failed: ${result.error.line}: ${result.error.message}`);
          const { markdown, meta } = result.document;

          // No JavaScript artefacts of ours: checked in what is left once user text is taken out.
          const ours = withoutUserText(markdown, typed);
          for (const [pattern, word] of ARTEFACTS) expect(ours, word).not.toMatch(pattern);
          // No template syntax of ours; user-typed syntax appears only as typed (escaped), removed above.
          expect(ours).not.toContain('{{');
          expect(ours).not.toContain('{%');
          expect(ours).not.toContain('%}');
          expect(meta.buildId).toMatch(/^[0-9a-f]{8}$/);

          // Internal fields never appear.
          expect(markdown).not.toMatch(/INTERNALNOTE|INTERNALOWNER|2001-02-03/);

          // Hostile text stays inert: the HTML a Markdown reader makes has no element or link from it.
          const html = marked.parse(markdown, { async: false });
          expect(html).not.toMatch(/<(script|img|iframe|div|span|style|svg)\b/i);
          expect(html).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i);
          for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https:\/\/|mailto:)/);

          expect(lintProblems(markdown)).toEqual([]);
          expect(markdown.endsWith('\n')).toBe(true);
          // No empty section: a heading is never followed directly by one of the same or a higher level.
          for (const [, first, second] of markdown.matchAll(/^(#+) .*\n\n(#+) /gm)) expect(second.length).toBeGreaterThan(first.length);
          // eslint-disable-next-line no-control-regex -- control and bidi characters must not reach the document
          expect(markdown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u202A-\u202E\u2066-\u2069]/);

          if (t.info.id === 'privacy-notice') {
            const present = (name: string) => {
              const escaped = markdownInline(name);
              return markdown.includes(escaped) || markdown.includes(`### ${headingText(escaped)}`);
            };
            for (const d of ws.dataTypes) expect(present(d.name), `data type ${JSON.stringify(d.name)}`).toBe(true);
            for (const p of ws.purposes) expect(present(p.name), `purpose ${JSON.stringify(p.name)}`).toBe(true);
            for (const r of ws.recipients) expect(present(r.name), `recipient ${JSON.stringify(r.name)}`).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('show template syntax typed by a user exactly as typed', () => {
    fc.assert(
      fc.property(
        workspaceArbitrary({ hostile: false }),
        fc.constantFrom('{{ 7*7 }}', '{% if true %}x{% endif %}', '{{ organization.name }}'),
        (ws, syntax) => {
          if (ws.dataTypes.length === 0) return;
          const edited = structuredClone(ws);
          edited.dataTypes[0].benefit = syntax;
          const markdown = render(edited, PRIVACY).markdown;
          const html = marked
            .parse(markdown, { async: false })
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'")
            .replace(/&amp;/g, '&');
          expect(html).toContain(plainText(syntax));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('scale', () => {
  // How long this takes is measured by `npm run bench` (bench/documents.bench.ts), never asserted here:
  // it depends on the machine.
  it('renders the privacy notice for 2,000 data types, every one of them', () => {
    const ws = structuredClone(ridgeline);
    ws.dataTypes = Array.from({ length: 2000 }, (_, i) => ({
      ...structuredClone(ridgeline.dataTypes[i % ridgeline.dataTypes.length]),
      id: `type-${i}`,
      name: `Data type ${i}`,
    }));
    const document = render(ws, PRIVACY);
    expect(document.markdown).toContain('### Data type 1999');
    const headings = document.markdown.match(/^### Data type \d+$/gm) ?? [];
    expect(new Set(headings).size).toBe(2000);
  });
});

describe('rendering a frozen workspace from edit to edit (the live preview)', () => {
  // The editor's workspaces are frozen (immer); views and loop outputs made from them are reused on the
  // next edit. Each render must still print exactly what a render of an unfrozen copy prints.
  const larder = valid(larderJson);
  const edits: [string, (draft: Draft<Workspace>) => void][] = [
    ['a benefit', (d) => void (d.dataTypes[0].benefit = 'You can pick up where you left off on any device.')],
    ['a data type name', (d) => void (d.dataTypes[1].name = 'Home address')],
    ['a purpose name (named by many data types)', (d) => void (d.purposes[0].name = 'Running your account')],
    ['a recipient role', (d) => void (d.recipients[0].role = d.recipients[0].role === 'processor' ? 'controller' : 'processor')],
    ['the organisation name', (d) => void (d.organization.name = 'Ridgeline Outdoors')],
    ['the jurisdictions', (d) => void (d.organization.jurisdictions = ['ccpa'])],
    ['a removed data type', (d) => void d.dataTypes.splice(2, 1)],
    ['a data type moved to the front', (d) => void d.dataTypes.unshift(d.dataTypes.pop()!)],
  ];

  it.each([
    ['the sample', valid(sampleJson)],
    ['the larder', larder],
  ])('prints for %s what a fresh render prints, after each edit and after undoing it', (_name, start) => {
    const states = [freeze(structuredClone(start), true)];
    for (const [, recipe] of edits) states.push(produce(states[states.length - 1], recipe));
    // Forwards through every edit, then back (undo), then forwards again (redo).
    const order = [...states.keys(), ...[...states.keys()].reverse(), ...states.keys()];
    for (const index of order) {
      const state = states[index];
      for (const t of [PRIVACY, AT_COLLECTION]) {
        const reused = renderDocument(state, t);
        const fresh = renderDocument(structuredClone(state), t);
        expect(reused, `${t.info.id} after ${index === 0 ? 'no edit' : edits[index - 1][0]}`).toEqual(fresh);
      }
      expect(inventoryVersion(state)).toBe(inventoryVersion(structuredClone(state)));
    }
  });

  it('gives a workspace changed in place its new text: only frozen workspaces are reused', () => {
    const workspace = structuredClone(valid(sampleJson));
    const first = renderDocument(workspace, PRIVACY);
    workspace.dataTypes[0].benefit = 'A benefit changed in place, as a script might.';
    const second = renderDocument(workspace, PRIVACY);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.document.markdown).not.toContain('changed in place');
    expect(second.document.markdown).toContain('A benefit changed in place, as a script might.');
    expect(second.document.meta.buildId).not.toBe(first.document.meta.buildId);
  });
});
