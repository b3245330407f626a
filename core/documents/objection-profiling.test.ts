// The privacy notice on GDPR Art 21 and 22: its own "Your right to object" section exactly when a purpose
// carries the right, the objection beside those purposes, the profiling statement, and automated decisions
// with their significance, ground and the Art 22(3) rights.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanWorkspace } from '../lint/fixtures';
import type { Workspace } from '../schema';
import { validateWorkspace } from '../validate';
import { renderDocument } from './render';
import { resolveTemplates } from './templates';

const { templates } = resolveTemplates(
  [
    {
      file: 'templates/privacy-notice.md',
      text: readFileSync(new URL('../../templates/privacy-notice.md', import.meta.url), 'utf8'),
      origin: 'built-in',
    },
  ],
  [],
);

function notice(edit: (ws: Workspace) => void = () => {}): string {
  const ws = cleanWorkspace();
  edit(ws);
  const checked = validateWorkspace(ws);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const result = renderDocument(checked.workspace, templates[0]);
  if (!result.ok) throw new Error(result.error.message);
  return result.document.markdown;
}

/** The text of a `##` section, up to the next `##` heading. */
function section(markdown: string, title: string): string | undefined {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start === -1) return undefined;
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

/** The text of a purpose's `###` block in "Why we use your data". */
function purpose(markdown: string, name: string): string {
  const start = markdown.indexOf(`\n### ${name}\n`);
  expect(start, name).toBeGreaterThan(-1);
  return markdown.slice(start, markdown.indexOf('\n#', start + 1));
}

describe('the right to object (Art 21(4))', () => {
  it('has a section of its own for legitimate interests, naming the purposes, the compelling-grounds test and how to object', () => {
    const text = section(notice(), 'Your right to object')!;
    expect(text).toContain(
      '**You can object at any time, for reasons relating to your particular situation, to our use of your personal data on the basis of our legitimate interests.** This applies to: Keep accounts secure.',
    );
    expect(text).toContain('compelling legitimate grounds');
    expect(text).toContain('legal claims');
    expect(text).toContain('To object, email <privacy@acme.example>.');
    expect(text).not.toContain('direct marketing');
    expect(purpose(notice(), 'Keep accounts secure')).toContain('- **Your right to object:** you can object to this use of your data');
    expect(purpose(notice(), 'Provide the service')).not.toContain('Your right to object');
    // The list of rights points to the section rather than repeating it.
    expect(section(notice(), 'Your rights')).toContain('as explained under "Your right to object"');
  });

  it('gives direct marketing its absolute right, whatever the basis', () => {
    const markdown = notice((ws) => {
      ws.purposes[2].lawfulBasis = 'contract';
      Object.assign(ws.purposes[1], { use: 'marketing.communications.email', name: 'Send our newsletter' });
    });
    const text = section(markdown, 'Your right to object')!;
    expect(text).toContain(
      '**You can object at any time to our use of your personal data for direct marketing, including profiling related to it.**',
    );
    expect(text).toContain('This applies to: Send our newsletter.');
    expect(text).not.toContain('particular situation');
    expect(purpose(markdown, 'Send our newsletter')).toContain('you can object at any time to this use of your data for direct marketing');
  });

  it('has no such section when no purpose carries the right, or outside the GDPR and UK GDPR', () => {
    const none = notice((ws) => (ws.purposes[2].lawfulBasis = 'contract'));
    expect(section(none, 'Your right to object')).toBeUndefined();
    expect(none).not.toContain('Your right to object');
    expect(
      section(
        notice((ws) => (ws.organization.jurisdictions = ['ccpa'])),
        'Your right to object',
      ),
    ).toBeUndefined();
  });
});

describe('profiling', () => {
  it('explains profiling for purposes whose use profiles, with the right that stops it', () => {
    const markdown = notice((ws) => (ws.purposes[3].use = 'marketing.advertising.third_party.targeted'));
    const text = section(markdown, 'Profiling')!;
    expect(text).toContain('Profiling means using personal data to evaluate personal aspects of you');
    expect(text).toContain(
      '- **Measure our ads:** We use your data to decide which advertisements or offers to show you. Data used: Advertising identifier. You can object to it at any time, and we will stop.',
    );
    expect(purpose(markdown, 'Measure our ads')).toContain('- **Profiling:** yes; see "Profiling" below.');
  });

  it('follows the team: profiling set on a purpose whose use does not say, and not set where it is switched off', () => {
    const consent = section(
      notice((ws) => (ws.purposes[1].profiling = true)),
      'Profiling',
    )!;
    expect(consent).toContain('- **Understand usage:** We use your data to evaluate or predict your preferences or behaviour.');
    expect(consent).toContain('We do it only with your consent, which you can withdraw at any time.');
    expect(section(notice(), 'Profiling')).toBeUndefined();
    const off = notice((ws) => Object.assign(ws.purposes[3], { use: 'personalize.content', profiling: false }));
    expect(section(off, 'Profiling')).toBeUndefined();
  });
});

describe('automated decisions (Art 22)', () => {
  it('gives the logic, significance, consequences, the ground in plain words and the Art 22(3) rights', () => {
    const markdown = notice(
      (ws) =>
        (ws.purposes[0].automatedDecision = {
          logic: 'We check each order against known fraud patterns.',
          significance: 'It decides whether we accept your order.',
          consequences: 'A refused order is not delivered.',
          ground: 'contract',
        }),
    );
    const text = section(markdown, 'Automated decisions')!;
    expect(text).toContain('- **Provide the service**\n  - **How it works:** We check each order against known fraud patterns.');
    expect(text).toContain('  - **What it means for you:** It decides whether we accept your order.');
    expect(text).toContain('  - **What can follow:** A refused order is not delivered.');
    expect(text).toContain(
      '  - **Why we may decide automatically:** We make this decision automatically because it is necessary to enter into or perform our contract with you (Article 22(2)(a) GDPR and UK GDPR).',
    );
    expect(text).toContain('you have the right to obtain human intervention');
    expect(text).toContain('express your point of view and contest the decision');
  });

  it('leaves out what is not recorded: no significance line, no ground line', () => {
    const text = section(
      notice((ws) => (ws.purposes[0].automatedDecision = { logic: 'We check.', consequences: 'We refuse.' })),
      'Automated decisions',
    )!;
    expect(text).not.toContain('Provide the service, what it means for you');
    expect(text).not.toContain('Provide the service, why we may decide automatically');
  });
});
