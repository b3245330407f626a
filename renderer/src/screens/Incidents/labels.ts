// The incident register's values in plain words, with the line of help each choice needs.
import type { BreachKind, IncidentStatus, Level, Residence } from '../../../../core/incidents/schema';

export const STATUS_LABELS: Record<IncidentStatus, string> = { open: 'Open', contained: 'Contained', closed: 'Closed' };
export const STATUS_COLORS: Record<IncidentStatus, string> = { open: 'red', contained: 'yellow', closed: 'gray' };
export const STATUS_HINTS = new Map<string, string>([
  ['open', 'Still happening, or not yet under control.'],
  ['contained', 'Stopped; the team is still notifying people and fixing the cause.'],
  ['closed', 'Handled: notifications decided and sent, actions done. The register keeps it.'],
]);

export const KIND_LABELS: Record<BreachKind, { label: string; hint: string }> = {
  confidentiality: { label: 'Disclosed or accessed', hint: 'Someone saw or took data they should not have (confidentiality).' },
  integrity: { label: 'Altered', hint: 'Data was changed without authority (integrity).' },
  availability: { label: 'Lost or unavailable', hint: 'Data was lost, deleted or could not be reached (availability).' },
};

export const LEVEL_LABELS: Record<Level, string> = { low: 'Low', medium: 'Medium', high: 'High' };

const US_STATE_NAMES: Record<string, string> = {
  al: 'Alabama',
  ak: 'Alaska',
  az: 'Arizona',
  ar: 'Arkansas',
  ca: 'California',
  co: 'Colorado',
  ct: 'Connecticut',
  de: 'Delaware',
  dc: 'District of Columbia',
  fl: 'Florida',
  ga: 'Georgia',
  hi: 'Hawaii',
  id: 'Idaho',
  il: 'Illinois',
  in: 'Indiana',
  ia: 'Iowa',
  ks: 'Kansas',
  ky: 'Kentucky',
  la: 'Louisiana',
  me: 'Maine',
  md: 'Maryland',
  ma: 'Massachusetts',
  mi: 'Michigan',
  mn: 'Minnesota',
  ms: 'Mississippi',
  mo: 'Missouri',
  mt: 'Montana',
  ne: 'Nebraska',
  nv: 'Nevada',
  nh: 'New Hampshire',
  nj: 'New Jersey',
  nm: 'New Mexico',
  ny: 'New York',
  nc: 'North Carolina',
  nd: 'North Dakota',
  oh: 'Ohio',
  ok: 'Oklahoma',
  or: 'Oregon',
  pa: 'Pennsylvania',
  ri: 'Rhode Island',
  sc: 'South Carolina',
  sd: 'South Dakota',
  tn: 'Tennessee',
  tx: 'Texas',
  ut: 'Utah',
  vt: 'Vermont',
  va: 'Virginia',
  wa: 'Washington',
  wv: 'West Virginia',
  wi: 'Wisconsin',
  wy: 'Wyoming',
  pr: 'Puerto Rico',
  gu: 'Guam',
  vi: 'US Virgin Islands',
};

/** Where people live, as a person reads it: "EU and EEA", "California", "Texas". */
export function residenceLabel(id: Residence | string): string {
  if (id === 'gdpr') return 'EU and EEA';
  if (id === 'uk-gdpr') return 'United Kingdom';
  if (id === 'ccpa') return 'California';
  if (id === 'other') return 'Elsewhere';
  const code = /^us-([a-z]{2})$/.exec(id)?.[1];
  return (code && US_STATE_NAMES[code]) || id;
}
