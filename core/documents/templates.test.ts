import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sampleJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import type { Workspace } from '../schema';
import { US_STATE_LAWS } from '../us-states';
import { validateWorkspace } from '../validate';
import { buildContext } from './context';
import { renderDocument } from './render';
import { parseTemplate, resolveTemplates, type ParsedTemplate } from './templates';
import type { TemplateSource } from './types';

const builtIn: TemplateSource[] = ['privacy-notice.md', 'notice-at-collection.md'].map((name) => ({
  file: `templates/${name}`,
  text: readFileSync(new URL(`../../templates/${name}`, import.meta.url), 'utf8'),
  origin: 'built-in',
}));

const validated = validateWorkspace(sampleJson);
if (!validated.ok) throw new Error('the sample workspace is invalid');
const sample: Workspace = validated.workspace;

const FRONT = ['---', 'id: custom', 'title: Custom notice', 'kind: notice', 'jurisdictions: [gdpr]', 'locale: en', '---'];

function source(lines: string[], file = 'my-templates/custom.md'): TemplateSource {
  return { file, text: lines.join('\n'), origin: 'workspace' };
}

function parsed(lines: string[]): ParsedTemplate {
  const result = parseTemplate(source(lines));
  if (!result.ok) throw new Error(`${result.error.file}:${result.error.line}: ${result.error.message}`);
  return result.template;
}

function error(lines: string[]) {
  const result = parseTemplate(source(lines));
  if (result.ok) throw new Error('expected the template to be rejected');
  return result.error;
}

function render(lines: string[], workspace: Workspace = sample): string {
  const result = renderDocument(workspace, parsed(lines));
  if (!result.ok) throw new Error(`${result.error.line}: ${result.error.message}`);
  return result.document.markdown;
}

describe('built-in templates', () => {
  it('parse, with their front matter', () => {
    const { templates, errors } = resolveTemplates(builtIn, []);
    expect(errors).toEqual([]);
    expect(templates.map((t) => t.info)).toEqual([
      {
        id: 'privacy-notice',
        title: 'Privacy notice',
        kind: 'notice',
        jurisdictions: ['gdpr', 'uk-gdpr', 'ccpa', ...US_STATE_LAWS.filter((s) => s.kind === 'comprehensive').map((s) => s.id)],
        locale: 'en',
      },
      { id: 'notice-at-collection', title: 'Notice at collection', kind: 'notice', jurisdictions: ['ccpa'], locale: 'en' },
    ]);
  });
});

describe('the notice of financial incentive and the consumer health data policy', () => {
  it('parse, each with the condition that offers it', () => {
    const sources: TemplateSource[] = ['notice-of-financial-incentive.md', 'consumer-health-data-policy.md'].map((name) => ({
      file: `templates/${name}`,
      text: readFileSync(new URL(`../../templates/${name}`, import.meta.url), 'utf8'),
      origin: 'built-in',
    }));
    const { templates, errors } = resolveTemplates(sources, []);
    expect(errors).toEqual([]);
    expect(templates.map((t) => t.info)).toEqual([
      {
        id: 'notice-of-financial-incentive',
        title: 'Notice of financial incentive',
        kind: 'notice',
        jurisdictions: ['ccpa'],
        locale: 'en',
        when: 'financial-incentives',
      },
      {
        id: 'consumer-health-data-policy',
        title: 'Consumer Health Data Privacy Policy',
        kind: 'notice',
        jurisdictions: ['us-wa', 'us-nv'],
        locale: 'en',
        when: 'consumer-health-data',
      },
    ]);
  });
});

