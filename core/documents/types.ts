// The contract between the parts that turn a workspace into documents. Everything here is pure:
// the callers (renderer, CLI, handlers) load template sources and write bytes themselves.
import type { Jurisdiction } from '../schema';

/** A template's source text, as read from `templates/` or the workspace's `settings.templatesDir`. */
export interface TemplateSource {
  /** file name or path, for error messages */
  file: string;
  /** the whole file: YAML front matter between `---` lines, then the Markdown + Liquid body */
  text: string;
  /** where it came from */
  origin: 'built-in' | 'workspace';
}

/**
 * What else, besides a jurisdiction, a document needs before it is offered: `financial-incentives`, the
 * workspace records a financial incentive; `consumer-health-data`, some data type is consumer health data.
 */
export const DOCUMENT_CONDITIONS = ['financial-incentives', 'consumer-health-data'] as const;
export type DocumentCondition = (typeof DOCUMENT_CONDITIONS)[number];

/** A template's front matter. */
export interface TemplateInfo {
  id: string;
  title: string;
  /** 'notice' documents become Markdown, HTML and Word */
  kind: 'notice';
  jurisdictions: Jurisdiction[];
  locale: string;
  /** offered only when this also holds */
  when?: DocumentCondition;
}

/** A problem with a template: where (file, line) and what is wrong. */
export interface TemplateError {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** What every output format needs besides the body. */
export interface DocumentMeta {
  id: string;
  title: string;
  organization: string;
  /** YYYY-MM-DD: the published version's effective date, or for a draft the planned one (settings.effectiveDate) */
  effectiveDate?: string;
  /** the published version number, "2.1", printed as the version; empty for a draft, which says so instead */
  version: string;
  /** YYYY-MM-DD: the day the version was published ("last updated"); absent for a draft */
  lastUpdated?: string;
  /** the sentence the template prints about the version ("Version 2.1 · effective … · last updated …."), which the writers show in their own header instead */
  versionLine?: string;
  /** a short fingerprint of the inventory the document was made from: an internal build id, never printed */
  buildId?: string;
  locale: string;
}

export interface RenderedDocument {
  meta: DocumentMeta;
  markdown: string;
}
