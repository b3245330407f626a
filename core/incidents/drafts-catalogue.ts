// The drafts Candor writes for an incident, by id: what each is for and the file name it is saved under.
export const INCIDENT_DRAFTS = {
  'authority-notification': {
    title: 'Notification to the supervisory authority',
    description: 'Every item of GDPR Art 33(3), addressed to the lead authority, with the 72-hour clock.',
  },
  'people-notice': {
    title: 'Notice to the people affected',
    description: 'Art 34(2) in clear and plain language, as an email and an in-app banner.',
  },
  'us-notice-of-data-breach': {
    title: 'Notice of Data Breach (US)',
    description: 'The statutory title and headings of Cal. Civ. Code 1798.82(d), with the required items.',
  },
} as const satisfies Record<string, { title: string; description: string }>;

export type IncidentDraftId = keyof typeof INCIDENT_DRAFTS;
export const INCIDENT_DRAFT_IDS = Object.keys(INCIDENT_DRAFTS) as IncidentDraftId[];

export function isIncidentDraftId(value: unknown): value is IncidentDraftId {
  return typeof value === 'string' && Object.hasOwn(INCIDENT_DRAFTS, value);
}