describe('front matter', () => {
  it('takes an optional condition, one of the known ones', () => {
    expect(parsed([...FRONT.slice(0, 6), 'when: consumer-health-data', '---']).info.when).toBe('consumer-health-data');
    expect(parsed(FRONT).info).not.toHaveProperty('when');
    expect(error([...FRONT.slice(0, 6), 'when: sometimes', '---'])).toMatchObject({
      line: 7,
      message: 'the front matter field "when" must be one of financial-incentives, consumer-health-data',
    });
    expect(error([...FRONT.slice(0, 6), 'wen: consumer-health-data', '---'])).toMatchObject({
      line: 7,
      message: expect.stringContaining('unknown field "wen" (did you mean "when"?)'),
    });
  });

  it('is required, and closed', () => {
    expect(error(['# No front matter'])).toMatchObject({
      file: 'my-templates/custom.md',
      line: 1,
      message: expect.stringContaining('must start with front matter'),
    });
    expect(error(['---', 'id: custom', '# body'])).toMatchObject({ line: 1, message: expect.stringContaining('not closed') });
  });

  it('reports YAML errors at their line', () => {
    expect(error(['---', 'id: custom', 'title: [unclosed', 'kind: notice', '---', 'body'])).toMatchObject({
      line: expect.any(Number),
      message: expect.stringContaining('not valid YAML'),
    });
    const duplicate = error(['---', 'id: custom', 'title: A', 'title: B', 'kind: notice', 'jurisdictions: [gdpr]', 'locale: en', '---']);
    expect(duplicate.line).toBe(4);
    expect(duplicate.message).toContain('not valid YAML');
  });

  it('checks every field and points at the wrong one', () => {
    const withLine = (index: number, replacement: string) => FRONT.map((line, i) => (i === index ? replacement : line));
    expect(error(withLine(3, 'kind: letter'))).toMatchObject({ line: 4, message: 'the front matter field "kind" must be "notice"' });
    expect(error(withLine(1, 'id: Custom Notice'))).toMatchObject({
      line: 2,
      message: expect.stringContaining('"id" must be a lower-case slug'),
    });
    expect(error(withLine(4, 'jurisdictions: [gdpr, lgpd]'))).toMatchObject({
      line: 5,
      message: expect.stringContaining('"jurisdictions.1" must be one of gdpr, uk-gdpr, ccpa'),
    });
    expect(error(withLine(4, 'jurisdictions: []'))).toMatchObject({ line: 5, message: expect.stringContaining('at least one') });
    expect(error(withLine(2, 'titel: Custom notice'))).toMatchObject({
      line: 3,
      message: expect.stringContaining('unknown field "titel" (did you mean "title"?)'),
    });
    expect(error(FRONT.filter((_, i) => i !== 5))).toMatchObject({ line: 1, message: expect.stringContaining('has no "locale"') });
  });

  it('accepts a byte-order mark and Windows line ends', () => {
    const result = parseTemplate({
      file: 'x.md',
      text: `\uFEFF${[...FRONT, '# {{ organization.name }}'].join('\r\n')}`,
      origin: 'workspace',
    });
    expect(result.ok).toBe(true);
  });
});

