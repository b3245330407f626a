// What a document says about its version: "Version 2.1 · effective 1 March 2027 · last updated 5 December
// 2026." for a published version (core/versions.ts), and for a working copy no one has published, that it
// is a draft: a number or a date that no published notice carries would tell customers something untrue.
import { formatDate } from '../dates';
import type { DocumentRelease } from '../versions';

export interface VersionFacts {
  /** the published version number, "2.1"; empty for a draft */
  version: string;
  published: boolean;
  /** the sentence the document opens with, ending in a full stop */
  versionLine: string;
  /** "1 March 2027": the published version's effective date, or for a draft the planned one (settings.effectiveDate); or empty */
  effectiveDate: string;
  /** "2027-03-01", or empty */
  effectiveDateIso: string;
  /** "5 December 2026": the day the version was published; empty for a draft */
  lastUpdated: string;
  /** "2026-12-05", or empty */
  lastUpdatedIso: string;
}

/** The version facts of a document made for `release`, or of a draft with the planned effective date `plannedIso`. */
export function versionFacts(release: DocumentRelease | undefined, plannedIso: string | undefined, locale = 'en'): VersionFacts {
  if (release) {
    const effectiveDate = formatDate(release.effective, locale);
    const lastUpdated = formatDate(release.lastUpdated, locale);
    return {
      version: release.version,
      published: true,
      versionLine: `Version ${release.version} · effective ${effectiveDate} · last updated ${lastUpdated}.`,
      effectiveDate,
      effectiveDateIso: release.effective,
      lastUpdated,
      lastUpdatedIso: release.lastUpdated,
    };
  }
  const effectiveDate = plannedIso ? formatDate(plannedIso, locale) : '';
  return {
    version: '',
    published: false,
    versionLine: effectiveDate ? `Draft, not yet published; planned to take effect on ${effectiveDate}.` : 'Draft, not yet published.',
    effectiveDate,
    effectiveDateIso: plannedIso ?? '',
    lastUpdated: '',
    lastUpdatedIso: '',
  };
}
