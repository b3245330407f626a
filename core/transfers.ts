// What protects each transfer of personal data to a third country, worked out once from the recipient
// and the dated adequacy table (core/adequacy.ts), for the review, the coverage matrix, the notice, the
// record of processing and the interchange to agree. Adequacy is never the user's say-so: a stored
// "adequacy" only counts where the table says the country (or, for the United States, the recipient's
// Data Privacy Framework certification) is adequate, and a country the table calls adequate needs no
// other mechanism.
import { adequacyFor, type AdequacyAnswer, type AdequacyRegime } from './adequacy';
import { EEA, isInEeaOrUk } from './countries';
import type { Recipient, TransferDerogation, TransferSafeguard } from './schema';

export type TransferRegime = AdequacyRegime;

/** The mechanisms other than adequacy that each regime recognises (Art 46, 47, 49). */
const VALID: Record<TransferRegime, readonly TransferSafeguard[]> = {
  // The IDTA and the UK Addendum are UK instruments: they do not cover a transfer under the GDPR.
  gdpr: ['sccs', 'bcrs', 'codes', 'certification', 'derogation'],
  // The EU clauses alone do not cover a UK transfer: the UK accepts them only with its Addendum.
  'uk-gdpr': ['idta', 'uk-addendum', 'bcrs', 'codes', 'certification', 'derogation'],
};

export type TransferBasis =
  /** an adequacy decision (regulations, for the UK) covers the country, within `scope` where there is one */
  | { kind: 'adequacy'; scope?: string }
  /** the recipient is certified under the framework the regime's adequacy decision for the country requires */
  | { kind: 'certified'; framework: string }
  /** an appropriate safeguard (Art 46, 47) */
  | { kind: 'safeguard'; mechanism: Exclude<TransferSafeguard, 'adequacy' | 'derogation' | 'none'> }
  /** an Art 49(1) derogation, with its point when recorded */
  | { kind: 'derogation'; point?: TransferDerogation }
  /** nothing that the law recognises */
  | { kind: 'none' };

/**
 * What is wrong with a transfer, for the review:
 * - adequacy-claimed: "adequacy" is stored for a country the table does not find adequate
 * - adequacy-without-certification: "adequacy" is stored for a country whose decision covers only
 *   certified organisations (the United States), and the recipient is not recorded as certified
 * - no-mechanism: neither adequate nor protected by a mechanism the regime recognises (nothing stored,
 *   "none", or a UK instrument for an EU transfer, the EU clauses alone for a UK transfer)
 * - derogation-unnamed: a derogation without the Art 49(1) point it relies on
 */
export type TransferProblem = 'adequacy-claimed' | 'adequacy-without-certification' | 'no-mechanism' | 'derogation-unnamed';

export interface TransferAssessment {
  regime: TransferRegime;
  country: string;
  adequacy: AdequacyAnswer;
  /** what the regime uses: `ukTransferSafeguard` for the UK GDPR when set, else `transferSafeguard` */
  stored?: TransferSafeguard;
  /** the field the stored value comes from */
  field: 'transferSafeguard' | 'ukTransferSafeguard';
  basis: TransferBasis;
  problem?: TransferProblem;
}

/** Whether sending data to `country` is a transfer to a third country under the regime. */
export function isTransfer(regime: TransferRegime, country: string | undefined): country is string {
  if (!country) return false;
  return regime === 'gdpr' ? !EEA.has(country) : !isInEeaOrUk(country);
}

/** Whether the recipient has said it is certified under the regime's Data Privacy Framework. */
export function dpfCertified(recipient: Recipient, regime: TransferRegime): boolean | undefined {
  return regime === 'gdpr' ? recipient.dpf?.eu : recipient.dpf?.uk;
}

/** The stored mechanism a regime reads, and the field it comes from. */
export function storedSafeguard(
  recipient: Recipient,
  regime: TransferRegime,
): { stored?: TransferSafeguard; field: 'transferSafeguard' | 'ukTransferSafeguard' } {
  if (regime === 'uk-gdpr' && recipient.ukTransferSafeguard !== undefined)
    return { stored: recipient.ukTransferSafeguard, field: 'ukTransferSafeguard' };
  return { stored: recipient.transferSafeguard, field: 'transferSafeguard' };
}

/**
 * How a transfer of data to this recipient is protected under the regime, or undefined when it is not a
 * transfer (no country, or a country inside the regime's area).
 */
export function assessTransfer(recipient: Recipient, regime: TransferRegime): TransferAssessment | undefined {
  const country = recipient.country;
  if (!isTransfer(regime, country)) return undefined;
  const adequacy = adequacyFor(regime, country, { dpfCertified: dpfCertified(recipient, regime) });
  const { stored, field } = storedSafeguard(recipient, regime);
  const base = { regime, country, adequacy, stored, field };
  const valid = stored !== undefined && VALID[regime].includes(stored);

  if (adequacy.status === 'adequate') {
    if (adequacy.certification) return { ...base, basis: { kind: 'certified', framework: adequacy.certification.name } };
    // A decision limited to part of a country's organisations (Canada, Japan) may not cover this
    // recipient; a mechanism recorded next to it is then the one relied on.
    if (adequacy.scope && valid) return { ...base, ...mechanismOf(recipient, stored) };
    return { ...base, basis: adequacy.scope ? { kind: 'adequacy', scope: adequacy.scope } : { kind: 'adequacy' } };
  }
  if (stored === 'adequacy') {
    return { ...base, basis: { kind: 'none' }, problem: adequacy.certification ? 'adequacy-without-certification' : 'adequacy-claimed' };
  }
  if (valid) return { ...base, ...mechanismOf(recipient, stored) };
  return { ...base, basis: { kind: 'none' }, problem: 'no-mechanism' };
}

