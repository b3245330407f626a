import { describe, expect, it } from 'vitest';
import catalogue from '../resources/services.json' with { type: 'json' };
import { COUNTRY_CODES, isInEeaOrUk } from './countries';
import { RecipientSchema } from './schema';
import {
  SERVICES,
  SERVICE_KINDS,
  ServiceCatalogueSchema,
  recipientFromService,
  recipientName,
  searchServices,
  serviceById,
  type Service,
} from './services';
import { CATEGORY_BY_KEY } from './taxonomy';

function service(id: string): Service {
  const found = serviceById(id);
  if (!found) throw new Error(`catalogue has no service "${id}"`);
  return found;
}

function urlsOf(s: Service): string[] {
  return [s.privacyPolicyUrl, s.dpaUrl, ...s.sources.map((src) => src.url)].filter((u): u is string => u !== undefined);
}

describe('the services catalogue file', () => {
  it('parses with the strict schema', () => {
    const result = ServiceCatalogueSchema.safeParse(catalogue);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))).toBe(true);
  });

  it('rejects an entry with a field the schema does not know, or without a source', () => {
    const first = catalogue.services[0];
    expect(ServiceCatalogueSchema.safeParse({ ...catalogue, services: [{ ...first, website: 'https://x.example' }] }).success).toBe(false);
    expect(ServiceCatalogueSchema.safeParse({ ...catalogue, services: [{ ...first, sources: [] }] }).success).toBe(false);
    expect(ServiceCatalogueSchema.safeParse({ ...catalogue, services: [{ ...first, dataCategories: ['user.nonsense'] }] }).success).toBe(
      false,
    );
  });

  it('has at least 60 services with unique ids and names, covering every kind', () => {
    expect(SERVICES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SERVICES.map((s) => s.id)).size).toBe(SERVICES.length);
    expect(new Set(SERVICES.map((s) => s.name.toLowerCase())).size).toBe(SERVICES.length);
    const kinds = new Set(SERVICES.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(Object.keys(SERVICE_KINDS).sort());
  });

  it('gives every service a valid country code and https addresses only', () => {
    for (const s of SERVICES) {
      expect(COUNTRY_CODES, s.id).toContain(s.country);
      for (const url of urlsOf(s)) expect(url, s.id).toMatch(/^https:\/\//);
    }
  });

  it('uses only fideslang category keys that exist in the taxonomy', () => {
    for (const s of SERVICES) {
      expect(s.dataCategories.length, s.id).toBeGreaterThan(0);
      for (const key of s.dataCategories) expect(CATEGORY_BY_KEY.has(key), `${s.id}: ${key}`).toBe(true);
    }
  });

  it('records for every service where its facts come from and when they were checked', () => {
    for (const s of SERVICES) {
      expect(s.sources.length, s.id).toBeGreaterThan(0);
      expect(s.basis.length, s.id).toBeGreaterThan(0);
      expect(s.checked, s.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("says so in its basis when none of an entry's sources was read", () => {
    const unread = SERVICES.filter((s) => !s.sources.some((src) => src.seen));
    expect(unread.length).toBeLessThan(SERVICES.length);
    for (const s of unread) expect(s.basis, s.id).toMatch(/not re-verified|not opened/);
  });

  it('claims DPF certification only for entities in the United States, and a transfer mechanism only outside the EEA and the UK', () => {
    for (const s of SERVICES) {
      if (s.dpf) expect(s.country, s.id).toBe('US');
      if (s.transferSafeguard) expect(isInEeaOrUk(s.country), s.id).toBe(false);
    }
  });

  it('lists tracking domains as bare domains and only for services that track for ads or attribution', () => {
    for (const s of SERVICES.filter((x) => x.trackingDomains)) {
      expect(['advertising', 'attribution', 'analytics'], s.id).toContain(s.kind);
      for (const domain of s.trackingDomains ?? []) expect(domain, s.id).not.toMatch(/^https?:|\//);
    }
  });

  it('covers the services the issue names', () => {
    const names = SERVICES.map((s) => s.name);
    for (const wanted of ['Stripe', 'PayPal', 'Amazon Web Services', 'Google Cloud', 'SendGrid', 'Mailchimp', 'Google Analytics']) {
      expect(names).toContain(wanted);
    }
    for (const wanted of ['Sentry', 'Zendesk', 'HubSpot', 'Auth0', 'OneSignal', 'AppsFlyer', 'Apple App Store', 'Google Play', 'OpenAI']) {
      expect(names).toContain(wanted);
    }
  });
});

describe('searchServices', () => {
  it('puts Stripe first for "stripe", whatever the case', () => {
    expect(searchServices('stripe')[0].id).toBe('stripe');
    expect(searchServices('STRIPE')[0].id).toBe('stripe');
  });

  it('ranks payment services first for "payments"', () => {
    const found = searchServices('payments');
    const payments = SERVICES.filter((s) => s.kind === 'payments');
    expect(payments.length).toBeGreaterThan(3);
    expect(found.slice(0, payments.length).map((s) => s.kind)).toEqual(payments.map(() => 'payments'));
  });

  it('finds services by category words, legal entity and keywords', () => {
    expect(
      searchServices('email')
        .slice(0, 3)
        .every((s) => s.kind === 'email'),
    ).toBe(true);
    expect(searchServices('crash reporting')[0].kind).toBe('crash-reporting');
    expect(searchServices('Functional Software')[0].id).toBe('sentry');
    expect(searchServices('gcp')[0].id).toBe('google-cloud');
  });

  it('matches one- and two-letter words only as whole words', () => {
    const found = searchServices('ai');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s) => s.kind === 'ai')).toBe(true);
  });

  it('needs every word to match, and lists the catalogue in order for an empty query', () => {
    expect(searchServices('stripe zebra')).toEqual([]);
    expect(searchServices('').map((s) => s.id)).toEqual(SERVICES.slice(0, 20).map((s) => s.id));
  });
});

describe('recipientFromService', () => {
  it('fills every field the catalogue knows for Stripe, and validates as a recipient', () => {
    const stripe = service('stripe');
    const recipient = recipientFromService(stripe, []);
    expect(RecipientSchema.safeParse(recipient).success).toBe(true);
    expect(recipient).toMatchObject({
      id: 'stripe',
      name: 'Stripe Payments Europe, Limited',
      role: stripe.role,
      country: 'IE',
      description: stripe.description,
      privacyPolicyUrl: stripe.privacyPolicyUrl,
    });
  });

  it('names the brand beside a legal entity that does not say it', () => {
    expect(recipientName(service('sentry'))).toBe('Functional Software, Inc. (Sentry)');
  });

  it('makes a valid recipient of every service, with an id that avoids the ids already taken', () => {
    for (const s of SERVICES) {
      const recipient = recipientFromService(s, [s.id, `${s.id}-2`]);
      const result = RecipientSchema.safeParse(recipient);
      expect(result.success, s.id).toBe(true);
      expect(recipient.id, s.id).toBe(`${s.id}-3`);
      expect(recipient.country).toBe(s.country);
      expect(recipient.dpf).toEqual(s.dpf);
      expect(recipient.transferSafeguard).toBe(s.transferSafeguard);
      expect(recipient.trackingDomains).toEqual(s.trackingDomains);
      expect(recipient.sharesForAds).toBe(s.sharesForAds);
    }
  });

  it('copies lists, so editing the recipient leaves the catalogue unchanged', () => {
    const tracker = SERVICES.find((s) => s.trackingDomains);
    expect(tracker).toBeDefined();
    const recipient = recipientFromService(tracker as Service, []);
    recipient.trackingDomains?.push('changed.example');
    expect((tracker as Service).trackingDomains).not.toContain('changed.example');
  });
});