describe('Liquid errors', () => {
  // Lines 1–7 are the front matter; the body starts at line 8.
  const body = (lines: string[]) => [...FRONT, ...lines];

  it('reports a broken tag at its line in the file, counting the front matter', () => {
    const lines = body(['# Title', '', 'One.', '', 'Two.', '', '{% if organization.name %}', 'never closed']);
    expect(lines[13]).toBe('{% if organization.name %}');
    expect(error(lines)).toMatchObject({ file: 'my-templates/custom.md', line: 14, message: expect.stringContaining('not closed') });
    const unknownTag = body(['# Title', '', '', '', '', '', '{% frobnicate %}']);
    expect(error(unknownTag)).toMatchObject({ line: 14, message: expect.stringContaining('frobnicate') });
  });

  it('finds a misspelt variable when parsing, even in a branch the workspace never takes', () => {
    const lines = body(['# {{ organization.name }}', '{% if has.automatedDecisions %}', '', '{{ organization.nmae }}', '{% endif %}']);
    expect(error(lines)).toEqual({
      file: 'my-templates/custom.md',
      line: 11,
      column: 4,
      message: 'unknown variable "organization.nmae": check its spelling; templates/README.md lists every variable',
    });
    expect(error(body(['{{ dataType.name }}']))).toMatchObject({ line: 8, message: expect.stringContaining('"dataType"') });
    expect(error(body(['{% if jurisdictions.california %}x{% endif %}']))).toMatchObject({
      line: 8,
      message: expect.stringContaining('jurisdictions.california'),
    });
  });

  it('reports a misspelt field of a loop variable when rendering, at its line', () => {
    const template = parsed(body(['# Data', '', '{% for d in dataTypes %}', '- {{ d.nmae }}', '{% endfor %}']));
    const result = renderDocument(sample, template);
    expect(result).toEqual({
      ok: false,
      error: {
        file: 'my-templates/custom.md',
        line: 11,
        column: 6,
        message: 'unknown variable "d.nmae": check its spelling; templates/README.md lists every variable',
      },
    });
  });

  it('reports an unknown filter at its line', () => {
    expect(error(body(['', '{{ organization.name | shout }}']))).toMatchObject({
      line: 9,
      message: expect.stringContaining('unknown filter "shout"'),
    });
  });

  it('cannot read other files', () => {
    for (const tag of ['{% include "secrets.md" %}', "{% render '/etc/passwd' %}", '{% layout "base" %}']) {
      expect(error(body(['# T', tag]))).toMatchObject({ line: 9, message: expect.stringContaining('cannot read other files') });
    }
  });

  it('cannot reach prototypes or run code', () => {
    expect(error(body(['{{ organization.constructor }}']))).toMatchObject({ message: expect.stringContaining('organization.constructor') });
    const viaLocal = renderDocument(sample, parsed(body(['{% assign s = organization.name %}', '{{ s.constructor.name }}'])));
    expect(viaLocal).toMatchObject({ ok: false, error: { line: 9, message: expect.stringContaining('unknown variable') } });
    const proto = renderDocument(sample, parsed(body(['{% assign l = dataTypes %}{{ l.__proto__ }}'])));
    expect(proto.ok).toBe(false);
  });

  it('refuses to print a list, a group of values or yes/no, even through raw', () => {
    const cases: [string, string][] = [
      ['{{ dataTypes }}', 'whole list'],
      ['{{ organization.dpo }}', 'group of values'],
      ['{{ has.consent }}', '{% if'],
      ['{{ dataTypes | raw }}', 'whole list'],
      ['{{ organization.dpo | raw }}', 'group of values'],
    ];
    for (const [tag, message] of cases) {
      const result = renderDocument(sample, parsed(body(['# T', '', tag])));
      expect(result).toMatchObject({
        ok: false,
        error: { file: 'my-templates/custom.md', line: 10, message: expect.stringContaining(message) },
      });
    }
  });
});

describe('rendering', () => {
  it('drops lines that hold only tags, so lists and tables have no stray blank lines; inline tags keep their spaces', () => {
    const markdown = render([
      ...FRONT,
      '# {{ organization.name }}',
      '',
      '{% for d in dataTypes limit: 2 %}',
      '  {% if d.required == "yes" %}',
      '- {{ d.name }} is required',
      '  {% else %}',
      '- {{ d.name }} is optional',
      '  {% endif %}',
      '{% endfor %}',
      '',
      'We keep {% if has.consent %}some{% endif %} data.',
    ]);
    expect(markdown).toBe('# Ridgeline\n\n- Email address is required\n- Password is optional\n\nWe keep some data.\n');
  });

  it('offers the list, sentence and upper_first filters', () => {
    expect(render([...FRONT, '{{ dataTypes.first.purposeNames | list }} / {{ dataTypes.first.purposeNames | list: "or" }}'])).toBe(
      'Create your account and sign you in, Sell and manage Ridgeline Plus, Send the Ridgeline newsletter, and Answer your questions / Create your account and sign you in, Sell and manage Ridgeline Plus, Send the Ridgeline newsletter or Answer your questions\n',
    );
    expect(render([...FRONT, '{{ dataTypes.first.retention | upper_first | sentence }}'])).toBe(
      'For 30 days after you close your account.\n',
    );
  });
});

