// The text corpus: each workspace's privacy notice (and notice at collection, where the CCPA applies)
// and in-app texts are golden files that were read sentence by sentence; a property test checks over
// random workspaces, phrased the ways people phrase things, what a careful reader would catch at once.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../schema';
import { workspaceArbitrary } from '../testing/arbitraries';
import { golden } from '../testing/golden';
import { validateWorkspace } from '../validate';
import { strFromU8, unzipSync } from 'fflate';
import { CORPUS } from './fixtures/corpus';
import { DOCUMENT_WRITERS } from './formats';
import { generateInAppText } from './in-app';
import { inAppMarkdown } from './in-app-export';
import { availableDocuments, renderDocument } from './render';
import { resolveTemplates, type ParsedTemplate } from './templates';
import { markdownInline } from './text';
import { inventoryVersion } from './context';
import { documentHistory, type VersionIndex } from '../versions';
import { whatChanged } from '../what-changed';
import type { TemplateSource } from './types';

const builtIn: TemplateSource[] = [
  'privacy-notice.md',
  'notice-at-collection.md',
  'notice-of-financial-incentive.md',
  'consumer-health-data-policy.md',
].map((name) => ({
  file: `templates/${name}`,
  text: readFileSync(new URL(`../../templates/${name}`, import.meta.url), 'utf8'),
  origin: 'built-in',
}));
const { templates } = resolveTemplates(builtIn, []);
const PRIVACY = templates.find((t) => t.info.id === 'privacy-notice')!;
const AT_COLLECTION = templates.find((t) => t.info.id === 'notice-at-collection')!;
// The documents that only some workspaces call for, each kept as a golden file where it applies.
const CONDITIONAL = templates.filter((t) => t.info.when);
const conditional = (workspace: Workspace) => {
  const offered = new Set(availableDocuments(workspace, templates).map((d) => d.id));
  return CONDITIONAL.filter((t) => offered.has(t.info.id));
};

function render(workspace: Workspace, template: ParsedTemplate): string {
  const result = renderDocument(workspace, template);
  if (!result.ok) throw new Error(`${result.error.file}:${result.error.line}: ${result.error.message}`);
  return result.document.markdown;
}

describe('the text corpus', () => {
  it('has at least ten workspaces, each valid', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(10);
    for (const { id, workspace } of CORPUS) {
      const result = validateWorkspace(workspace);
      expect([id, result.problems]).toEqual([id, []]);
    }
  });

  describe.each(CORPUS.map((entry) => [entry.id, entry] as const))('%s', (id, { workspace }) => {
    it('privacy notice matches its reviewed golden file', () => {
      golden(import.meta.url, `corpus/${id}.privacy-notice.md`, render(workspace, PRIVACY));
    });

    if (workspace.organization.jurisdictions.includes('ccpa')) {
      it('notice at collection matches its reviewed golden file', () => {
        golden(import.meta.url, `corpus/${id}.notice-at-collection.md`, render(workspace, AT_COLLECTION));
      });
    }

    for (const template of conditional(workspace)) {
      it(`${template.info.title.toLowerCase()} matches its reviewed golden file`, () => {
        golden(import.meta.url, `corpus/${id}.${template.info.id}.md`, render(workspace, template));
      });
    }

    it('in-app texts match their reviewed golden file', () => {
      golden(import.meta.url, `corpus/${id}.in-app.md`, inAppMarkdown(generateInAppText(workspace), workspace));
    });

    it('reads cleanly', () => {
      const texts = [render(workspace, PRIVACY), ...inAppTexts(workspace)];
      if (workspace.organization.jurisdictions.includes('ccpa')) texts.push(render(workspace, AT_COLLECTION));
      for (const template of conditional(workspace)) texts.push(render(workspace, template));
      for (const text of texts) expect(readingProblems(text, namesOf(workspace))).toEqual([]);
    });
  });
});

