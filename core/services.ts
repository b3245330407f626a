// The catalogue of common services (resources/services.json) behind the recipient pickers: search it as
// the person types, then turn the pick into a Recipient with every field the catalogue knows filled in.
// The catalogue is a starting point the team confirms, so each entry carries its sources, the basis of
// its facts and the date they were checked (docs/services-catalogue.md).
import catalogue from '../resources/services.json' with { type: 'json' };
import { uniqueId } from './ids';
import { CountryCode, DateString, HttpsUrl, RECIPIENT_ROLES, Slug, TRANSFER_SAFEGUARDS, type Recipient } from './schema';
import { CATEGORY_BY_KEY } from './taxonomy';
import { z } from 'zod';
import { allWordsScore, isPlural, searchText } from './search-text';

/** What a service is for, with the plain words people search for it by. */
export const SERVICE_KINDS = {
  payments: { label: 'Payments', words: ['payments', 'payment', 'billing', 'subscriptions', 'checkout', 'cards'] },
  hosting: { label: 'Hosting and cloud', words: ['hosting', 'cloud', 'servers', 'cdn', 'infrastructure', 'storage', 'database'] },
  email: { label: 'Email delivery', words: ['email', 'e-mail', 'mail', 'newsletter', 'transactional'] },
  messaging: { label: 'Text messages', words: ['sms', 'text messages', 'messaging', 'phone', 'verification'] },
  analytics: { label: 'Analytics', words: ['analytics', 'statistics', 'tracking', 'product analytics', 'events'] },
  'crash-reporting': {
    label: 'Crash reporting',
    words: ['crash reporting', 'crashes', 'errors', 'error tracking', 'monitoring', 'diagnostics'],
  },
  support: { label: 'Customer support', words: ['support', 'help desk', 'helpdesk', 'tickets', 'chat', 'customer service'] },
  crm: { label: 'CRM and sales', words: ['crm', 'sales', 'customer relationship', 'marketing automation', 'leads'] },
  auth: { label: 'Sign-in and identity', words: ['auth', 'authentication', 'login', 'sign in', 'identity', 'sso'] },
  push: { label: 'Push notifications', words: ['push', 'push notifications', 'notifications', 'in-app messages'] },
  attribution: {
    label: 'Attribution and deep links',
    words: ['attribution', 'mobile measurement', 'mmp', 'deep links', 'install tracking'],
  },
  advertising: { label: 'Advertising networks', words: ['ads', 'advertising', 'ad network', 'marketing', 'pixel', 'monetization'] },
  'app-store': { label: 'App stores', words: ['app store', 'store', 'in-app purchases', 'distribution'] },
  ai: { label: 'AI models', words: ['ai', 'llm', 'machine learning', 'model', 'chatbot', 'generative'] },
} as const;

export type ServiceKind = keyof typeof SERVICE_KINDS;
const KIND_IDS = Object.keys(SERVICE_KINDS) as [ServiceKind, ...ServiceKind[]];

const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/;

const SourceSchema = z.strictObject({
  url: HttpsUrl,
  /** what the page is: "Stripe Privacy Policy", "Data Privacy Framework list entry" */
  what: z.string().min(1),
  /** true when the page, or a stored copy of it, was read for this entry; false for an address known but not opened */
  seen: z.boolean(),
});

export const ServiceSchema = z.strictObject({
  id: Slug,
  /** the brand people know: "Stripe", "Sentry" */
  name: z.string().min(1),
  /** the company a customer in the EU contracts with, when it differs from the US parent */
  legalEntity: z.string().min(1),
  kind: z.enum(KIND_IDS),
  role: z.enum(RECIPIENT_ROLES),
  /** ISO 3166-1 alpha-2 code of the legal entity's seat */
  country: CountryCode,
  /** only for a United States entity on the Data Privacy Framework list, and only with a source */
  dpf: z.strictObject({ eu: z.boolean(), uk: z.boolean() }).optional(),
  transferSafeguard: z.enum(TRANSFER_SAFEGUARDS).optional(),
  privacyPolicyUrl: HttpsUrl.optional(),
  dpaUrl: HttpsUrl.optional(),
  /** domains the SDK contacts to track (Apple NSPrivacyTrackingDomains); only for SDKs that track */
  trackingDomains: z.array(z.string().regex(DOMAIN_PATTERN, 'must be a lower-case domain such as ads.example.com')).min(1).optional(),
  /** fideslang data-category keys the service typically receives */
  dataCategories: z.array(z.string().refine((key) => CATEGORY_BY_KEY.has(key), { message: 'is not a fideslang data category' })).min(1),
  sells: z.boolean().optional(),
  sharesForAds: z.boolean().optional(),
  /** one line in plain words, written as what the service does for the team */
  description: z.string().regex(/^[A-Z].*\.$/, 'must be one sentence starting with a capital and ending with a full stop'),
  /** other names people type: "mailgun" for Sinch Mailgun, "gcp" for Google Cloud */
  keywords: z.array(z.string().min(1)).optional(),
  sources: z.array(SourceSchema).min(1),
  /** how the facts were established: "stored copy of the service's privacy policy", "widely published; not re-verified here" */
  basis: z.string().min(1),
  /** the date the entry's facts were last checked */
  checked: DateString,
});

export const ServiceCatalogueSchema = z.strictObject({
  about: z.string().min(1),
  services: z.array(ServiceSchema).min(1),
});

export type Service = z.infer<typeof ServiceSchema>;