describe('resolveTemplates', () => {
  const override = (id: string, heading: string, file = `my-templates/${id}.md`): TemplateSource => ({
    file,
    text: [
      '---',
      `id: ${id}`,
      `title: ${heading}`,
      'kind: notice',
      'jurisdictions: [gdpr, ccpa]',
      'locale: en',
      '---',
      `# ${heading}`,
    ].join('\n'),
    origin: 'workspace',
  });

  it('replaces a built-in template with the workspace template of the same id and adds new ones', () => {
    const { templates, errors } = resolveTemplates(builtIn, [
      override('privacy-notice', 'Our own notice'),
      override('cookie-notice', 'Cookies'),
    ]);
    expect(errors).toEqual([]);
    expect(templates.map((t) => [t.info.id, t.info.title, t.source.origin])).toEqual([
      ['privacy-notice', 'Our own notice', 'workspace'],
      ['notice-at-collection', 'Notice at collection', 'built-in'],
      ['cookie-notice', 'Cookies', 'workspace'],
    ]);
    const result = renderDocument(sample, templates[0]);
    expect(result.ok && result.document.markdown).toBe('# Our own notice\n');
  });

  it('reports a broken override and takes its built-in out of use, found by id or by file name', () => {
    const brokenBody = { ...override('privacy-notice', 'Mine'), text: `${override('privacy-notice', 'Mine').text}\n{% if %}` };
    const byId = resolveTemplates(builtIn, [brokenBody]);
    expect(byId.errors).toHaveLength(1);
    expect(byId.errors[0]).toMatchObject({ file: 'my-templates/privacy-notice.md', line: 9 });
    expect(byId.templates.map((t) => t.info.id)).toEqual(['notice-at-collection']);

    const brokenFront: TemplateSource = { file: 'overrides/notice-at-collection.md', text: '---\ntitle: [\n---\n# x', origin: 'workspace' };
    const byName = resolveTemplates(builtIn, [brokenFront]);
    expect(byName.errors).toHaveLength(1);
    expect(byName.templates.map((t) => t.info.id)).toEqual(['privacy-notice']);
  });

  it('reports two templates with the same id', () => {
    const { templates, errors } = resolveTemplates(builtIn, [
      override('privacy-notice', 'First', 'a.md'),
      override('privacy-notice', 'Second', 'b.md'),
    ]);
    expect(errors).toEqual([{ file: 'b.md', line: 1, message: expect.stringContaining('already used by a.md') }]);
    expect(templates.find((t) => t.info.id === 'privacy-notice')?.info.title).toBe('First');
  });
});

describe('templates/README.md', () => {
  const readme = readFileSync(new URL('../../templates/README.md', import.meta.url), 'utf8');
  const context = buildContext(sample, { id: 'x', title: 'x', locale: 'en' });

  function section(heading: string): string {
    const start = readme.indexOf(`\n### ${heading}\n`);
    if (start < 0) throw new Error(`README has no section "${heading}"`);
    const end = readme.indexOf('\n##', start + 5);
    return readme.slice(start, end < 0 ? undefined : end);
  }

  it('documents every variable a template can use', () => {
    const missing: string[] = [];
    const documented = (text: string, name: string) => text.includes(`\`${name}\``) || text.includes(`\`.${name.split('.').pop()}\``);
    // Top-level values and fields of objects, by full path; the items of lists by field, in their section.
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value) || value === null || typeof value !== 'object') {
        if (!documented(readme, path)) missing.push(path);
        return;
      }
      if (['email', 'website', 'privacyPolicy', 'optOut', 'accountDeletion'].some((k) => path.endsWith(k))) {
        if (!documented(readme, path.split('.').slice(0, 2).join('.')) && !readme.includes(path)) missing.push(path);
        return;
      }
      for (const [key, v] of Object.entries(value)) walk(v, path ? `${path}.${key}` : key);
    };
    const { dataTypes, purposes, recipients, ccpa, ...rest } = context;
    walk({ ...rest, ccpa: { ...ccpa, categories: [], sensitive: {} } }, '');
    const items: [string, object][] = [
      ['A data type', dataTypes[0]],
      ['A purpose', purposes[0]],
      ['A recipient', recipients[0]],
      ['A CCPA category', ccpa.categories[0]],
    ];
    for (const [heading, item] of items) {
      const text = section(heading);
      for (const key of Object.keys(item)) if (!text.includes(`\`${key}\``)) missing.push(`${heading}: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('has an example that works', () => {
    const example = /## An example[\s\S]*?```markdown\n([\s\S]*?)```/.exec(readme)![1];
    const result = resolveTemplates([], [{ file: 'data-at-a-glance.md', text: example, origin: 'workspace' }]);
    expect(result.errors).toEqual([]);
    const rendered = renderDocument(sample, result.templates[0]);
    expect(rendered.ok && rendered.document.markdown).toContain(
      '| Email address | You can sign in on any device, reset your password and get your receipts. | For 30 days after you close your account. |',
    );
    expect(rendered.ok && rendered.document.markdown).toContain('Questions? Email <privacy@ridgeline.example>.');
  });
});