describe('the notice of financial incentive and the consumer health data policy', () => {
  const entry = (id: string) => CORPUS.find((c) => c.id === id)!.workspace;
  const cases = [
    ['financial-incentive', 'notice-of-financial-incentive', 'Brightcart notice of financial incentive'],
    ['health-data-wa', 'consumer-health-data-policy', 'Pulsebeat Consumer Health Data Privacy Policy'],
  ] as const;

  it('are each called for by a workspace of the corpus, and by no other', () => {
    for (const [id, document] of cases) {
      expect(CORPUS.filter((c) => conditional(c.workspace).some((t) => t.info.id === document)).map((c) => c.id)).toEqual([id]);
    }
  });

  it.each(cases)('%s: %s is written as HTML and Word too, with its headings and no Markdown left over', async (id, document, title) => {
    const rendered = renderDocument(
      entry(id),
      templates.find((t) => t.info.id === document)!,
    );
    if (!rendered.ok) throw new Error(rendered.error.message);
    const html = DOCUMENT_WRITERS.html(rendered.document) as string;
    expect(html).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
    expect(html).not.toMatch(/\*\*|\{\{|\{%/);
    const headings = [...rendered.document.markdown.matchAll(/^##+ (.+)$/gm)].map((m) => m[1]);
    expect(headings.length).toBeGreaterThan(2);
    for (const heading of headings) expect(html).toContain(`>${heading.replace(/&/g, '&amp;')}</h`);
    const docx = unzipSync((await DOCUMENT_WRITERS.docx(rendered.document)) as Uint8Array);
    const body = strFromU8(docx['word/document.xml']);
    const text = body.replace(/<[^>]+>/g, '');
    expect(text).toContain(title);
    for (const heading of headings) expect(text).toContain(heading.replace(/&/g, '&amp;'));
    expect(text).not.toMatch(/\*\*|\{\{|\{%/);
  });
});

// "Changes to this notice" for a workspace with published versions: 1.0, then 1.1 (a new contact address),
// then the working copy, which adds its last kind of data and keeps its first longer than 1.1 did.
describe('the notice of a workspace with published versions', () => {
  const section = (markdown: string) => markdown.slice(markdown.indexOf('## Changes to this notice')).split(/\n## /)[0];
  const history = (workspace: Workspace) => {
    const v11 = structuredClone(workspace);
    v11.dataTypes.pop();
    const kept = v11.dataTypes.find((d) => d.retention?.period);
    if (kept?.retention?.period)
      kept.retention = {
        ...kept.retention,
        period: { ...kept.retention.period, value: Math.max(1, Math.floor(kept.retention.period.value / 3)) },
      };
    const v10 = structuredClone(v11);
    v10.organization.contactEmail = 'old-address@example.com';
    const index: VersionIndex = {
      format: 1,
      versions: [
        { version: '1.0', effective: '2026-01-15', publishedAt: '2026-01-05T09:00:00Z', buildId: inventoryVersion(v10), documents: [] },
        {
          version: '1.1',
          effective: '2026-07-01',
          publishedAt: '2026-06-10T09:00:00Z',
          buildId: inventoryVersion(v11),
          documents: [],
          changes: whatChanged(v10, v11).sentences,
        },
      ],
    };
    return { index, changes: whatChanged(v11, workspace).sentences };
  };

  it.each(['california', 'b2b'])(
    '%s: lists what version 2.0 changed and the versions before it, and a draft says what it would change',
    (id) => {
      const { workspace } = CORPUS.find((entry) => entry.id === id)!;
      const { index, changes } = history(workspace);
      const release = { version: '2.0', effective: '2027-03-01', lastUpdated: '2027-02-01' };
      const published = renderDocument(workspace, PRIVACY, release, documentHistory(index, release, changes));
      const draft = renderDocument(workspace, PRIVACY, undefined, documentHistory(index, undefined, changes));
      if (!published.ok || !draft.ok) throw new Error('the notice did not render');
      expect(changes.length).toBeGreaterThan(0);
      golden(
        import.meta.url,
        `corpus/${id}.changes-to-this-notice.md`,
        `${section(published.document.markdown)}\n${section(draft.document.markdown)}`,
      );
    },
  );

  it('says nothing of versions where none was published, as before', () => {
    const { workspace } = CORPUS[0];
    const plain = render(workspace, PRIVACY);
    const empty = renderDocument(
      workspace,
      PRIVACY,
      undefined,
      documentHistory({ format: 1, versions: [] }, undefined, ['We now collect your name.']),
    );
    expect(empty.ok && empty.document.markdown).toBe(plain);
    expect(plain).not.toMatch(/Earlier versions|What this draft changes/);
  });
});

describe('the phrasings the issue names', () => {
  const entry = (id: string) => CORPUS.find((c) => c.id === id)!.workspace;

  it('says "the invoices you issue", never "your invoices you issue"', () => {
    const texts = inAppTexts(entry('verb-purposes')).join('\n');
    expect(texts).toContain('the invoices you issue');
    expect(texts).not.toMatch(/your invoices you issue/i);
  });

  it('reads noun-phrase purposes after "for" and verb-phrase purposes after "to"', () => {
    expect(inAppTexts(entry('noun-purposes')).join('\n')).toContain('We use your crash logs for crash reporting.');
    expect(inAppTexts(entry('verb-purposes')).join('\n')).toContain('We use your email address to create your account');
  });

  it('glues no "because" onto a retention note', () => {
    for (const { workspace } of CORPUS) expect(render(workspace, PRIVACY)).not.toMatch(/(years|days|months|ends|account), because/);
    expect(render(entry('verb-purposes'), PRIVACY)).toContain(
      'For 6 years. HMRC requires businesses to keep records for 6 years from the end of the financial year.',
    );
  });

  it('names a data type once when it is both sold and shared', () => {
    const notice = render(entry('ad-tech'), PRIVACY);
    expect(notice).toContain(
      '- **Sold or shared:** Advertising ID: sold to Retail Signals LLC and shared with AdLoop Media, Inc. for cross-context behavioural advertising.',
    );
    expect(notice).not.toMatch(/Advertising ID: sold to [^\n]*Advertising ID: shared/);
  });

  it('prints eBay and ACME GmbH as entered', () => {
    const notice = render(entry('verb-purposes'), PRIVACY);
    expect(notice).toContain('eBay runs the marketplace');
    expect(notice).toContain('ACME GmbH prints and posts');
    expect(notice).not.toMatch(/EBay|Acme GmbH/);
  });
});

// ---------------------------------------------------------------------------------------------------
// What a reader catches at once

/** Organisation, recipient and product names that must appear exactly as entered. */
function namesOf(workspace: Workspace): string[] {
  const org = workspace.organization;
  // "Your employer" or "Police and mountain rescue services" describe rather than name, and read in lower case mid-sentence.
  return [org.name, org.legalName ?? '', ...workspace.recipients.map((r) => r.name)].filter(
    (name) => name.length > 0 && !/^(your|the|our|police|municipal)\b/i.test(name),
  );
}

function inAppTexts(workspace: Workspace): string[] {
  const text = generateInAppText(workspace);
  return [
    ...Object.values(text.dataTypes).flatMap((d) => [d.short.text, d.long.text]),
    ...Object.values(text.collectionPoints).flatMap((p) => [p.disclosure.text, p.ios?.text.text ?? '', p.android?.rationale.text ?? '']),
  ].filter(Boolean);
}

/**
 * The lines of a Markdown document or in-app text that a reader would stumble on:
 * - a word said twice in a row ("the the"), ignoring case;
 * - an empty list item, or a list item whose label has nothing after it ("- **Sold:**");
 * - brackets that do not pair up on a line, or an odd number of straight double quotes;
 * - a name of the organisation or a recipient printed in any other case than as entered;
 * - a sentence or list item that does not end with ".", "!", "?" or "…" (or ":" when it introduces a
 *   list), after closing quotes and brackets. Headings, table rows and a list item that is only a bold
 *   name over a nested list are not sentences and are left out.
 */
function readingProblems(document: string, names: readonly string[]): string[] {
  const problems: string[] = [];
  const lines = document.split('\n');
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('|')) return;
    // The words of the line, without Markdown emphasis, links' addresses and escapes.
    const words = trimmed
      .replace(/<[^>\s]+>/g, ' ')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/\\(.)/g, '$1')
      .replace(/[*_`]/g, '');
    const doubled = /\b(\p{L}+)\s+\1\b/iu.exec(words);
    if (doubled) problems.push(`doubled word "${doubled[0]}": ${trimmed}`);
    // "eBay Inc.." or "eBay Inc.**." (an ellipsis "..." is not doubled).
    if (/(?<!\.)[.!?](?:\*\*)?[.](?!\.)/.test(trimmed.replace(/<[^>\s]+>/g, ' '))) problems.push(`doubled full stop: ${trimmed}`);
    const nested = /^\s+[-*] /.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '').search(/\S/) > line.search(/\S/);
    if (/^([-*]|\d+\.)\s*$/.test(trimmed) || (/^[-*] \*\*[^*]+:\*\*\s*$/.test(trimmed) && !nested))
      problems.push(`empty list item: ${trimmed}`);
    const count = (pattern: RegExp) => (words.match(pattern) ?? []).length;
    if (count(/\(/g) !== count(/\)/g)) problems.push(`unbalanced brackets: ${trimmed}`);
    if (count(/\[/g) !== count(/\]/g)) problems.push(`unbalanced square brackets: ${trimmed}`);
    if (count(/"/g) % 2 !== 0) problems.push(`unbalanced quotes: ${trimmed}`);
    if (count(/“/g) !== count(/”/g)) problems.push(`unbalanced curly quotes: ${trimmed}`);
    // Names in running text; addresses ("privacy@quill.example") are not names.
    const prose = trimmed
      .replace(/<[^>\s]+>/g, ' ')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/[\p{L}\p{N}._%+-]*[\p{L}\p{N}]\.[a-z]{2,}(?:\/\S*)?/gu, ' ');
    for (const name of names) {
      const shown = markdownInline(name);
      const lower = prose.toLowerCase();
      for (let at = lower.indexOf(shown.toLowerCase()); at >= 0; at = lower.indexOf(shown.toLowerCase(), at + 1)) {
        const found = prose.slice(at, at + shown.length);
        // A match inside a longer word ("Quill" in "Quillpad") is not the name.
        const before = prose[at - 1] ?? ' ';
        const after = prose[at + shown.length] ?? ' ';
        if (found !== shown && !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
          problems.push(`"${name}" printed as "${found}": ${trimmed}`);
        }
      }
    }
    const bareName = /^[-*] \*\*[^*]+\*\*(?: \([^)]*\))?$/.test(trimmed) && nested;
    if (!bareName && !/[.!?…:]["'’”)\]>]*$/u.test(trimmed.replace(/\*+$/, ''))) problems.push(`no closing punctuation: ${trimmed}`);
  });
  return problems;
}

describe('readingProblems', () => {
  it('catches each kind of stumble', () => {
    const bad = [
      'We use the the data.',
      '- **Sold:**',
      '-',
      'Data (as written.',
      'It says "stop.',
      'EBAY INC. receives it.',
      'We keep it until you close your account',
      '- **Why we use it:** Create your account',
      '- **eBay Inc.**. It sells.',
    ].join('\n\n');
    const problems = readingProblems(bad, ['eBay Inc.']);
    for (const kind of [
      'doubled word',
      'empty list item: - **Sold:**',
      'empty list item: -',
      'unbalanced brackets',
      'unbalanced quotes',
      'printed as "EBAY INC."',
      'doubled full stop',
    ])
      expect(problems.some((p) => p.includes(kind))).toBe(true);
    expect(problems.filter((p) => p.startsWith('no closing punctuation'))).toHaveLength(3);
  });

  it('lets headings, table rows, a bold name over a nested list and addresses pass', () => {
    const good = [
      '# eBay',
      '| a | b |',
      '- **Check entries**',
      '  - **How it works:** We check.',
      'Email <privacy@ebay.example>.',
      'Lists:',
    ].join('\n');
    expect(readingProblems(good, ['eBay'])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Random workspaces phrased as people phrase them

const ORGANISATIONS = ['eBay', 'iCloud Notes', 'ACME GmbH', 'Quill', 'Hikebook', 'Acme Inc.'];
const RECIPIENTS = [
  'eBay Inc.',
  'ACME GmbH',
  'Hetzner Online GmbH',
  'Stripe, Inc.',
  'Functional Software, Inc. (Sentry)',
  'iCloud Services Ltd',
  'Brave Software, Inc.',
];
const PURPOSE_NAMES = [
  'Account and sign-in',
  'Crash reporting',
  'Analytics',
  'Customer support',
  'Support',
  'Create your account',
  'Send you receipts',
  'Process payments',
  'Show you personalised ads',
  'Sync your notes between devices',
];
const DATA_TYPE_NAMES = [
  'Email address',
  'Invoices you issue',
  'Photos of your receipts',
  'Crash logs',
  'Subscriptions and invoices',
  'Precise location',
  'iCloud backup',
  'Heart rate',
];
// Benefits, descriptions, consequences: full sentences and fragments.
const PROSE = [
  'You can sign in on any device.',
  'faster sign-in on every device',
  'We fix crashes quickly.',
  'fewer crashes',
  'the text of your notes',
  'eBay keeps the order history as its own notice explains.',
  'Your notes are the same on your phone and your computer.',
  'you can pay in the app',
  'You can be brave and try new routes.',
];
const CRITERIA = [
  'until account closure',
  'We keep it until you close your account.',
  'statutory retention period',
  'German tax law requires us to keep invoices for 10 years.',
  'as the tax office requires',
  'Until you delete it.',
  'required by law',
];

function pick<T>(list: readonly T[], picks: readonly number[], at: { i: number }): T {
  const value = list[picks[at.i % picks.length] % list.length];
  at.i++;
  return value;
}

/** Replaces every text a reader sees with phrasing from the lists above; the structure stays random. */
function phrased(workspace: Workspace, picks: readonly number[]): Workspace {
  const at = { i: 0 };
  const prose = () => pick(PROSE, picks, at);
  const org = workspace.organization;
  return {
    ...workspace,
    organization: {
      ...org,
      name: pick(ORGANISATIONS, picks, at),
      ...(org.legalName ? { legalName: pick(RECIPIENTS, picks, at) } : {}),
      ...(org.securityMeasures ? { securityMeasures: prose() } : {}),
      ...(org.address ? { address: '1 Main Street\nBerlin' } : {}),
      ...(org.dpo
        ? {
            dpo: {
              ...org.dpo,
              ...(org.dpo.name ? { name: 'Dr. Jana Voss' } : {}),
              ...(org.dpo.address ? { address: '2 Side Street' } : {}),
            },
          }
        : {}),
      ...(org.representatives
        ? {
            representatives: org.representatives.map((r) => ({
              ...r,
              name: 'Fellside Privacy Representatives Ltd',
              ...(r.address ? { address: '14 Lake Road' } : {}),
            })),
          }
        : {}),
      ...(org.supervisoryAuthority?.name
        ? { supervisoryAuthority: { ...org.supervisoryAuthority, name: 'Data Protection Commission' } }
        : {}),
      ...(org.requests
        ? {
            requests: {
              ...org.requests,
              ...(org.requests.phone ? { phone: '1-800-555-0100' } : {}),
              ...(org.requests.postalAddress ? { postalAddress: 'Privacy Requests\n1 Main Street\nBerlin' } : {}),
              ...(org.requests.inApp ? { inApp: 'Settings → Privacy → Your data' } : {}),
              ...(org.requests.appeal
                ? {
                    appeal: pick(
                      [
                        'https://acme.example/privacy/appeal',
                        'appeals@acme.example',
                        'Reply to our answer within 60 days and ask a manager to review it',
                      ],
                      picks,
                      at,
                    ),
                  }
                : {}),
              ...(org.requests.appeal
                ? {
                    appeal: pick(
                      [
                        'https://acme.example/privacy/appeal',
                        'appeals@acme.example',
                        'Reply to our answer within 60 days and ask a manager to review it',
                      ],
                      picks,
                      at,
                    ),
                  }
                : {}),
            },
          }
        : {}),
      ...(org.usPrivacy?.optOutSignalsHow ? { usPrivacy: { ...org.usPrivacy, optOutSignalsHow: prose() } } : {}),
    },
    purposes: workspace.purposes.map((p) => ({
      ...p,
      name: pick(PURPOSE_NAMES, picks, at),
      ...(p.description ? { description: prose() } : {}),
      ...(p.legitimateInterest ? { legitimateInterest: prose() } : {}),
      ...(p.automatedDecision
        ? {
            automatedDecision: {
              ...p.automatedDecision,
              logic: prose(),
              consequences: prose(),
              ...(p.automatedDecision.significance ? { significance: prose() } : {}),
            },
          }
        : {}),
    })),
    recipients: workspace.recipients.map((r) => ({
      ...r,
      name: pick(RECIPIENTS, picks, at),
      ...(r.description ? { description: prose() } : {}),
      ...(r.trackingDomains ? { trackingDomains: ['tracker.example'] } : {}),
    })),
    collectionPoints: workspace.collectionPoints.map((c) => ({
      ...c,
      name: 'Sign-up',
      ...(c.description ? { description: prose() } : {}),
    })),
    dataTypes: workspace.dataTypes.map((d) => {
      const { inApp: _inApp, ...rest } = d;
      return {
        ...rest,
        name: pick(DATA_TYPE_NAMES, picks, at),
        ...(d.description ? { description: prose() } : {}),
        ...(d.benefit ? { benefit: prose() } : {}),
        ...(d.sourceDetail ? { sourceDetail: pick(['eBay, when you connect your account', 'Your employer'], picks, at) } : {}),
        ...(d.consequenceIfNotProvided ? { consequenceIfNotProvided: prose() } : {}),
        ...(d.retention?.criteria ? { retention: { ...d.retention, criteria: pick(CRITERIA, picks, at) } } : {}),
        ...(d.subjects ? { subjects: d.subjects } : {}),
      };
    }),
  };
}

describe('random workspaces, phrased as people phrase them', () => {
  it('read cleanly in the privacy notice, the notice at collection and the in-app texts', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ maxDataTypes: 5 }), fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), (structure, picks) => {
        const workspace = phrased(structure, picks);
        const names = namesOf(workspace);
        const documents = [render(workspace, PRIVACY), render(workspace, AT_COLLECTION), ...inAppTexts(workspace)];
        for (const document of documents) expect(readingProblems(document, names)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
