// The incident register's values in plain words, with the line of help each choice needs.
import { usStateName } from '../../../../core/incidents/assessment';
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

/** Where people live, as a person reads it: "EU and EEA", "California", "Texas". */
export function residenceLabel(id: Residence | string): string {
  if (id === 'gdpr') return 'EU and EEA';
  if (id === 'uk-gdpr') return 'United Kingdom';
  if (id === 'ccpa') return 'California';
  if (id === 'other') return 'Elsewhere';
  // The state's name as the drafts print it, without the article they need mid-sentence ("the US Virgin Islands").
  return usStateName(id)?.replace(/^the /, '') ?? id;
}
