import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import sampleJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { workspaceArbitrary } from '../testing/arbitraries';
import type { Workspace } from '../schema';
import { validateWorkspace } from '../validate';
import { buildContext, inventoryVersion, type DocumentContext } from './context';

const validated = validateWorkspace(sampleJson);
if (!validated.ok) throw new Error('the sample workspace is invalid');
const ridgeline: Workspace = validated.workspace;
const INFO = { id: 'privacy-notice', title: 'Privacy notice', locale: 'en' };

const INTERNAL = new Set(['notes', 'owner', 'status', 'reviewedOn']);

/** Every value in the context with its path. */
function walk(value: unknown, path: string, visit: (path: string, value: unknown) => void) {
  visit(path, value);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, visit);
}

/** The keys of objects, recursively, ignoring the items of lists. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

function renderedAsParagraph(markdown: string): string {
  return marked
    .parse(markdown, { async: false })
    .trim()
    .replace(/^<p>|<\/p>$/g, '');
}

// Fields that hold a link destination or a ready-made link rather than text; the request methods are
// phrases that may hold a ready-made link ("use our request form at <https://…>"), and so are the US
// states' opt-out and appeal sentences ("To opt out of sale, use <https://…>.") and the health policy's appeal.
const LINK_FIELD = /\.(url|link)$|\.requests\.methods\[\d+\]$|\.usStates\.(optOutText|appealText)$|\.consumerHealth\.appeal$/;

function checkContext(context: DocumentContext, typed: string[]) {
  const typedAll = typed.join('\u0000');
  walk(context, 'context', (path, value) => {
    const key = path.slice(path.lastIndexOf('.') + 1);
    expect(INTERNAL.has(key), `${path} is an internal field`).toBe(false);
    expect(value, path).not.toBeUndefined();
    expect(value, path).not.toBeNull();
    expect(typeof value, path).not.toBe('function');
    if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
    if (value && typeof value === 'object' && !Array.isArray(value)) expect(Object.getPrototypeOf(value), path).toBe(Object.prototype);
    if (typeof value === 'string') {
      for (const artefact of ['undefined', 'NaN', '[object Object]', 'null']) {
        if (!typedAll.includes(artefact)) expect(value, path).not.toContain(artefact);
      }
      // eslint-disable-next-line no-control-regex -- the control characters are what must not get through
      expect(value, path).not.toMatch(/[\n\r\u0000-\u0008\u000B-\u001F\u202A-\u202E\u2066-\u2069]/);
      if (!LINK_FIELD.test(path)) {
        // Text is escaped: as Markdown it makes no element at all, only text.
        expect(renderedAsParagraph(value), path).not.toMatch(/<(?!br>)[a-z/]/i);
      }
    }
  });
}

function userStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => userStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => userStrings(v, out));
  return out;
}

describe('the context', () => {
  it('for the sample: plain values only, escaped text, no internal fields', () => {
    checkContext(buildContext(ridgeline, INFO), userStrings(ridgeline));
  });

  it('for random hostile workspaces: the same', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (ws) => {
        checkContext(buildContext(ws, INFO), userStrings(ws));
      }),
      { numRuns: 40 },
    );
  });

  it('has the same keys whatever the workspace holds, so templates can be checked against an empty one', () => {
    const empty: Workspace = {
      format: 'candor/workspace',
      version: 1,
      organization: { name: 'x', jurisdictions: ['gdpr'] },
      purposes: [],
      recipients: [],
      collectionPoints: [],
      dataTypes: [],
      settings: {},
    };
    const expected = shape(buildContext(empty, INFO));
    expect(shape(buildContext(ridgeline, INFO))).toEqual(expected);
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (ws) => {
        expect(shape(buildContext(ws, INFO))).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('does not carry the text of internal fields', () => {
    const ws = structuredClone(ridgeline);
    ws.dataTypes.forEach((d, i) =>
      Object.assign(d, { notes: `NOTE${i}MARK`, owner: `OWNER${i}MARK`, reviewedOn: '2011-11-11', status: 'draft' }),
    );
    expect(JSON.stringify(buildContext(ws, INFO))).not.toMatch(/MARK|2011-11-11|draft/);
  });
});

describe('what the context works out', () => {
  const context = buildContext(ridgeline, INFO);
  const dataType = (id: string) => context.dataTypes.find((d) => d.id === id)!;

  it('says who receives each data type, grouped by role', () => {
    expect(dataType('recorded-routes').recipientsPhrase).toBe(
      'Hetzner Online GmbH, Brevo SAS and Twilio Inc. (service providers); Police and mountain rescue services (public authority)',
    );
    expect(dataType('display-name').recipientsPhrase).toBe(
      'Hetzner Online GmbH (service provider); Trailkeepers e.V. (independent controller)',
    );
  });

  it('derives sale and sharing from the recipients', () => {
    expect(dataType('advertising-id')).toMatchObject({ sold: false, shared: true, sharedWith: ['Meta Platforms Ireland Limited'] });
    expect(dataType('email-address')).toMatchObject({ sold: false, shared: false });
    expect(context.ccpa).toMatchObject({ sells: false, shares: true, sellsOrShares: true });
    expect(context.ccpa.sharedCategories).toEqual([
      'Identifiers',
      'Commercial information',
      'Internet or other electronic network activity',
    ]);
  });

  it('words retention both ways, with the issue examples', () => {
    expect(dataType('email-address')).toMatchObject({
      retention: 'for 30 days after you close your account',
      retentionText: 'For 30 days after you close your account.',
    });
    expect(dataType('push-token').retention).toBe('until you withdraw your consent');
    expect(dataType('approximate-location').retentionText).toBe(
      'Not stored: used only to answer the map or search request and discarded as soon as the answer is sent.',
    );
  });

  it('says where data comes from, whether it is required and what special or sensitive data it is', () => {
    expect(dataType('garmin-activities')).toMatchObject({
      fromThirdParty: true,
      requirement: '',
      sensitive: true,
      sensitiveKind: 'precise geolocation',
    });
    expect(dataType('email-address').requirement).toBe('Yes. We need it to provide Ridgeline under our contract with you.');
    expect(dataType('subscription-records').requirement).toBe(
      'Yes. We need it to provide Ridgeline under our contract with you, and the law requires us to keep it.',
    );
    expect(dataType('heart-rate')).toMatchObject({
      special: true,
      specialKind: 'health data',
      specialCondition: 'your explicit consent',
      specialConditionArticle: 'Article 9(2)(a) GDPR and UK GDPR',
      sensitiveKind: 'health information',
    });
    expect(context.ccpa.categories.find((c) => c.id === 'identifiers')!.sources).toEqual([
      'you',
      'your device, automatically as you use Ridgeline',
      'the Ridgeline user who names them as emergency contact',
    ]);
  });

  it('names countries in words', () => {
    const zendesk = context.recipients.find((r) => r.id === 'zendesk')!;
    expect(zendesk).toMatchObject({ country: 'United States', countryInText: 'the United States', transfer: true, safeguard: 'sccs' });
    expect(context.recipients.find((r) => r.id === 'hetzner')).toMatchObject({ country: 'Germany', transfer: false, safeguardText: '' });
  });

  it('treats a transfer by the regimes that apply and describes every safeguard', () => {
    const ws = structuredClone(ridgeline);
    ws.recipients = [
      { id: 'uk', name: 'UK Co', country: 'GB', transferSafeguard: 'adequacy' },
      { id: 'in', name: 'India Co', country: 'IN', transferSafeguard: 'none' },
      { id: 'br', name: 'Brazil Co', country: 'BR', transferSafeguard: 'derogation' },
      { id: 'jp', name: 'Japan Co', country: 'JP' },
      { id: 'ie', name: 'Ireland Co', country: 'IE', transferSafeguard: 'sccs' },
    ];
    const at = (jurisdictions: Workspace['organization']['jurisdictions']) => {
      const copy = structuredClone(ws);
      copy.organization.jurisdictions = jurisdictions;
      return Object.fromEntries(buildContext(copy, INFO).recipients.map((r) => [r.id, r]));
    };
    const eu = at(['gdpr']);
    expect(eu.uk).toMatchObject({
      transfer: true,
      safeguardText:
        'The European Commission has decided that the United Kingdom protects personal data adequately (an adequacy decision).',
    });
    expect(eu.in.safeguardText).toBe(
      'There is no EU adequacy decision for India, and no other safeguard applies, so your data may be less protected there.',
    );
    expect(eu.br.safeguardText).toContain('exceptions for specific situations in Article 49 of the GDPR');
    // Adequacy comes from the table, not from the workspace: Japan needs nothing recorded.
    expect(eu.jp).toMatchObject({
      transfer: true,
      safeguard: '',
      safeguardText:
        'The European Commission has decided that Japan protects personal data adequately (an adequacy decision), for private-sector organisations under the Act on the Protection of Personal Information (APPI), which include this recipient.',
    });
    expect(eu.ie.transfer).toBe(false);
    const uk = at(['uk-gdpr']);
    expect(uk.uk.transfer).toBe(false);
    expect(uk.ie.transfer).toBe(false);
    expect(uk.in.transfer).toBe(true);
    const california = at(['ccpa']);
    expect(Object.values(california).some((r) => r.transfer)).toBe(false);
  });

  it('never states an adequacy decision the table does not have, and names each mechanism by regime', () => {
    const ws = structuredClone(ridgeline);
    ws.recipients = [
      { id: 'claims', name: 'Claims Co', country: 'IN', transferSafeguard: 'adequacy' },
      { id: 'us-claims', name: 'US Claims Co', country: 'US', transferSafeguard: 'adequacy' },
      { id: 'certified', name: 'Certified Co', country: 'US', dpf: { eu: true, uk: true } },
      { id: 'half', name: 'Half Co', country: 'US', dpf: { eu: true, uk: false }, ukTransferSafeguard: 'idta' },
      {
        id: 'clauses',
        name: 'Clauses Co',
        country: 'US',
        dpf: { eu: false },
        transferSafeguard: 'sccs',
        ukTransferSafeguard: 'uk-addendum',
        safeguardsUrl: 'https://clauses.example/dpa',
      },
      { id: 'swiss', name: 'Swiss Co', country: 'CH' },
      { id: 'consent', name: 'Consent Co', country: 'IN', transferSafeguard: 'derogation', transferDerogation: 'explicit-consent' },
    ];
    ws.dataTypes[0].recipients = ws.recipients.map((r) => r.id);
    const context = buildContext(ws, INFO);
    const r = Object.fromEntries(context.recipients.map((v) => [v.id, v]));
    expect(r.claims.safeguardText).toBe(
      'Under the GDPR, there is no EU adequacy decision for India. Under the UK GDPR, there are no UK adequacy regulations for India.',
    );
    expect(r['us-claims'].safeguardText).not.toMatch(/found adequate|has decided/);
    expect(r.certified.safeguardText).toBe(
      'This recipient is certified under the EU-US Data Privacy Framework and its UK Extension, which the European Commission and the UK government found adequate.',
    );
    expect(r.half.safeguardText).toBe(
      'Under the GDPR, this recipient is certified under the EU-US Data Privacy Framework, which the European Commission found adequate. Under the UK GDPR, this recipient is not certified under the UK Extension to the EU-US Data Privacy Framework, so the UK adequacy regulations for the United States do not cover it; the transfer is protected by the International Data Transfer Agreement issued by the UK Information Commissioner, which we have signed with this recipient.',
    );
    expect(r.clauses.safeguardText).toContain(
      'the transfer is protected by the standard contractual clauses adopted by the European Commission',
    );
    expect(r.clauses.safeguardText).toContain('with the UK Addendum issued by the UK Information Commissioner');
    expect(r.clauses).toMatchObject({ copyOnRequest: false, safeguardsCopy: { url: 'https://clauses.example/dpa' } });
    expect(r.half.copyOnRequest).toBe(true);
    expect(r.swiss.safeguardText).toBe(
      'The European Commission and the UK government have decided that Switzerland protects personal data adequately (adequacy decisions).',
    );
    expect(r.consent.safeguardText).toBe(
      'There is no EU adequacy decision and there are no UK adequacy regulations for India; the transfer relies on an exception in Article 49(1)(a) of the GDPR and the UK GDPR: you have explicitly agreed to it after we told you of the possible risks.',
    );
    expect(context.has.transferCopies).toBe(true);
  });

  it('gives a controller outside the EEA no lead authority', () => {
    expect(context.organization).toMatchObject({
      country: 'Germany',
      outsideEea: false,
      supervisoryAuthority: { lead: true, shown: true },
    });
    const ws = structuredClone(ridgeline);
    ws.organization.country = 'US';
    expect(buildContext(ws, INFO).organization).toMatchObject({
      outsideEea: true,
      supervisoryAuthority: { present: true, lead: false, shown: false },
    });
    ws.organization.jurisdictions = ['uk-gdpr'];
    expect(buildContext(ws, INFO).organization.supervisoryAuthority).toMatchObject({ lead: false, shown: true });
  });

  it('knows the audience', () => {
    expect(context.children).toEqual({ applies: true, minimumAge: 16, childrenDirected: false });
    const ws = structuredClone(ridgeline);
    delete ws.organization.audience;
    expect(buildContext(ws, INFO).children.applies).toBe(false);
  });

  it('keeps one build id per inventory', () => {
    expect(context.document.buildId).toBe(inventoryVersion(ridgeline));
    expect(context.document.effectiveDate).toBe('15 January 2027');
  });
});

describe('sentences from user text', () => {
  function withAdTech(): Workspace {
    const ws = structuredClone(ridgeline);
    ws.recipients.push(
      { id: 'broker', name: 'Retail Signals LLC', role: 'controller', country: 'US', sells: true },
      { id: 'adnet', name: 'AdLoop Media, Inc.', role: 'controller', country: 'US', sharesForAds: true },
    );
    const adId = ws.dataTypes.find((d) => d.id === 'advertising-id')!;
    adId.recipients = [...(adId.recipients ?? []), 'broker', 'adnet'];
    return ws;
  }

  it('names each data type once in "Sold or shared", grouping those that go to the same organisations', () => {
    const identifiers = buildContext(withAdTech(), INFO).ccpa.categories.find((c) => c.id === 'identifiers')!;
    expect(identifiers.saleText).toBe(
      'Advertising identifier: sold to Retail Signals LLC and shared with Meta Platforms Ireland Limited and AdLoop Media, Inc. for cross-context behavioural advertising.',
    );
    const events = buildContext(ridgeline, INFO).ccpa.categories.find((c) => c.id === 'commercial')!;
    expect(events.saleText).toBe(
      'Install and subscription events: shared with Meta Platforms Ireland Limited for cross-context behavioural advertising. Not sold.',
    );
  });

  it('starts text that stands alone with a capital, but keeps names as entered', () => {
    const ws = structuredClone(ridgeline);
    const email = ws.dataTypes.find((d) => d.id === 'email-address')!;
    email.description = 'the address you sign up with';
    email.benefit = 'eBay-style one-click sign-in';
    email.retention = { criteria: 'until account closure' };
    const view = buildContext(ws, INFO).dataTypes.find((d) => d.id === 'email-address')!;
    expect(view.description).toBe('The address you sign up with.');
    expect(view.benefit).toBe('eBay-style one-click sign-in.');
    expect(view.retentionText).toBe('Until account closure.');
  });
});