function mechanismOf(recipient: Recipient, stored: TransferSafeguard): { basis: TransferBasis; problem?: TransferProblem } {
  if (stored === 'derogation') {
    return recipient.transferDerogation
      ? { basis: { kind: 'derogation', point: recipient.transferDerogation } }
      : { basis: { kind: 'derogation' }, problem: 'derogation-unnamed' };
  }
  return { basis: { kind: 'safeguard', mechanism: stored as Exclude<TransferSafeguard, 'adequacy' | 'derogation' | 'none'> } };
}

/** Both regimes' assessments for a recipient, for the regimes that apply and treat it as a transfer. */
export function assessTransfers(
  recipient: Recipient,
  regimes: { gdpr: boolean; ukGdpr: boolean },
): { eu?: TransferAssessment; uk?: TransferAssessment } {
  return {
    eu: regimes.gdpr ? assessTransfer(recipient, 'gdpr') : undefined,
    uk: regimes.ukGdpr ? assessTransfer(recipient, 'uk-gdpr') : undefined,
  };
}

// ---------------------------------------------------------------------------------------------------
// Words

/** Art 49(1) points: the letter, and what the exception is, completing "it is …" or a noun phrase. */
export const DEROGATION_TEXT: Record<TransferDerogation, { point: string; label: string; notice: string }> = {
  'explicit-consent': {
    point: 'a',
    label: 'explicit consent, after being told of the risks',
    notice: 'you have explicitly agreed to it after we told you of the possible risks',
  },
  'contract-with-person': {
    point: 'b',
    label: 'necessary for a contract with the person',
    notice: 'it is necessary to perform our contract with you, or to take steps you asked for before entering into one',
  },
  'contract-in-person-interest': {
    point: 'c',
    label: 'necessary for a contract in the person’s interest',
    notice: 'it is necessary for a contract made in your interest between us and another organisation',
  },
  'public-interest': {
    point: 'd',
    label: 'important reasons of public interest',
    notice: 'it is necessary for important reasons of public interest recognised by law',
  },
  'legal-claims': {
    point: 'e',
    label: 'legal claims',
    notice: 'it is necessary to establish, exercise or defend legal claims',
  },
  'vital-interests': {
    point: 'f',
    label: 'vital interests, when consent cannot be given',
    notice: "it is necessary to protect your vital interests, or someone else's, when you cannot give consent",
  },
  'public-register': {
    point: 'g',
    label: 'transfer from a public register',
    notice: 'the data comes from a public register open to consultation',
  },
};

/** Short names of the mechanisms, for the record of processing, the coverage matrix and the app. */
export const SAFEGUARD_LABELS: Record<TransferSafeguard, string> = {
  adequacy: 'adequacy decision',
  sccs: 'EU standard contractual clauses',
  idta: 'UK International Data Transfer Agreement',
  'uk-addendum': 'EU standard contractual clauses with the UK Addendum',
  bcrs: 'binding corporate rules',
  codes: 'approved code of conduct',
  certification: 'approved certification',
  derogation: 'Art 49 derogation',
  none: 'no safeguard',
};

const ARTICLE: Record<Exclude<TransferSafeguard, 'derogation'>, string> = {
  adequacy: 'Art 45',
  sccs: 'Art 46(2)(c)',
  idta: 'Art 46(2)(d)',
  'uk-addendum': 'Art 46(2)(d)',
  bcrs: 'Art 47',
  codes: 'Art 46(2)(e)',
  certification: 'Art 46(2)(f)',
  none: '',
};

/**
 * The mechanism in a few words with its article, for a record or a table: "adequacy decision (Art 45)",
 * "certified under the EU-US Data Privacy Framework (Art 45)", "Art 49(1)(b) derogation: necessary for a
 * contract with the person", "no mechanism".
 */
export function basisLabel(basis: TransferBasis): string {
  switch (basis.kind) {
    case 'adequacy':
      return basis.scope ? `adequacy decision (Art 45), for ${basis.scope}` : 'adequacy decision (Art 45)';
    case 'certified':
      return `certified under the ${basis.framework} (Art 45)`;
    case 'safeguard':
      return `${SAFEGUARD_LABELS[basis.mechanism]} (${ARTICLE[basis.mechanism]})`;
    case 'derogation':
      return basis.point
        ? `Art 49(1)(${DEROGATION_TEXT[basis.point].point}) derogation: ${DEROGATION_TEXT[basis.point].label}`
        : 'Art 49 derogation, point not recorded';
    case 'none':
      return 'no mechanism';
  }
}

/** Whether the mechanism is a safeguard people may ask a copy of (Art 13(1)(f): Art 46 and 47). */
export function hasCopy(basis: TransferBasis): boolean {
  return basis.kind === 'safeguard';
}

// ---------------------------------------------------------------------------------------------------
// The controller's establishment

/**
 * Whether a controller established in `country` needs a representative in the region (GDPR Art 27 for
 * the EU, UK GDPR Art 27 for the UK): 'yes' when established outside it, 'no' when inside, 'unknown'
 * when the country is not recorded.
 */
export function representativeNeeded(country: string | undefined, region: 'eu' | 'uk'): 'yes' | 'no' | 'unknown' {
  if (!country) return 'unknown';
  const inside = region === 'eu' ? EEA.has(country) : country === 'GB';
  return inside ? 'no' : 'yes';
}