// Parsed at load: the file is small, and a wrong entry should fail loudly, naming itself, not surface as
// a half-filled recipient in a workspace.
const parsed = ServiceCatalogueSchema.safeParse(catalogue);
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  throw new Error(`resources/services.json: ${issue.path.join('.')} ${issue.message}`);
}

export const SERVICES: readonly Service[] = parsed.data.services;
export const SERVICES_ABOUT: string = parsed.data.about;
const BY_ID = new Map(SERVICES.map((s) => [s.id, s]));

export function serviceById(id: string): Service | undefined {
  return BY_ID.get(id);
}

interface Indexed {
  service: Service;
  order: number;
  name: string;
  nameWords: string[];
  keywords: string[];
  keywordWords: string[];
  kindWords: string[];
  kindPhrases: string[];
  legalWords: string[];
  description: string;
}

const INDEX: readonly Indexed[] = SERVICES.map((service, order) => {
  const keywords = (service.keywords ?? []).map(searchText);
  const kind = SERVICE_KINDS[service.kind];
  const kindPhrases = [kind.label, ...kind.words].map(searchText);
  return {
    service,
    order,
    name: searchText(service.name),
    nameWords: searchText(service.name).split(' '),
    keywords,
    keywordWords: keywords.flatMap((k) => k.split(' ')),
    kindWords: kindPhrases.flatMap((k) => k.split(' ')),
    kindPhrases,
    legalWords: searchText(service.legalEntity).split(' '),
    description: searchText(service.description),
  };
});

// The name beats keywords beats what kind of service it is beats the legal entity: "stripe" must put
// Stripe first, and "payments" every payment service before a company whose legal name merely says so.
function tokenScore(item: Indexed, token: string): number {
  // One or two letters ("ai", "eu") only match whole words, or "ai" would find Airship and Mailgun.
  if (token.length <= 2) return shortTokenScore(item, token);
  if (item.nameWords[0] === token) return 900;
  if (item.nameWords.includes(token)) return 850;
  if (item.keywords.includes(token)) return 800;
  if (item.kindPhrases.includes(token) || item.kindWords.includes(token)) return 750;
  if (item.kindWords.some((w) => isPlural(w, token))) return 720;
  if (item.name.startsWith(token)) return 700;
  if (item.keywordWords.includes(token)) return 650;
  if (item.nameWords.some((w) => w.startsWith(token))) return 600;
  if (item.legalWords.includes(token)) return 550;
  if (item.keywordWords.some((w) => w.startsWith(token))) return 500;
  if (item.kindWords.some((w) => w.startsWith(token))) return 450;
  if (item.legalWords.some((w) => w.startsWith(token))) return 400;
  if (item.name.includes(token)) return 300;
  if (item.description.includes(token)) return 100;
  return 0;
}

function shortTokenScore(item: Indexed, token: string): number {
  if (item.nameWords[0] === token) return 900;
  if (item.nameWords.includes(token)) return 850;
  if (item.keywords.includes(token) || item.keywordWords.includes(token)) return 800;
  if (item.kindWords.includes(token)) return 750;
  if (item.legalWords.includes(token)) return 550;
  return 0;
}

/**
 * Catalogue services matching what was typed, best first: every word must match the name, a keyword,
 * the kind of service ("payments", "email"), the legal entity or the description. An empty query lists
 * the catalogue in its own order.
 */
export function searchServices(query: string, limit = 20): Service[] {
  const phrase = searchText(query);
  if (!phrase) return SERVICES.slice(0, limit);
  const tokens = phrase.split(' ');
  const scored: { item: Indexed; score: number }[] = [];
  for (const item of INDEX) {
    let score = allWordsScore(tokens, (token) => tokenScore(item, token));
    if (score === 0) continue;
    if (item.name === phrase) score += 2000;
    else if (item.keywords.includes(phrase)) score += 1000;
    else if (item.kindPhrases.includes(phrase)) score += 800;
    else if (tokens.length > 1 && item.name.startsWith(phrase)) score += 500;
    scored.push({ item, score });
  }
  // Equal scores keep the catalogue's order, which lists the services most teams use first.
  scored.sort((a, b) => b.score - a.score || a.item.order - b.item.order);
  return scored.slice(0, limit).map((s) => s.item.service);
}

/**
 * The name a recipient shows in the notice: the legal entity, with the brand in brackets when the legal
 * name does not already say it ("Functional Software, Inc. (Sentry)", "Stripe Payments Europe, Limited").
 */
export function recipientName(service: Service): string {
  return searchText(service.legalEntity).includes(searchText(service.name))
    ? service.legalEntity
    : `${service.legalEntity} (${service.name})`;
}

/**
 * A new recipient from a catalogue entry, ready to push into `workspace.recipients`: an id not among
 * `existingIds`, and every field the catalogue knows. Fields the entry leaves out stay out, so the
 * editor asks for them instead of showing a guess.
 */
export function recipientFromService(service: Service, existingIds: Iterable<string>): Recipient {
  const recipient: Recipient = {
    id: uniqueId(service.id, existingIds),
    name: recipientName(service),
    role: service.role,
    description: service.description,
    country: service.country,
  };
  if (service.dpf) recipient.dpf = { ...service.dpf };
  if (service.transferSafeguard) recipient.transferSafeguard = service.transferSafeguard;
  if (service.privacyPolicyUrl) recipient.privacyPolicyUrl = service.privacyPolicyUrl;
  if (service.sells !== undefined) recipient.sells = service.sells;
  if (service.sharesForAds !== undefined) recipient.sharesForAds = service.sharesForAds;
  if (service.trackingDomains) recipient.trackingDomains = [...service.trackingDomains];
  return recipient;
}
