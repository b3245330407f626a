// The incident drafts: each fixture incident's three drafts are golden files read as a lawyer would; every
// draft renders to HTML and Word; the US notice has the statutory title and headings in order; the notice to
// the people affected reads at grade 8 or lower and its banner fits its budget; a missing fact shows as a
// marker, never as a sentence nobody checked.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import littleMomentsJson from '../../resources/examples/little-moments.candor.json' with { type: 'json' };
import ridgelineJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { renderDocx } from '../documents/docx';
import { renderHtmlPage } from '../documents/html';
import type { Workspace } from '../schema';
import { golden } from '../testing/golden';
import { validateWorkspace } from '../validate';
import { CREDIT_BUREAUS, PEOPLE_NOTICE_MAX_GRADE, peopleNoticeTexts, renderIncidentDraft, US_NOTICE_HEADINGS } from './drafts';
import { INCIDENT_DRAFT_IDS } from './drafts-catalogue';
import { INCIDENT_FIXTURES, type IncidentFixture, SIERRA_RENTALS } from './fixtures';
import { IncidentSchema, type Incident } from './schema';

function valid(input: unknown): Workspace {
  const result = validateWorkspace(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.workspace;
}

const WORKSPACES: Record<IncidentFixture['workspace'], Workspace> = {
  ridgeline: valid(ridgelineJson),
  'little-moments': valid(littleMomentsJson),
  'sierra-rentals': valid(SIERRA_RENTALS),
};

const fixture = (id: string) => INCIDENT_FIXTURES.find((f) => f.id === id)!;

function draft(f: IncidentFixture, id: (typeof INCIDENT_DRAFT_IDS)[number], incident: Incident = f.incident) {
  return renderIncidentDraft(id, incident, WORKSPACES[f.workspace], { now: new Date(f.now) });
}

describe('incident fixtures', () => {
  it('are four valid incidents whose data types and recipients are in their workspace', () => {
    expect(INCIDENT_FIXTURES).toHaveLength(4);
    for (const f of INCIDENT_FIXTURES) {
      expect(IncidentSchema.safeParse(f.incident).success).toBe(true);
      const workspace = WORKSPACES[f.workspace];
      for (const id of f.incident.dataTypes) expect([f.id, workspace.dataTypes.some((d) => d.id === id)]).toEqual([f.id, true]);
      for (const id of f.incident.recipients ?? []) expect([f.id, workspace.recipients.some((r) => r.id === id)]).toEqual([f.id, true]);
    }
  });
});

describe.each(INCIDENT_FIXTURES.map((f) => [f.id, f] as const))('%s', (_, f) => {
  for (const id of INCIDENT_DRAFT_IDS) {
    it(`${id} matches its reviewed golden file`, () => {
      golden(import.meta.url, `${f.id}.${id}.md`, draft(f, id).markdown);
    });

    it(`${id} renders to HTML and Word`, async () => {
      const doc = draft(f, id);
      const title = doc.markdown.split('\n')[0].replace(/^# /, '');
      const html = renderHtmlPage(doc);
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).not.toMatch(/undefined|NaN|\[object Object\]/);
      const docx = await renderDocx(doc);
      const xml = strFromU8(unzipSync(docx)['word/document.xml']);
      expect(xml).toContain(`<w:t xml:space="preserve">${title}</w:t>`);
      expect(doc.markdown).not.toMatch(/undefined|NaN|\[object Object\]/);
    });
  }

  it('the US notice has the statutory title and headings, in order, and nothing between them but their content', () => {
    const markdown = draft(f, 'us-notice-of-data-breach').markdown;
    expect(markdown.split('\n')[0]).toBe('# Notice of Data Breach');
    const headings = markdown.split('\n').filter((line) => /^#{2,6} /.test(line));
    expect(headings).toEqual(US_NOTICE_HEADINGS.map((h) => `## ${h}`));
  });

  it('the US notice prints at 10-point type or larger: body text only, no table or code text in smaller type', async () => {
    const xml = strFromU8(unzipSync(await renderDocx(draft(f, 'us-notice-of-data-breach')))['word/document.xml']);
    expect(xml).not.toMatch(/w:val="(TableText|CodeBlock)"/);
    for (const size of xml.matchAll(/<w:sz w:val="(\d+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(20);
  });

  it('the notice to the people affected reads at grade 8 or lower, and its banner fits its budget', () => {
    const texts = peopleNoticeTexts(f.incident, WORKSPACES[f.workspace], { now: new Date(f.now) });
    expect(texts.grade).toBeLessThanOrEqual(PEOPLE_NOTICE_MAX_GRADE);
    expect(texts.grade).toBeGreaterThan(0);
    expect(texts.banner.overBudget).toBe(false);
    expect(texts.banner.length).toBeLessThanOrEqual(texts.banner.budget);
    expect(texts.banner.grade).toBeLessThanOrEqual(PEOPLE_NOTICE_MAX_GRADE);
  });
});

describe('the notification to the supervisory authority', () => {
  it('gives every Art 33(3) item and the 72-hour deadline', () => {
    const markdown = draft(fixture('leaked-password-hashes'), 'authority-notification').markdown;
    expect(markdown).toContain('**To:** Data Protection Commission (Ireland)');
    expect(markdown).toContain('## The nature of the breach');
    expect(markdown).toContain('**Approximate number of people:** 48,000');
    expect(markdown).toContain('**Approximate number of records:** 48,000');
    expect(markdown).toContain('## Data protection officer or other contact point');
    expect(markdown).toContain('Aoife Byrne');
    expect(markdown).toContain('## Likely consequences of the breach');
    expect(markdown).toContain('## Measures taken or proposed');
    expect(markdown).toContain('**72 hours from then (Article 33(1)):** 7 December 2026, 07:10 (Europe/Dublin, UTC+00:00)');
    expect(markdown).toContain('(Article 33(4))');
  });

  it('names each kind of breach with its article', () => {
    const f = fixture('lost-laptop');
    const markdown = draft(f, 'authority-notification', {
      ...f.incident,
      kinds: ['confidentiality', 'integrity', 'availability'],
    }).markdown;
    expect(markdown).toContain(
      'It is a confidentiality breach (personal data disclosed to or accessed by people not entitled to it), an integrity breach (personal data altered without authorisation) and an availability breach (personal data lost or made unavailable).',
    );
  });

  it('asks for the reasons for the delay only once the 72 hours have passed', () => {
    const f = fixture('leaked-password-hashes');
    const late = draft(f, 'authority-notification').markdown;
    expect(late).toContain('## Reasons for the delay');
    expect(late).toContain('restoring the logs from backup');
    const withoutReasons = draft(f, 'authority-notification', { ...f.incident, delayReasons: undefined }).markdown;
    expect(withoutReasons).toContain('\\[Add the reasons for the delay\\]');
    const early = renderIncidentDraft('authority-notification', f.incident, WORKSPACES[f.workspace], {
      now: new Date('2026-12-05T07:10:00Z'),
    });
    expect(early.markdown).not.toContain('Reasons for the delay');
    expect(early.markdown).toContain('within the 72 hours');
  });

  it('marks the missing authority and contact point instead of inventing them', () => {
    const f = fixture('leaked-password-hashes');
    const bare: Workspace = {
      ...WORKSPACES[f.workspace],
      organization: { ...WORKSPACES[f.workspace].organization, supervisoryAuthority: undefined, dpo: undefined, contactEmail: undefined },
    };
    const markdown = renderIncidentDraft('authority-notification', f.incident, bare, { now: new Date(f.now) }).markdown;
    expect(markdown).toContain('**To:** \\[Add the lead supervisory authority');
    expect(markdown).toContain('\\[Add the name and contact details of the data protection officer or other contact point\\]');
    const people = renderIncidentDraft('people-notice', f.incident, bare, { now: new Date(f.now) }).markdown;
    expect(people).toContain('\\[Add an email address or phone number people can use\\]');
  });
});

describe('the contact point (Art 33(3)(b))', () => {
  it('gives a DPO recorded by name only a way to be reached, or asks for one', () => {
    const f = fixture('leaked-password-hashes');
    const base = WORKSPACES[f.workspace];
    const nameOnly: Workspace = { ...base, organization: { ...base.organization, dpo: { name: 'Aoife Byrne' } } };
    expect(renderIncidentDraft('authority-notification', f.incident, nameOnly, { now: new Date(f.now) }).markdown).toContain(
      'Our data protection officer: Aoife Byrne, reachable through privacy\\@littlemoments.example.',
    );
    const unreachable: Workspace = { ...nameOnly, organization: { ...nameOnly.organization, contactEmail: undefined } };
    expect(renderIncidentDraft('authority-notification', f.incident, unreachable, { now: new Date(f.now) }).markdown).toContain(
      'Our data protection officer: Aoife Byrne \\[Add the data protection officer’s contact details\\].',
    );
  });
});

describe('the notice to the people affected', () => {
  it('tells people to change their password and watch for phishing when credentials and email addresses are involved', () => {
    const markdown = draft(fixture('leaked-password-hashes'), 'people-notice').markdown;
    expect(markdown).toContain('- Change your Little Moments password.');
    expect(markdown).toContain('phishing');
    expect(markdown).toContain('- Email address\n- Password');
    expect(markdown).toContain('## In-app banner');
  });

  it('points Americans to a credit freeze when ID numbers are involved', () => {
    const markdown = draft(fixture('exposed-id-scans'), 'people-notice').markdown;
    expect(markdown).toContain('freeze your credit');
    expect(draft(fixture('leaked-password-hashes'), 'people-notice').markdown).not.toContain('freeze');
  });
});

describe('the US Notice of Data Breach', () => {
  it('lists the credit bureaus and the identity protection offer when ID numbers were exposed', () => {
    const markdown = draft(fixture('exposed-id-scans'), 'us-notice-of-data-breach').markdown;
    for (const bureau of CREDIT_BUREAUS) expect(markdown).toContain(`**${bureau.name}:** ${bureau.phone} (toll-free)`);
    expect(markdown).toContain('from Brightline Identity Protection for 24 months, at no cost to you');
    expect(markdown).toContain('**Date of this notice:** December 5, 2026');
    expect(markdown).toContain('The breach happened between October 2, 2026 and November 29, 2026.');
    expect(markdown).toContain('This notice was not delayed by a law enforcement investigation.');
  });

  it('asks for an offer of at least 12 months rather than stating a shorter one as enough', () => {
    const f = fixture('exposed-id-scans');
    const short = draft(f, 'us-notice-of-data-breach', { ...f.incident, identityProtection: { provider: 'X', months: 6 } }).markdown;
    expect(short).toContain('\\[Add a length of at least 12 months: 6 months is recorded\\]');
    const none = draft(f, 'us-notice-of-data-breach', {
      ...f.incident,
      identityProtection: undefined,
      lawEnforcementDelay: undefined,
    }).markdown;
    expect(none).toContain('\\[Add the offer of identity theft prevention and mitigation services');
    expect(none).toContain('\\[State whether a law enforcement investigation delayed this notice\\]');
  });

  it('leaves the credit bureaus out when no ID or financial numbers were exposed', () => {
    const markdown = draft(fixture('leaked-password-hashes'), 'us-notice-of-data-breach').markdown;
    expect(markdown).not.toContain('Equifax');
  });
});

describe('an incident with nothing but its required fields', () => {
  const bare: Incident = {
    id: 'bare',
    title: 'Something went wrong',
    status: 'open',
    discoveredAt: '2026-12-05T09:30:00+05:30',
    summary: '',
    dataTypes: [],
    log: [],
  };
  const workspace = WORKSPACES['little-moments'];
  const render = (id: (typeof INCIDENT_DRAFT_IDS)[number]) =>
    renderIncidentDraft(id, bare, workspace, { now: new Date('2026-12-05T10:00:00Z') }).markdown;

  it('asks for every missing Art 33(3) fact instead of stating one, and shows times at the offset they were written with', () => {
    const markdown = render('authority-notification');
    for (const marker of [
      'Describe what happened',
      'Add when the breach happened, or the period, if known',
      'Add the approximate number of people concerned',
      'Add the categories of personal data concerned',
      'Add the approximate number of personal data records concerned',
      'Add whether the data was encrypted, and whether the key was safe',
      'Describe the likely consequences for the people concerned',
      'Add the measures taken to address the breach',
      'Add the measures proposed, including those to mitigate possible adverse effects',
      'Record whether the people affected will be told, and why',
    ]) {
      expect(markdown).toContain(`\\[${marker}`);
    }
    expect(markdown).toContain('**We became aware of the breach:** 5 December 2026, 09:30 (UTC+05:30)');
    expect(markdown).toContain('**72 hours from then (Article 33(1)):** 8 December 2026, 09:30 (UTC+05:30)');
  });

  it('asks the team for what the people and the US notices need', () => {
    const people = render('people-notice');
    expect(people).toContain('\\[Describe what happened in a few short sentences\\]');
    expect(people).toContain('\\[List the kinds of data involved\\]');
    expect(people).toContain('\\[Say in plain words what this could mean for the people affected\\]');
    expect(people).toContain('\\[Say what you have done to stop the incident and limit the harm\\]');
    const us = render('us-notice-of-data-breach');
    expect(us).toContain('\\[Add a general description of the breach\\]');
    expect(us).toContain('\\[Add the date, the estimated date or the date range of the breach\\]');
    expect(us).toContain('\\[State whether a law enforcement investigation delayed this notice\\]');
    expect(us).toContain('\\[List the types of personal information involved\\]');
    expect(us).toContain('\\[Check whether this notice is needed at all');
  });

  it('says when the email reads above grade 8', () => {
    const hard = {
      ...bare,
      summary:
        'Notwithstanding comprehensive organisational countermeasures, an unauthorised exfiltration of authentication infrastructure configuration materials, attributable to sophisticated adversarial reconnaissance methodologies, necessitated extraordinary investigative undertakings.',
    };
    const markdown = renderIncidentDraft('people-notice', hard, workspace, { now: new Date('2026-12-05T10:00:00Z') }).markdown;
    expect(markdown).toMatch(/above the grade 8 plain language asks for: shorten the longest sentences/);
  });
});

describe('the in-app banner', () => {
  it('takes the richest wording that fits the short budget, and is marked over budget rather than cut', () => {
    const f = fixture('processor-health-data');
    const base = WORKSPACES[f.workspace];
    const at = (short: number) =>
      peopleNoticeTexts(f.incident, { ...base, settings: { ...base.settings, inAppLimits: { short } } }, { now: new Date(f.now) }).banner;
    expect(at(140).text).toContain('Security notice from Ridgeline:');
    expect(at(115).text).toBe(
      'Security notice: an incident involved some of your data. Check your email to see what happened and what to do.',
    );
    const tiny = at(40);
    expect(tiny.text).toBe('An incident involved some of your data. Check your email to see what to do.');
    expect(tiny.overBudget).toBe(true);
    expect(
      renderIncidentDraft(
        'people-notice',
        f.incident,
        { ...base, settings: { ...base.settings, inAppLimits: { short: 40 } } },
        { now: new Date(f.now) },
      ).markdown,
    ).toContain('over the short in-app text budget of 40');
  });
});
