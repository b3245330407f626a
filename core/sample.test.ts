// The bundled sample, resources/examples/ridgeline.candor.json, is what a new user opens first and what
// golden tests of every generator run against, so it must be valid, canonical and exercise every part of
// the format.
import { describe, expect, it } from 'vitest';
import sampleJson from '../resources/examples/ridgeline.candor.json' with { type: 'json' };
import sampleText from '../resources/examples/ridgeline.candor.json?raw';
import { serializeWorkspace } from './canonical';
import { readWorkspaceText } from './read';
import { deriveClassification, deriveStorePurposes } from './reference';
import { EEA } from './countries';
import { LAWFUL_BASES, PERMISSIONS, RECIPIENT_ROLES, STATUSES, type DataType, type Workspace } from './schema';
import { validateWorkspace } from './validate';

const validated = validateWorkspace(sampleJson);
if (!validated.ok) throw new Error(`ridgeline.candor.json is invalid: ${JSON.stringify(validated.problems, null, 2)}`);
const ws: Workspace = validated.workspace;

function dataType(id: string): DataType {
  const found = ws.dataTypes.find((d) => d.id === id);
  if (!found) throw new Error(`sample has no data type "${id}"`);
  return found;
}

describe('resources/examples/ridgeline.candor.json', () => {
  it('is valid', () => {
    expect(validateWorkspace(sampleJson).problems).toEqual([]);
  });

  it('is canonical: writing it again gives the same bytes', () => {
    expect(serializeWorkspace(sampleJson as Record<string, unknown>)).toBe(sampleText);
    expect(serializeWorkspace(ws)).toBe(sampleText);
  });

  it('opens through the same reader as any workspace file', () => {
    expect(readWorkspaceText(sampleText).kind).toBe('ok');
  });

  it('describes a German controller with a DPO, a UK representative and its lead authority', () => {
    const org = ws.organization;
    expect(org.name).toBe('Ridgeline');
    expect(org.legalName).toMatch(/GmbH$/);
    expect(org.address).toMatch(/Germany$/);
    expect(org.contactEmail).toBeDefined();
    expect(org.website).toMatch(/^https:\/\//);
    expect(org.privacyPolicyUrl).toMatch(/^https:\/\//);
    expect(org.accountDeletionUrl).toMatch(/^https:\/\//);
    expect(org.optOutUrl).toMatch(/^https:\/\//);
    expect(org.dpo).toMatchObject({ name: expect.any(String), email: expect.any(String), address: expect.any(String) });
    // Art 27 asks for a representative only where the controller is not established in the region:
    // a German company needs one for the UK, not for the EU.
    expect(org.representatives?.map((r) => r.region)).toEqual(['uk']);
    expect(org.representatives?.[0]).toMatchObject({ name: expect.any(String), address: expect.any(String), email: expect.any(String) });
    expect(org.supervisoryAuthority).toMatchObject({ name: expect.stringContaining('Bayer'), url: expect.stringMatching(/^https:/) });
    expect([...org.jurisdictions].sort()).toEqual(['ccpa', 'gdpr', 'uk-gdpr']);
    expect(org.audience).toEqual({ minimumAge: 16, childrenDirected: false });
    expect(org.securityMeasures?.length).toBeGreaterThan(100);
  });

  it('has purposes on every lawful basis, with named interests, an automated decision and store overrides', () => {
    expect(new Set(ws.purposes.map((p) => p.lawfulBasis))).toEqual(new Set(LAWFUL_BASES));
    const interests = ws.purposes.filter((p) => p.lawfulBasis === 'legitimate-interests');
    expect(interests.length).toBeGreaterThan(0);
    for (const p of interests) expect(p.legitimateInterest?.length, p.id).toBeGreaterThan(30);

    const automated = ws.purposes.filter((p) => p.automatedDecision);
    expect(automated).toHaveLength(1);
    expect(automated[0].automatedDecision?.logic).toMatch(/automatically/);
    expect(automated[0].automatedDecision?.consequences).toMatch(/review/);

    const overridden = ws.purposes.filter((p) => p.storePurpose);
    expect(
      overridden
        .map((p) => Object.keys(p.storePurpose!))
        .flat()
        .sort(),
    ).toEqual(['apple', 'play']);
    for (const p of overridden) {
      const derived = deriveStorePurposes({ use: p.use });
      const actual = deriveStorePurposes(p);
      if (p.storePurpose?.apple) expect(actual.apple, p.id).not.toBe(derived.apple);
      if (p.storePurpose?.play) expect(actual.play, p.id).not.toBe(derived.play);
    }
    for (const p of ws.purposes) expect(p.use, p.id).toBeDefined();
  });

  it('has recipients in every role, inside and outside the EEA, with each safeguard', () => {
    expect(new Set(ws.recipients.map((r) => r.role))).toEqual(new Set(RECIPIENT_ROLES));
    const inEea = ws.recipients.filter((r) => r.country && EEA.has(r.country));
    const outside = ws.recipients.filter((r) => r.country && !EEA.has(r.country));
    expect(inEea.length).toBeGreaterThan(0);
    expect(outside.length).toBeGreaterThan(0);
    // Outside the EEA each recipient has a mechanism, or is covered by its DPF certification.
    for (const r of outside) expect(r.transferSafeguard ?? (r.dpf?.eu ? 'dpf' : undefined), r.id).toBeDefined();
    for (const r of inEea) expect(r.transferSafeguard, r.id).toBeUndefined();
    expect(outside.some((r) => r.dpf?.eu && !r.transferSafeguard)).toBe(true);
    expect(new Set(outside.map((r) => r.transferSafeguard).filter(Boolean))).toEqual(new Set(['adequacy', 'sccs', 'bcrs']));

    const adTech = ws.recipients.filter((r) => r.sharesForAds || r.sells);
    expect(adTech).toHaveLength(1);
    expect(adTech[0].trackingDomains?.length).toBeGreaterThan(0);
    // Sharing for ads needs the opt-out page.
    expect(ws.organization.optOutUrl).toBeDefined();
  });

  it('collects on iOS, Android, the web and the backend, behind each permission the brief names', () => {
    const platforms = new Set(ws.collectionPoints.map((c) => c.platform));
    for (const platform of ['ios', 'android', 'web', 'backend'] as const) expect(platforms.has(platform), platform).toBe(true);
    const permissions = new Set(ws.collectionPoints.map((c) => c.permission).filter(Boolean));
    for (const permission of [
      'location-when-in-use',
      'location-always',
      'health-read',
      'motion',
      'camera',
      'photos',
      'notifications',
      'tracking',
      'contacts',
      'bluetooth',
    ] as const) {
      expect(PERMISSIONS).toContain(permission);
      expect(permissions.has(permission), permission).toBe(true);
    }
  });

  it('uses every entity it declares', () => {
    const used = (field: 'purposes' | 'recipients' | 'collectedAt') => new Set(ws.dataTypes.flatMap((d) => d[field] ?? []));
    for (const p of ws.purposes) expect(used('purposes').has(p.id), p.id).toBe(true);
    for (const r of ws.recipients) expect(used('recipients').has(r.id), r.id).toBe(true);
    for (const c of ws.collectionPoints) expect(used('collectedAt').has(c.id), c.id).toBe(true);
  });

  it('has around 18 data types, each with a benefit, a retention and a status', () => {
    expect(ws.dataTypes.length).toBeGreaterThanOrEqual(18);
    for (const d of ws.dataTypes) {
      expect(d.benefit?.length, d.id).toBeGreaterThan(20);
      expect(d.retention, d.id).toBeDefined();
      expect(d.status, d.id).toBeDefined();
      expect(d.source, d.id).toBeDefined();
    }
    expect(new Set(ws.dataTypes.map((d) => d.status))).toEqual(new Set(STATUSES));
  });

  it('uses every form of retention', () => {
    const forms = new Set(
      ws.dataTypes.map((d) => {
        const r = d.retention!;
        return [r.period ? 'period' : '', r.after ? 'after' : '', r.criteria ? 'criteria' : ''].filter(Boolean).join('+');
      }),
    );
    for (const form of ['period+after', 'after', 'criteria', 'period+criteria']) expect(forms.has(form), form).toBe(true);
  });

  it('holds special-category health data with its Art 9(2) condition and a hand-written in-app text', () => {
    const heart = dataType('heart-rate');
    expect(deriveClassification(heart).gdprSpecial).toBe(true);
    expect(heart.specialCondition).toBe('explicit-consent');
    for (const id of heart.purposes) expect(ws.purposes.find((p) => p.id === id)?.lawfulBasis).toBe('consent');
    const limits = ws.settings.inAppLimits!;
    expect(heart.inApp?.short?.length).toBeLessThanOrEqual(limits.short!);
    expect(heart.inApp?.long?.length).toBeLessThanOrEqual(limits.long!);
    // Every special-category data type names its condition.
    for (const d of ws.dataTypes) {
      if (deriveClassification(d).gdprSpecial) expect(d.specialCondition, d.id).toBeDefined();
    }
  });

  it('has third-party sources with their origin, tracking, ephemeral and unlinked data', () => {
    const thirdParty = ws.dataTypes.filter((d) => d.source === 'third-party');
    expect(thirdParty.length).toBeGreaterThan(0);
    for (const d of thirdParty) expect(d.sourceDetail, d.id).toBeDefined();
    expect(dataType('garmin-activities').sourceDetail).toMatch(/Garmin/);

    const tracked = ws.dataTypes.filter((d) => d.tracking);
    expect(tracked.map((d) => d.id)).toContain('advertising-id');
    const trackers = new Set(ws.recipients.filter((r) => r.trackingDomains?.length).map((r) => r.id));
    for (const d of tracked)
      expect(
        d.recipients?.some((r) => trackers.has(r)),
        d.id,
      ).toBe(true);

    expect(ws.dataTypes.some((d) => d.ephemeral)).toBe(true);
    expect(ws.dataTypes.some((d) => d.linkedToIdentity === false)).toBe(true);
    expect(ws.dataTypes.some((d) => d.subjects?.includes('next_of_kin'))).toBe(true);
  });

  it('overrides classifications where the category would mislead, with real identifiers only', () => {
    const overridden = ws.dataTypes.filter((d) => d.classification);
    expect(overridden.length).toBeGreaterThanOrEqual(4);
    for (const d of overridden) {
      const derived = deriveClassification(d);
      const byCategory = deriveClassification({ category: d.category });
      const c = d.classification!;
      // An override field that repeats the category's answer is noise in the file.
      if (c.apple !== undefined) expect(c.apple, `${d.id}.classification.apple`).not.toBe(byCategory.apple);
      if (c.play !== undefined) expect(c.play, `${d.id}.classification.play`).not.toBe(byCategory.play);
      if (c.ccpa !== undefined) expect([...c.ccpa].sort(), `${d.id}.classification.ccpa`).not.toEqual([...byCategory.ccpa].sort());
      expect(derived.source.apple === 'override' || derived.source.play === 'override' || derived.source.ccpa === 'override').toBe(true);
    }
    expect(deriveClassification(dataType('crash-logs'))).toMatchObject({ apple: 'CrashData', play: 'PSL_CRASH_LOGS' });
    expect(deriveClassification(dataType('password'))).toMatchObject({ apple: 'none', play: 'none' });
    expect(deriveClassification(dataType('recorded-routes'))).toMatchObject({ apple: 'PreciseLocation', ccpaSensitive: true });
  });

  it('keeps an owner, a review date and internal notes on some data types', () => {
    expect(ws.dataTypes.some((d) => d.owner)).toBe(true);
    expect(ws.dataTypes.some((d) => d.reviewedOn)).toBe(true);
    expect(ws.dataTypes.some((d) => d.notes)).toBe(true);
    expect(ws.dataTypes.some((d) => d.required === true && d.consequenceIfNotProvided)).toBe(true);
  });

  it('answers the general store questions and sets the document settings', () => {
    expect(ws.settings).toMatchObject({
      effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      locale: 'en',
      inAppLimits: { short: expect.any(Number), long: expect.any(Number) },
      store: {
        encryptedInTransit: true,
        accountCreation: expect.arrayContaining(['PSL_ACM_USER_ID_PASSWORD', 'PSL_ACM_OAUTH']),
        dataDeletion: 'yes',
        familyPolicy: false,
      },
    });
  });
});
