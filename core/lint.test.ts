// Every review rule with an example that fails it and one that passes, run against a clean workspace
// that has no findings at all; the catalogue must not hold a rule without both. Plus the bundled sample,
// which has no real defect and therefore no errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import sampleJson from '../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { compareFindings, countFindings, groupFindings, LINT_RULES, lintRule, lintWorkspace, SEVERITIES, type Finding } from './lint';
import type { Workspace } from './schema';
import { generateInAppText } from './documents/in-app';
import { workspaceArbitrary } from './testing/arbitraries';
import { cleanWorkspace } from './lint/fixtures';
import { workspaceFacts } from './lint/facts';
import { parsePath, validateWorkspace } from './validate';

interface Example {
  name: string;
  edit: (ws: Workspace) => void;
  /**
   * For the material-change rules, which compare with the last published version: that version, as an
   * edit of the clean workspace (the clean workspace itself when not given).
   */
  previous?: (ws: Workspace) => void;
}
interface FailingExample extends Example {
  /** the paths this rule must report, in order, and nothing else */
  paths: string[];
}

const HARD_TEXT =
  'Comprehensive synchronisation functionality guarantees uninterrupted accessibility, facilitating organisational continuity irrespective of technological infrastructure considerations.';

const org = (ws: Workspace) => ws.organization;
const dt = (ws: Workspace, id: string) => {
  const found = ws.dataTypes.find((d) => d.id === id);
  if (!found) throw new Error(`no data type ${id}`);
  return found;
};
const rc = (ws: Workspace, id: string) => {
  const found = ws.recipients.find((r) => r.id === id);
  if (!found) throw new Error(`no recipient ${id}`);
  return found;
};

// Consumer health data for the rules of the health laws: "App usage" marked as consumer health data, the
// state named, an appeal recorded, and the consent given.
function withHealthData(ws: Workspace, state: 'us-wa' | 'us-nv', consent?: NonNullable<Workspace['dataTypes'][number]['consent']>): void {
  org(ws).jurisdictions.push(state);
  org(ws).requests = { ...org(ws).requests, appeal: 'https://acme.example/privacy/appeal' };
  const d = dt(ws, 'app-usage');
  d.sensitivity = { ...d.sensitivity, consumerHealth: true };
  if (consent) d.consent = consent;
}

function healthPath(field: string): string {
  return `dataTypes[${cleanWorkspace().dataTypes.findIndex((d) => d.id === 'app-usage')}].${field}`;
}

function completeIncentive(): NonNullable<Workspace['financialIncentives']>[number] {
  return {
    id: 'discount',
    name: '10% off for your email address',
    summary: 'You get 10% off your first year when you give us your email address.',
    dataTypes: ['email-address'],
    optIn: 'Tick the box on the sign-up form.',
    withdraw: 'Unsubscribe with the link in any email.',
    value: '$4 a year for each subscriber.',
    valueMethod: 'What subscribers spend more than other customers, on average, over the last 12 months.',
  };
}

/** Adds US states to the workspace's jurisdictions. */
const inStates = (ws: Workspace, ...states: Workspace['organization']['jurisdictions']) => org(ws).jurisdictions.push(...states);
/** Precise location, sensitive data under every comprehensive state law. */
const preciseLocation = (): Workspace['dataTypes'][number] => ({
  id: 'location',
  name: 'Precise location',
  category: 'user.location.precise',
  source: 'automatic',
  purposes: ['provide-service'],
  benefit: 'You see the notes you wrote nearby.',
  retention: { period: { value: 30, unit: 'days' }, after: 'collection' },
  required: false,
});

// A web page (collection point 4) where the email address is entered, with a cookie of the organisation's and one of the ad network's.
function withWebPage(ws: Workspace, adCookie: Partial<NonNullable<Workspace['collectionPoints'][number]['cookies']>[number]> = {}): void {
  ws.collectionPoints.push({
    id: 'website',
    name: 'Website',
    platform: 'web',
    cookies: [
      { name: 'session', purpose: 'Keeps you signed in.', duration: 'Session', party: 'first', necessary: true },
      {
        name: 'adn_id',
        provider: 'adnet',
        purpose: 'Measures our ads.',
        duration: '13 months',
        party: 'third',
        necessary: false,
        ...adCookie,
      },
    ],
  });
  dt(ws, 'email-address').collectedAt!.push('website');
}

/** For every rule: examples that must fail it (with the exact paths reported) and examples that must pass. */
const EXAMPLES: Record<string, { fail: FailingExample[]; pass: Example[] }> = {
  'merge-conflict': {
    fail: [
      {
        name: 'two conflicts a git merge left, one about a field of a data type and one about a name',
        edit: (ws) => {
          ws.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
          ws.mergeConflicts = [
            {
              path: '/dataTypes/email-address/retention',
              where: 'Email address: retention',
              base: { period: { value: 30, unit: 'days' }, after: 'account-closure' },
              ours: { period: { value: 90, unit: 'days' }, after: 'account-closure' },
              theirs: { period: { value: 60, unit: 'days' }, after: 'account-closure' },
            },
            { path: '/organization/dpo/email', where: 'Organization: DPO email', ours: 'dpo@acme.example' },
          ];
        },
        paths: ['mergeConflicts[0]', 'mergeConflicts[1]'],
      },
    ],
    pass: [
      { name: 'no conflicts left', edit: (ws) => (ws.mergeConflicts = []) },
      { name: 'a file no merge has touched', edit: () => {} },
    ],
  },
  'financial-incentive-incomplete': {
    fail: [
      {
        name: 'an incentive with a name alone',
        edit: (ws) => (ws.financialIncentives = [{ id: 'discount', name: '10% off for your email address' }]),
        paths: [
          'financialIncentives[0].summary',
          'financialIncentives[0].dataTypes',
          'financialIncentives[0].optIn',
          'financialIncentives[0].withdraw',
          'financialIncentives[0].value',
          'financialIncentives[0].valueMethod',
        ],
      },
      {
        name: 'no good-faith estimate of the value, and no data types',
        edit: (ws) => (ws.financialIncentives = [{ ...completeIncentive(), value: ' ', dataTypes: [] }]),
        paths: ['financialIncentives[0].dataTypes', 'financialIncentives[0].value'],
      },
    ],
    pass: [
      { name: 'every part of the notice recorded', edit: (ws) => (ws.financialIncentives = [completeIncentive()]) },
      {
        name: 'not under the CCPA',
        edit: (ws) => {
          org(ws).jurisdictions = ['gdpr'];
          ws.financialIncentives = [{ id: 'discount', name: '10% off for your email address' }];
        },
      },
    ],
  },
  'consumer-health-consent-to-collect': {
    fail: [
      {
        name: 'consumer health data in Washington without consent',
        edit: (ws) => withHealthData(ws, 'us-wa'),
        paths: [healthPath('consent.collection')],
      },
      {
        name: 'health data by its category in Nevada, consent to share only',
        edit: (ws) => {
          withHealthData(ws, 'us-nv');
          delete dt(ws, 'app-usage').sensitivity;
          dt(ws, 'app-usage').category = 'user.health_and_medical';
          dt(ws, 'app-usage').consent = { sharing: true };
        },
        paths: [healthPath('consent.collection')],
      },
    ],
    pass: [
      { name: 'consent to collect recorded', edit: (ws) => withHealthData(ws, 'us-wa', { collection: true }) },
      {
        name: 'necessary for the service the person asked for',
        edit: (ws) => {
          withHealthData(ws, 'us-wa');
          dt(ws, 'app-usage').purposes = ['provide-service'];
        },
      },
      {
        name: 'neither Washington nor Nevada',
        edit: (ws) => {
          withHealthData(ws, 'us-wa');
          org(ws).jurisdictions = org(ws).jurisdictions.filter((j) => j !== 'us-wa');
        },
      },
      {
        name: 'precise location, not marked as consumer health data',
        edit: (ws) => {
          withHealthData(ws, 'us-wa');
          delete dt(ws, 'app-usage').sensitivity;
          dt(ws, 'app-usage').category = 'user.location.precise';
        },
      },
    ],
  },
  'consumer-health-consent-to-share': {
    fail: [
      {
        name: 'consumer health data given to an advertising network without consent to share',
        edit: (ws) => {
          withHealthData(ws, 'us-wa', { collection: true });
          dt(ws, 'app-usage').recipients = ['crashco', 'adnet'];
        },
        paths: [healthPath('consent.sharing')],
      },
    ],
    pass: [
      { name: 'given to processors only', edit: (ws) => withHealthData(ws, 'us-wa', { collection: true }) },
      {
        name: 'separate consent to share recorded',
        edit: (ws) => {
          withHealthData(ws, 'us-wa', { collection: true, sharing: true });
          dt(ws, 'app-usage').recipients = ['crashco', 'adnet'];
        },
      },
    ],
  },
  'consumer-health-sold': {
    fail: [
      {
        name: 'consumer health data sold',
        edit: (ws) => {
          withHealthData(ws, 'us-nv', { collection: true, sharing: true });
          dt(ws, 'app-usage').recipients = ['crashco', 'adnet'];
          rc(ws, 'adnet').sells = true;
        },
        paths: [healthPath('recipients[1]')],
      },
    ],
    pass: [
      {
        name: 'given to a third party, not sold',
        edit: (ws) => {
          withHealthData(ws, 'us-nv', { collection: true, sharing: true });
          dt(ws, 'app-usage').recipients = ['crashco', 'adnet'];
        },
      },
    ],
  },
  'consumer-health-policy-link-missing': {
    fail: [
      {
        name: 'Washington with consumer health data and no address for the policy',
        edit: (ws) => withHealthData(ws, 'us-wa', { collection: true }),
        paths: ['organization.consumerHealthPolicyUrl'],
      },
    ],
    pass: [
      {
        name: 'the policy address recorded',
        edit: (ws) => {
          withHealthData(ws, 'us-wa', { collection: true });
          org(ws).consumerHealthPolicyUrl = 'https://acme.example/consumer-health-data';
        },
      },
      { name: 'no health data law chosen', edit: (ws) => delete org(ws).consumerHealthPolicyUrl },
    ],
  },
  'consumer-health-appeal-missing': {
    fail: [
      {
        name: 'Washington with consumer health data and no appeal',
        edit: (ws) => {
          withHealthData(ws, 'us-wa', { collection: true });
          delete org(ws).requests!.appeal;
        },
        paths: ['organization.requests.appeal'],
      },
    ],
    pass: [
      { name: 'an appeal recorded', edit: (ws) => withHealthData(ws, 'us-wa', { collection: true }) },
      {
        name: 'Nevada alone, which has no appeal',
        edit: (ws) => {
          withHealthData(ws, 'us-nv', { collection: true });
          delete org(ws).requests!.appeal;
        },
      },
      {
        name: 'Virginia too, whose own rule asks for the appeal',
        edit: (ws) => {
          withHealthData(ws, 'us-wa', { collection: true });
          org(ws).jurisdictions.push('us-va');
          delete org(ws).requests!.appeal;
        },
      },
    ],
  },
  'no-contact-email': {
    fail: [{ name: 'no contact email', edit: (ws) => delete org(ws).contactEmail, paths: ['organization.contactEmail'] }],
    pass: [{ name: 'a contact email', edit: (ws) => (org(ws).contactEmail = 'hello@acme.example') }],
  },
  'no-supervisory-authority': {
    fail: [
      {
        name: 'GDPR without an authority',
        edit: (ws) => delete org(ws).supervisoryAuthority,
        paths: ['organization.supervisoryAuthority'],
      },
    ],
    pass: [
      {
        name: 'UK GDPR alone names the ICO by itself',
        edit: (ws) => {
          delete org(ws).supervisoryAuthority;
          org(ws).jurisdictions = ['uk-gdpr', 'ccpa'];
        },
      },
      {
        name: 'a controller established outside the EEA has no lead authority',
        edit: (ws) => {
          delete org(ws).supervisoryAuthority;
          org(ws).country = 'US';
          org(ws).representatives!.push({ region: 'eu', name: 'Acme EU Representative BV' });
        },
      },
    ],
  },
  'security-measures-missing': {
    fail: [
      { name: 'no security measures', edit: (ws) => delete org(ws).securityMeasures, paths: ['organization.securityMeasures'] },
      { name: 'blank security measures', edit: (ws) => (org(ws).securityMeasures = '  '), paths: ['organization.securityMeasures'] },
    ],
    pass: [
      {
        name: 'no record of processing under the CCPA alone',
        edit: (ws) => {
          delete org(ws).securityMeasures;
          org(ws).jurisdictions = ['ccpa'];
        },
      },
    ],
  },
  'no-dpo': {
    fail: [
      { name: 'no DPO', edit: (ws) => delete org(ws).dpo, paths: ['organization.dpo'] },
      { name: 'a DPO without contact details', edit: (ws) => (org(ws).dpo = { name: 'Dana Officer' }), paths: ['organization.dpo.email'] },
    ],
    pass: [
      { name: 'a DPO reachable by post only', edit: (ws) => (org(ws).dpo = { address: '1 Main Street, Dublin' }) },
      {
        name: 'no DPO under the CCPA alone',
        edit: (ws) => {
          delete org(ws).dpo;
          org(ws).jurisdictions = ['ccpa'];
        },
      },
    ],
  },
  'no-opt-out-url': {
    fail: [{ name: 'shared for ads without an opt-out link', edit: (ws) => delete org(ws).optOutUrl, paths: ['organization.optOutUrl'] }],
    pass: [
      {
        name: 'one Alternative Opt-out Link instead',
        edit: (ws) => {
          delete org(ws).optOutUrl;
          org(ws).alternativeOptOutUrl = 'https://acme.example/privacy-choices';
        },
      },
      {
        name: 'nothing sold or shared',
        edit: (ws) => {
          delete org(ws).optOutUrl;
          rc(ws, 'adnet').sharesForAds = false;
        },
      },
      {
        name: 'a recipient that shares for ads but receives no data type',
        edit: (ws) => {
          delete org(ws).optOutUrl;
          dt(ws, 'advertising-id').recipients = ['aws', 'adnet'];
          rc(ws, 'adnet').sharesForAds = false;
          ws.recipients.push({ id: 'broker', name: 'Broker', role: 'controller', country: 'IE', sells: true });
          dt(ws, 'email-address').recipients = ['aws', 'broker'];
          rc(ws, 'broker').sells = false;
        },
      },
    ],
  },
  'no-privacy-policy-url': {
    fail: [
      { name: 'CCPA without a policy address', edit: (ws) => delete org(ws).privacyPolicyUrl, paths: ['organization.privacyPolicyUrl'] },
    ],
    pass: [
      {
        name: 'GDPR alone',
        edit: (ws) => {
          delete org(ws).privacyPolicyUrl;
          org(ws).jurisdictions = ['gdpr'];
        },
      },
    ],
  },
  'missing-effective-date': {
    fail: [{ name: 'CCPA without a date', edit: (ws) => delete ws.settings.effectiveDate, paths: ['settings.effectiveDate'] }],
    pass: [
      {
        name: 'GDPR and UK GDPR without a date',
        edit: (ws) => {
          delete ws.settings.effectiveDate;
          org(ws).jurisdictions = ['gdpr', 'uk-gdpr'];
        },
      },
    ],
  },
  'audience-age-unknown': {
    fail: [{ name: 'shared for ads, age unknown', edit: (ws) => delete org(ws).audience, paths: ['organization.audience.minimumAge'] }],
    pass: [
      {
        name: 'age unknown, nothing sold or shared',
        edit: (ws) => {
          delete org(ws).audience;
          rc(ws, 'adnet').sharesForAds = false;
        },
      },
    ],
  },
  'ccpa-request-methods': {
    fail: [
      { name: 'the contact email alone', edit: (ws) => delete org(ws).requests, paths: ['organization.requests'] },
      {
        name: 'a phone number alone',
        edit: (ws) => {
          delete org(ws).contactEmail;
          delete org(ws).requests!.email;
        },
        paths: ['organization.requests'],
      },
      {
        name: 'two ways, but no toll-free number',
        edit: (ws) => (org(ws).requests = { webFormUrl: 'https://acme.example/privacy-request' }),
        paths: ['organization.requests'],
      },
      {
        name: 'only online, but no email at all',
        edit: (ws) => {
          delete org(ws).contactEmail;
          org(ws).requests = { onlineOnly: true, webFormUrl: 'https://acme.example/privacy-request' };
        },
        paths: ['organization.requests'],
      },
    ],
    pass: [
      { name: 'a phone number and a request email of its own, without a contact email', edit: (ws) => delete org(ws).contactEmail },
      {
        name: 'a phone number, and the contact email counts as the request email',
        edit: (ws) => delete org(ws).requests!.email,
      },
      {
        name: 'only online with a direct relationship: the contact email is enough',
        edit: (ws) => (org(ws).requests = { onlineOnly: true }),
      },
      {
        name: 'not under the CCPA',
        edit: (ws) => {
          delete org(ws).requests;
          org(ws).jurisdictions = ['gdpr', 'uk-gdpr'];
        },
      },
    ],
  },
  'ccpa-limit-link-missing': {
    fail: [
      {
        name: 'precise location without a Limit link',
        edit: (ws) => (dt(ws, 'ip-address').category = 'user.location.precise'),
        paths: ['organization.limitUseUrl'],
      },
    ],
    pass: [
      {
        name: 'a Limit link',
        edit: (ws) => {
          dt(ws, 'ip-address').category = 'user.location.precise';
          org(ws).limitUseUrl = 'https://acme.example/limit-use';
        },
      },
      {
        name: 'one Alternative Opt-out Link',
        edit: (ws) => {
          dt(ws, 'ip-address').category = 'user.location.precise';
          delete org(ws).optOutUrl;
          org(ws).alternativeOptOutUrl = 'https://acme.example/privacy-choices';
        },
      },
      {
        name: 'used only for the purposes of 11 CCR 7027(m)',
        edit: (ws) => {
          dt(ws, 'ip-address').category = 'user.location.precise';
          org(ws).usPrivacy = { ...org(ws).usPrivacy, sensitiveUseLimited: true };
        },
      },
    ],
  },
  'opt-out-signals-not-honoured': {
    fail: [
      {
        name: 'shared for ads, signals not recorded',
        edit: (ws) => delete org(ws).usPrivacy!.optOutSignals,
        paths: ['organization.usPrivacy.optOutSignals'],
      },
      {
        name: 'shared for ads, signals refused',
        edit: (ws) => (org(ws).usPrivacy!.optOutSignals = false),
        paths: ['organization.usPrivacy.optOutSignals'],
      },
    ],
    pass: [
      {
        name: 'nothing sold or shared',
        edit: (ws) => {
          delete org(ws).usPrivacy!.optOutSignals;
          rc(ws, 'adnet').sharesForAds = false;
        },
      },
    ],
  },
  'sale-under-16-unknown': {
    fail: [
      {
        name: 'shared for ads, not recorded, audience from 13',
        edit: (ws) => {
          delete org(ws).usPrivacy!.sellsUnder16;
          org(ws).audience = { minimumAge: 13 };
        },
        paths: ['organization.usPrivacy.sellsUnder16'],
      },
    ],
    pass: [
      { name: 'recorded as yes, with opt-in', edit: (ws) => (org(ws).usPrivacy!.sellsUnder16 = true) },
      {
        name: 'not recorded, but the product is for people 16 and over',
        edit: (ws) => {
          delete org(ws).usPrivacy!.sellsUnder16;
          org(ws).audience = { minimumAge: 18 };
        },
      },
      {
        name: 'nothing sold or shared',
        edit: (ws) => {
          delete org(ws).usPrivacy!.sellsUnder16;
          rc(ws, 'adnet').sharesForAds = false;
        },
      },
    ],
  },
  'do-not-track-unset': {
    fail: [
      {
        name: 'a website without a Do Not Track answer',
        edit: (ws) => ws.collectionPoints.push({ id: 'web-sign-up', name: 'Sign-up (web)', platform: 'web' }),
        paths: ['organization.usPrivacy.doNotTrack'],
      },
    ],
    pass: [
      {
        name: 'a website that says it does not respond',
        edit: (ws) => {
          ws.collectionPoints.push({ id: 'web-sign-up', name: 'Sign-up (web)', platform: 'web' });
          org(ws).usPrivacy = { ...org(ws).usPrivacy, doNotTrack: 'not-honoured' };
        },
      },
      {
        name: 'no website',
        edit: (ws) => delete org(ws).usPrivacy!.doNotTrack,
      },
    ],
  },
  'do-not-track-contradicted': {
    fail: [
      {
        name: 'Do Not Track honoured while the advertising ID is collected on the website and shared for ads',
        edit: (ws) => {
          ws.collectionPoints.push({ id: 'web-sign-up', name: 'Sign-up (web)', platform: 'web' });
          dt(ws, 'advertising-id').collectedAt = ['att-prompt', 'web-sign-up'];
          org(ws).usPrivacy = { ...org(ws).usPrivacy, doNotTrack: 'honoured' };
        },
        paths: ['organization.usPrivacy.doNotTrack'],
      },
    ],
    pass: [
      {
        name: 'honoured, and nothing collected on the website is shared for ads or used for tracking',
        edit: (ws) => {
          ws.collectionPoints.push({ id: 'web-sign-up', name: 'Sign-up (web)', platform: 'web' });
          dt(ws, 'email-address').collectedAt = ['signup-ios', 'web-sign-up'];
          org(ws).usPrivacy = { ...org(ws).usPrivacy, doNotTrack: 'honoured' };
        },
      },
      {
        name: 'not honoured, and the notice says so',
        edit: (ws) => {
          ws.collectionPoints.push({ id: 'web-sign-up', name: 'Sign-up (web)', platform: 'web' });
          dt(ws, 'advertising-id').collectedAt = ['att-prompt', 'web-sign-up'];
          org(ws).usPrivacy = { ...org(ws).usPrivacy, doNotTrack: 'not-honoured' };
        },
      },
    ],
  },
  'missing-lawful-basis': {
    fail: [{ name: 'no basis under the GDPR', edit: (ws) => delete ws.purposes[0].lawfulBasis, paths: ['purposes[0].lawfulBasis'] }],
    pass: [
      {
        name: 'no basis under the CCPA alone, which has none',
        edit: (ws) => {
          delete ws.purposes[0].lawfulBasis;
          org(ws).jurisdictions = ['ccpa'];
        },
      },
    ],
  },
  'legitimate-interest-missing': {
    fail: [
      { name: 'no interest', edit: (ws) => delete ws.purposes[2].legitimateInterest, paths: ['purposes[2].legitimateInterest'] },
      {
        name: 'an interest of spaces only',
        edit: (ws) => (ws.purposes[2].legitimateInterest = '   '),
        paths: ['purposes[2].legitimateInterest'],
      },
    ],
    pass: [
      { name: 'the interest named', edit: (ws) => (ws.purposes[2].legitimateInterest = 'Keeping the service running.') },
      { name: 'another basis needs no interest', edit: (ws) => (ws.purposes[0].lawfulBasis = 'contract') },
    ],
  },
  'automated-decision-without-ground': {
    fail: [
      {
        name: 'a decision without a ground',
        edit: (ws) => (ws.purposes[0].automatedDecision = { logic: 'We check the card.', consequences: 'We refuse the order.' }),
        paths: ['purposes[0].automatedDecision.ground'],
      },
      {
        name: 'a decision on legitimate interests alone',
        edit: (ws) => (ws.purposes[2].automatedDecision = { logic: 'We score the sign-in.', consequences: 'We lock the account.' }),
        paths: ['purposes[2].automatedDecision.ground'],
      },
    ],
    pass: [
      {
        name: 'a decision necessary for the contract',
        edit: (ws) =>
          (ws.purposes[2].automatedDecision = { logic: 'We score the sign-in.', consequences: 'We lock the account.', ground: 'contract' }),
      },
      {
        name: 'no GDPR or UK GDPR',
        edit: (ws) => {
          ws.purposes[0].automatedDecision = { logic: 'We check the card.', consequences: 'We refuse the order.' };
          org(ws).jurisdictions = ['ccpa'];
        },
      },
    ],
  },
  'automated-decision-special-category': {
    fail: [
      {
        name: 'health data under a health-care condition in a decision',
        edit: (ws) => {
          Object.assign(dt(ws, 'app-usage'), { category: 'user.health_and_medical', specialCondition: 'health-care' });
          ws.purposes[1].automatedDecision = {
            logic: 'We score your health.',
            consequences: 'We refuse cover.',
            ground: 'explicit-consent',
          };
        },
        paths: ['purposes[1].automatedDecision'],
      },
    ],
    pass: [
      {
        name: 'health data with explicit consent',
        edit: (ws) => {
          Object.assign(dt(ws, 'app-usage'), { category: 'user.health_and_medical', specialCondition: 'explicit-consent' });
          ws.purposes[1].automatedDecision = {
            logic: 'We score your health.',
            consequences: 'We refuse cover.',
            ground: 'explicit-consent',
          };
        },
      },
      {
        name: 'health data used by a purpose that makes no decision',
        edit: (ws) => Object.assign(dt(ws, 'app-usage'), { category: 'user.health_and_medical', specialCondition: 'health-care' }),
      },
    ],
  },
  'profiling-not-flagged': {
    fail: [
      {
        name: 'targeted advertising marked as not profiling',
        edit: (ws) => Object.assign(ws.purposes[3], { use: 'marketing.advertising.third_party.targeted', profiling: false }),
        paths: ['purposes[3].profiling'],
      },
      {
        name: 'general personalisation, not said either way',
        edit: (ws) => (ws.purposes[1].use = 'personalize.content'),
        paths: ['purposes[1].profiling'],
      },
      {
        name: 'named after advertising, with no data use',
        edit: (ws) => Object.assign(ws.purposes[3], { use: undefined, name: 'Personalised ads' }),
        paths: ['purposes[3].use'],
      },
    ],
    pass: [
      {
        name: 'targeted advertising, profiling derived from the use',
        edit: (ws) => (ws.purposes[3].use = 'marketing.advertising.third_party.targeted'),
      },
      {
        name: 'general personalisation said not to profile',
        edit: (ws) => Object.assign(ws.purposes[1], { use: 'personalize.content', profiling: false }),
      },
      {
        name: 'contextual advertising, which does not profile',
        edit: (ws) => (ws.purposes[3].use = 'marketing.advertising.first_party.contextual'),
      },
      {
        name: 'fraud detection said to profile',
        edit: (ws) => Object.assign(ws.purposes[2], { use: 'essential.fraud_detection', profiling: true }),
      },
      { name: 'a name that does not suggest profiling, without a use', edit: (ws) => delete ws.purposes[1].use },
    ],
  },
  'transfer-without-safeguard': {
    fail: [
      {
        name: 'US without a safeguard',
        edit: (ws) => delete rc(ws, 'crashco').transferSafeguard,
        paths: ['recipients[1].transferSafeguard'],
      },
      { name: 'US with "none"', edit: (ws) => (rc(ws, 'crashco').transferSafeguard = 'none'), paths: ['recipients[1].transferSafeguard'] },
      {
        name: 'India has no adequacy decision',
        edit: (ws) => {
          org(ws).jurisdictions = ['gdpr'];
          rc(ws, 'aws').country = 'IN';
        },
        paths: ['recipients[0].transferSafeguard'],
      },
      {
        name: 'the EU clauses alone for a UK transfer',
        edit: (ws) => delete rc(ws, 'crashco').ukTransferSafeguard,
        paths: ['recipients[1].transferSafeguard'],
      },
      {
        name: 'a UK instrument for an EU transfer',
        edit: (ws) => Object.assign(rc(ws, 'crashco'), { transferSafeguard: 'idta', ukTransferSafeguard: 'idta' }),
        paths: ['recipients[1].transferSafeguard'],
      },
      {
        name: 'a US recipient not certified for the UK, with no UK mechanism',
        edit: (ws) =>
          Object.assign(rc(ws, 'crashco'), { dpf: { eu: true, uk: false }, transferSafeguard: undefined, ukTransferSafeguard: undefined }),
        paths: ['recipients[1].transferSafeguard'],
      },
    ],
    pass: [
      { name: 'Norway is in the EEA', edit: (ws) => Object.assign(rc(ws, 'crashco'), { country: 'NO', transferSafeguard: undefined }) },
      {
        name: 'the UK is a third country for the GDPR, and adequate',
        edit: (ws) => {
          org(ws).jurisdictions = ['gdpr'];
          rc(ws, 'aws').country = 'GB';
        },
      },
      {
        name: 'Switzerland is adequate under both, with no mechanism recorded',
        edit: (ws) => Object.assign(rc(ws, 'crashco'), { country: 'CH', transferSafeguard: undefined, ukTransferSafeguard: undefined }),
      },
      {
        name: 'a US recipient certified under the DPF and its UK Extension',
        edit: (ws) =>
          Object.assign(rc(ws, 'crashco'), { dpf: { eu: true, uk: true }, transferSafeguard: undefined, ukTransferSafeguard: undefined }),
      },
      {
        name: 'the IDTA for the UK beside the EU clauses',
        edit: (ws) => (rc(ws, 'crashco').ukTransferSafeguard = 'idta'),
      },
      {
        name: 'the UK under the UK GDPR',
        edit: (ws) => {
          org(ws).jurisdictions = ['uk-gdpr'];
          rc(ws, 'aws').country = 'GB';
        },
      },
      {
        name: 'a US recipient under the CCPA alone',
        edit: (ws) => {
          org(ws).jurisdictions = ['ccpa'];
          delete rc(ws, 'crashco').transferSafeguard;
        },
      },
    ],
  },
  'adequacy-claimed-without-decision': {
    fail: [
      {
        name: 'adequacy for India',
        edit: (ws) => Object.assign(rc(ws, 'crashco'), { country: 'IN', transferSafeguard: 'adequacy', ukTransferSafeguard: undefined }),
        paths: ['recipients[1].transferSafeguard'],
      },
      {
        name: 'adequacy for Brazil, whose decision is only a draft',
        edit: (ws) => {
          org(ws).jurisdictions = ['gdpr'];
          Object.assign(rc(ws, 'crashco'), { country: 'BR', transferSafeguard: 'adequacy' });
        },
        paths: ['recipients[1].transferSafeguard'],
      },
      {
        name: 'adequacy for the UK transfer only, to India',
        edit: (ws) => Object.assign(rc(ws, 'crashco'), { country: 'IN', ukTransferSafeguard: 'adequacy' }),
        paths: ['recipients[1].ukTransferSafeguard'],
      },
    ],
    pass: [
      {
        name: 'adequacy for Japan',
        edit: (ws) => Object.assign(rc(ws, 'crashco'), { country: 'JP', transferSafeguard: 'adequacy', ukTransferSafeguard: undefined }),
      },
      {
        name: 'adequacy for Korea under the GDPR alone',
        edit: (ws) => {
          org(ws).jurisdictions = ['gdpr'];
          Object.assign(rc(ws, 'crashco'), { country: 'KR', transferSafeguard: 'adequacy' });
        },
      },
    ],
  },
  'adequacy-without-certification': {
    fail: [
      {
        name: 'a US recipient marked adequate, certification not recorded',
        edit: (ws) => Object.assign(rc(ws, 'crashco'), { transferSafeguard: 'adequacy', ukTransferSafeguard: undefined }),
        paths: ['recipients[1].transferSafeguard'],
      },
      {
        name: 'certified under the DPF, but not its UK Extension',
        edit: (ws) =>
          Object.assign(rc(ws, 'crashco'), { dpf: { eu: true, uk: false }, transferSafeguard: 'adequacy', ukTransferSafeguard: undefined }),
        paths: ['recipients[1].transferSafeguard'],
      },
    ],
    pass: [
      {
        name: 'certified under both',
        edit: (ws) =>
          Object.assign(rc(ws, 'crashco'), { dpf: { eu: true, uk: true }, transferSafeguard: 'adequacy', ukTransferSafeguard: undefined }),
      },
      {
        name: 'certified for the EU, the IDTA for the UK',
        edit: (ws) => Object.assign(rc(ws, 'crashco'), { dpf: { eu: true }, transferSafeguard: 'adequacy', ukTransferSafeguard: 'idta' }),
      },
    ],
  },
  'transfer-derogation-unnamed': {
    fail: [
      {
        name: 'a derogation without its point',
        edit: (ws) => Object.assign(rc(ws, 'crashco'), { transferSafeguard: 'derogation', ukTransferSafeguard: undefined }),
        paths: ['recipients[1].transferDerogation'],
      },
    ],
    pass: [
      {
        name: 'a derogation for a contract with the person',
        edit: (ws) =>
          Object.assign(rc(ws, 'crashco'), {
            transferSafeguard: 'derogation',
            ukTransferSafeguard: undefined,
            transferDerogation: 'contract-with-person',
          }),
      },
      {
        name: 'a derogation for a country that is adequate anyway',
        edit: (ws) => Object.assign(rc(ws, 'crashco'), { country: 'CH', transferSafeguard: 'derogation', ukTransferSafeguard: undefined }),
      },
    ],
  },
  'controller-country-missing': {
    fail: [{ name: 'no country', edit: (ws) => delete org(ws).country, paths: ['organization.country'] }],
    pass: [
      { name: 'a country', edit: (ws) => (org(ws).country = 'FR') },
      {
        name: 'the CCPA alone',
        edit: (ws) => {
          delete org(ws).country;
          org(ws).jurisdictions = ['ccpa'];
        },
      },
    ],
  },
  'representative-missing': {
    fail: [
      {
        name: 'an EU controller under the UK GDPR without a UK representative',
        edit: (ws) => delete org(ws).representatives,
        paths: ['organization.representatives'],
      },
      {
        name: 'a US controller with a UK representative but none in the EU',
        edit: (ws) => {
          org(ws).country = 'US';
          delete org(ws).supervisoryAuthority;
        },
        paths: ['organization.representatives'],
      },
      {
        name: 'a US controller with no representative at all',
        edit: (ws) => {
          org(ws).country = 'US';
          delete org(ws).supervisoryAuthority;
          delete org(ws).representatives;
        },
        paths: ['organization.representatives', 'organization.representatives'],
      },
    ],
    pass: [
      {
        name: 'a UK controller under the UK GDPR alone',
        edit: (ws) => {
          org(ws).country = 'GB';
          org(ws).jurisdictions = ['uk-gdpr', 'ccpa'];
          delete org(ws).representatives;
        },
      },
      {
        name: 'a US controller with both representatives',
        edit: (ws) => {
          org(ws).country = 'US';
          delete org(ws).supervisoryAuthority;
          org(ws).representatives!.push({ region: 'eu', name: 'Acme EU Representative BV' });
        },
      },
      {
        name: 'a German controller under the GDPR alone',
        edit: (ws) => {
          org(ws).jurisdictions = ['gdpr', 'ccpa'];
          org(ws).country = 'DE';
          delete org(ws).representatives;
        },
      },
    ],
  },
  'lead-authority-outside-eu': {
    fail: [
      {
        name: 'a US controller naming a lead authority',
        edit: (ws) => {
          org(ws).country = 'US';
          org(ws).representatives!.push({ region: 'eu', name: 'Acme EU Representative BV' });
        },
        paths: ['organization.supervisoryAuthority'],
      },
    ],
    pass: [
      { name: 'an Irish controller naming its lead authority', edit: (ws) => (org(ws).country = 'IE') },
      {
        name: 'a US controller under the UK GDPR alone naming the ICO',
        edit: (ws) => {
          org(ws).country = 'US';
          org(ws).jurisdictions = ['uk-gdpr'];
          org(ws).supervisoryAuthority = { name: "Information Commissioner's Office" };
        },
      },
    ],
  },
  'recipient-role-missing': {
    fail: [{ name: 'no role', edit: (ws) => delete rc(ws, 'aws').role, paths: ['recipients[0].role'] }],
    pass: [{ name: 'a public authority', edit: (ws) => (rc(ws, 'aws').role = 'public-authority') }],
  },
  'recipient-country-unknown': {
    fail: [{ name: 'a processor without a country', edit: (ws) => delete rc(ws, 'aws').country, paths: ['recipients[0].country'] }],
    pass: [
      {
        name: 'a controller without a country',
        edit: (ws) => delete rc(ws, 'adnet').country,
      },
    ],
  },
  'empty-inventory': {
    fail: [
      {
        name: 'no data types',
        edit: (ws) => {
          ws.dataTypes = [];
        },
        paths: ['dataTypes'],
      },
    ],
    pass: [{ name: 'one data type', edit: (ws) => (ws.dataTypes = [ws.dataTypes[0]]) }],
  },
  'unused-purpose': {
    fail: [
      {
        name: 'a purpose nothing uses',
        edit: (ws) =>
          void ws.purposes.push({ id: 'newsletter', name: 'Newsletter', use: 'marketing.communications.email', lawfulBasis: 'consent' }),
        paths: ['purposes[4]'],
      },
    ],
    pass: [
      {
        name: 'the purpose in use',
        edit: (ws) => {
          ws.purposes.push({ id: 'newsletter', name: 'Newsletter', use: 'marketing.communications.email', lawfulBasis: 'consent' });
          dt(ws, 'app-usage').purposes.push('newsletter');
        },
      },
    ],
  },
  'unused-recipient': {
    fail: [
      {
        name: 'a recipient nothing goes to',
        edit: (ws) => void ws.recipients.push({ id: 'mailer', name: 'Mailer', role: 'processor', country: 'IE' }),
        paths: ['recipients[3]'],
      },
    ],
    pass: [
      {
        name: 'the recipient in use',
        edit: (ws) => {
          ws.recipients.push({ id: 'mailer', name: 'Mailer', role: 'processor', country: 'IE' });
          dt(ws, 'email-address').recipients!.push('mailer');
        },
      },
    ],
  },
  'unused-collection-point': {
    fail: [
      {
        name: 'a point where nothing is collected',
        edit: (ws) => void ws.collectionPoints.push({ id: 'web', name: 'Website', platform: 'web' }),
        paths: ['collectionPoints[4]'],
      },
    ],
    pass: [
      {
        name: 'the point in use',
        edit: (ws) => {
          ws.collectionPoints.push({ id: 'web', name: 'Website', platform: 'web' });
          dt(ws, 'email-address').collectedAt!.push('web');
        },
      },
    ],
  },
  'collected-nowhere': {
    fail: [{ name: 'no collection point', edit: (ws) => delete dt(ws, 'ip-address').collectedAt, paths: ['dataTypes[2].collectedAt'] }],
    pass: [{ name: 'a backend collection point', edit: (ws) => (dt(ws, 'ip-address').collectedAt = ['servers']) }],
  },
  'missing-benefit': {
    fail: [
      { name: 'no benefit', edit: (ws) => delete dt(ws, 'email-address').benefit, paths: ['dataTypes[0].benefit'] },
      { name: 'a blank benefit', edit: (ws) => (dt(ws, 'app-usage').benefit = ' \n'), paths: ['dataTypes[1].benefit'] },
    ],
    pass: [{ name: 'a one-line benefit', edit: (ws) => (dt(ws, 'email-address').benefit = 'Your notes follow you.') }],
  },
  'missing-retention': {
    fail: [{ name: 'no retention', edit: (ws) => delete dt(ws, 'email-address').retention, paths: ['dataTypes[0].retention'] }],
    pass: [{ name: 'criteria alone', edit: (ws) => (dt(ws, 'email-address').retention = { criteria: 'As long as tax law requires.' }) }],
  },
  'open-ended-retention': {
    fail: [
      {
        name: '"until no longer needed" and nothing else',
        edit: (ws) => (dt(ws, 'email-address').retention = { after: 'purpose-fulfilled' }),
        paths: ['dataTypes[0].retention.criteria'],
      },
      {
        name: 'a period after "no longer needed"',
        edit: (ws) => (dt(ws, 'email-address').retention = { period: { value: 30, unit: 'days' }, after: 'purpose-fulfilled' }),
        paths: ['dataTypes[0].retention.criteria'],
      },
    ],
    pass: [
      {
        name: '"until no longer needed" with criteria',
        edit: (ws) => (dt(ws, 'email-address').retention = { after: 'purpose-fulfilled', criteria: 'Until you remove the contact.' }),
      },
      { name: 'until account closure', edit: (ws) => (dt(ws, 'email-address').retention = { after: 'account-closure' }) },
    ],
  },
  'special-category-without-condition': {
    fail: [
      {
        name: 'health data without a condition',
        edit: (ws) =>
          void ws.dataTypes.push({
            ...cleanWorkspace().dataTypes[1],
            id: 'heart-rate',
            name: 'Heart rate',
            category: 'user.biometric.health',
          }),
        paths: ['dataTypes[4].specialCondition'],
      },
      {
        name: 'data marked special by hand',
        edit: (ws) => (dt(ws, 'email-address').sensitivity = { gdprSpecial: true }),
        paths: ['dataTypes[0].specialCondition'],
      },
    ],
    pass: [
      {
        name: 'health data on explicit consent',
        edit: (ws) =>
          void ws.dataTypes.push({
            ...cleanWorkspace().dataTypes[1],
            id: 'heart-rate',
            name: 'Heart rate',
            category: 'user.biometric.health',
            specialCondition: 'explicit-consent',
          }),
      },
      {
        name: 'health data under the CCPA alone',
        edit: (ws) => {
          org(ws).jurisdictions = ['ccpa'];
          ws.dataTypes.push({ ...cleanWorkspace().dataTypes[1], id: 'heart-rate', name: 'Heart rate', category: 'user.biometric.health' });
        },
      },
    ],
  },
  'special-condition-not-needed': {
    fail: [
      {
        name: 'a condition on an email address',
        edit: (ws) => (dt(ws, 'email-address').specialCondition = 'explicit-consent'),
        paths: ['dataTypes[0].specialCondition'],
      },
    ],
    pass: [
      {
        name: 'a condition on data marked special',
        edit: (ws) => Object.assign(dt(ws, 'email-address'), { specialCondition: 'explicit-consent', sensitivity: { gdprSpecial: true } }),
      },
    ],
  },
  'missing-source': {
    fail: [{ name: 'no source', edit: (ws) => delete dt(ws, 'app-usage').source, paths: ['dataTypes[1].source'] }],
    pass: [{ name: 'a source', edit: (ws) => (dt(ws, 'app-usage').source = 'user') }],
  },
  'missing-source-detail': {
    fail: [
      { name: 'a third party, unnamed', edit: (ws) => (dt(ws, 'app-usage').source = 'third-party'), paths: ['dataTypes[1].sourceDetail'] },
    ],
    pass: [
      {
        name: 'a third party, named',
        edit: (ws) => Object.assign(dt(ws, 'app-usage'), { source: 'third-party', sourceDetail: 'Garmin Connect, when you link it.' }),
      },
    ],
  },
  'required-unset': {
    fail: [
      {
        name: 'data the person provides, under the GDPR',
        edit: (ws) => delete dt(ws, 'email-address').required,
        paths: ['dataTypes[0].required'],
      },
      {
        name: 'data declared to Google Play, under the CCPA alone',
        edit: (ws) => {
          org(ws).jurisdictions = ['ccpa'];
          delete dt(ws, 'app-usage').required;
        },
        paths: ['dataTypes[1].required'],
      },
    ],
    pass: [
      {
        name: 'observed data that Google Play does not list',
        edit: (ws) => {
          delete dt(ws, 'app-usage').required;
          dt(ws, 'app-usage').classification = { play: 'none' };
        },
      },
    ],
  },
  'missing-consequence': {
    fail: [
      {
        name: 'required, no consequence',
        edit: (ws) => delete dt(ws, 'email-address').consequenceIfNotProvided,
        paths: ['dataTypes[0].consequenceIfNotProvided'],
      },
    ],
    pass: [
      {
        name: 'optional, no consequence',
        edit: (ws) => {
          delete dt(ws, 'email-address').consequenceIfNotProvided;
          dt(ws, 'email-address').required = false;
        },
      },
      { name: 'required observed data', edit: (ws) => delete dt(ws, 'ip-address').consequenceIfNotProvided },
    ],
  },
  'consent-on-required-data': {
    fail: [
      {
        name: 'required for the service, also used on consent',
        edit: (ws) => dt(ws, 'email-address').purposes.push('analytics'),
        paths: ['dataTypes[0].purposes'],
      },
      {
        name: 'required, and only ever used on consent',
        edit: (ws) => (dt(ws, 'app-usage').required = true),
        paths: ['dataTypes[1].purposes'],
      },
    ],
    pass: [
      {
        name: 'optional data used on consent and contract',
        edit: (ws) => {
          dt(ws, 'email-address').purposes.push('analytics');
          dt(ws, 'email-address').required = false;
        },
      },
    ],
  },
  'in-app-over-budget': {
    fail: [
      {
        name: 'a short text over the default 120',
        edit: (ws) => (dt(ws, 'email-address').inApp = { short: 'Sign in anywhere. '.repeat(8).trim() }),
        paths: ['dataTypes[0].inApp.short'],
      },
      {
        name: 'a long text over a budget the team set',
        edit: (ws) => {
          ws.settings.inAppLimits = { long: 50 };
          dt(ws, 'app-usage').inApp = { long: 'We count taps to fix the screens people use the most.' };
        },
        paths: ['dataTypes[1].inApp.long'],
      },
    ],
    pass: [
      {
        name: 'the same text with a bigger budget',
        edit: (ws) => {
          ws.settings.inAppLimits = { short: 200 };
          dt(ws, 'email-address').inApp = { short: 'Sign in anywhere. '.repeat(8).trim() };
        },
      },
      { name: 'surrounding spaces do not count', edit: (ws) => (dt(ws, 'email-address').inApp = { short: `   ${'a'.repeat(120)}   ` }) },
    ],
  },
  'in-app-text-does-not-fit': {
    fail: [
      {
        name: 'no complete short text fits a budget of 40',
        edit: (ws) => (ws.settings.inAppLimits = { short: 40 }),
        // The advertising identifier has a hand-written short text, and 40 characters are enough for none of the others.
        paths: ['dataTypes[0].inApp.short', 'dataTypes[1].inApp.short', 'dataTypes[2].inApp.short'],
      },
      {
        name: 'sale and opt-out leave no room for a disclosure of 150',
        edit: (ws) => (ws.settings.inAppLimits = { long: 150 }),
        paths: ['collectionPoints[1]', 'collectionPoints[2]', 'dataTypes[3].inApp.long'],
      },
      {
        name: 'without its hand-written text, data shared for advertising has no short text within 120',
        edit: (ws) => delete dt(ws, 'advertising-id').inApp,
        paths: ['dataTypes[3].inApp.short'],
      },
    ],
    pass: [
      { name: 'a budget with room', edit: (ws) => (ws.settings.inAppLimits = { short: 100, long: 350 }) },
      {
        name: 'hand-written texts where nothing generated fits',
        edit: (ws) => {
          ws.settings.inAppLimits = { short: 40 };
          for (const d of ws.dataTypes) d.inApp = { ...d.inApp, short: 'We use it as our notice says.' };
        },
      },
    ],
  },
  'in-app-opt-out-unknown': {
    fail: [
      {
        name: 'shared for advertising outside the CCPA, with no opt-out page',
        edit: (ws) => {
          org(ws).jurisdictions = ['gdpr', 'uk-gdpr'];
          delete org(ws).optOutUrl;
        },
        paths: ['organization.optOutUrl'],
      },
    ],
    pass: [
      { name: 'an opt-out page outside the CCPA', edit: (ws) => (org(ws).jurisdictions = ['gdpr', 'uk-gdpr']) },
      {
        name: 'under the CCPA the texts offer the contact email, and no-opt-out-url asks for the page',
        edit: (ws) => delete org(ws).optOutUrl,
      },
      {
        name: 'nothing sold or shared',
        edit: (ws) => {
          org(ws).jurisdictions = ['gdpr', 'uk-gdpr'];
          delete org(ws).optOutUrl;
          rc(ws, 'adnet').sharesForAds = false;
        },
      },
    ],
  },
  'hard-to-read': {
    fail: [
      { name: 'a hard benefit', edit: (ws) => (dt(ws, 'email-address').benefit = HARD_TEXT), paths: ['dataTypes[0].benefit'] },
      { name: 'a hard in-app text', edit: (ws) => (dt(ws, 'app-usage').inApp = { long: HARD_TEXT }), paths: ['dataTypes[1].inApp.long'] },
    ],
    pass: [
      { name: 'plain words', edit: (ws) => (dt(ws, 'app-usage').inApp = { long: 'We count taps. It helps us fix the screens you use.' }) },
    ],
  },
  'tracking-without-domains': {
    fail: [
      {
        name: 'the recipient lists no domain',
        edit: (ws) => delete rc(ws, 'adnet').trackingDomains,
        paths: ['recipients[2].trackingDomains'],
      },
      { name: 'no recipient at all', edit: (ws) => delete dt(ws, 'advertising-id').recipients, paths: ['dataTypes[3].recipients'] },
    ],
    pass: [
      {
        name: 'no domain, but nothing tracks',
        edit: (ws) => {
          delete rc(ws, 'adnet').trackingDomains;
          dt(ws, 'advertising-id').tracking = false;
        },
      },
      {
        name: 'no domain, tracking only in the Android app',
        edit: (ws) => {
          delete rc(ws, 'adnet').trackingDomains;
          dt(ws, 'advertising-id').collectedAt = ['signup-android'];
        },
      },
      {
        name: 'no domain, no iOS app',
        edit: (ws) => {
          delete rc(ws, 'adnet').trackingDomains;
          ws.collectionPoints = ws.collectionPoints.filter((c) => c.platform !== 'ios');
          for (const d of ws.dataTypes) d.collectedAt = d.collectedAt?.filter((id) => !['signup-ios', 'att-prompt'].includes(id));
        },
      },
    ],
  },
  'cookie-incomplete': {
    fail: [
      {
        name: 'a cookie with a name alone, and one without a name',
        edit: (ws) => {
          withWebPage(ws);
          ws.collectionPoints[4].cookies!.push(
            { name: '_ga' },
            { name: ' ', purpose: 'Counts visits.', duration: '2 years', party: 'first', necessary: false },
          );
        },
        paths: ['collectionPoints[4].cookies[2].purpose', 'collectionPoints[4].cookies[3].name'],
      },
    ],
    pass: [
      { name: 'every field given, including "not strictly necessary"', edit: (ws) => withWebPage(ws) },
      { name: 'no cookies at all', edit: () => {} },
    ],
  },
  'tracker-without-cookie': {
    fail: [
      {
        name: "the ad network's data is no longer collected in the apps, and no cookie names it",
        edit: (ws) => (dt(ws, 'advertising-id').collectedAt = ['servers']),
        paths: ['recipients[2].trackingDomains'],
      },
      {
        name: 'a pixel with tracking domains that nothing sets',
        edit: (ws) =>
          ws.recipients.push({ id: 'pixelco', name: 'Pixel Co', role: 'controller', country: 'IE', trackingDomains: ['px.example'] }),
        paths: ['recipients[3].trackingDomains'],
      },
    ],
    pass: [
      { name: 'its SDK receives the advertising ID collected in the apps', edit: () => {} },
      {
        name: 'not in the apps, but a web page lists its cookie',
        edit: (ws) => {
          dt(ws, 'advertising-id').collectedAt = ['servers'];
          withWebPage(ws);
        },
      },
      {
        name: 'a recipient without tracking domains',
        edit: (ws) => ws.recipients.push({ id: 'pixelco', name: 'Pixel Co', role: 'controller', country: 'IE' }),
      },
    ],
  },
  'third-party-cookie-without-consent': {
    fail: [
      {
        name: 'an ad cookie where only the email address (a contract purpose) is collected',
        edit: (ws) => withWebPage(ws),
        paths: ['collectionPoints[4].cookies[1]'],
      },
      {
        name: 'a third-party cookie not marked either way',
        edit: (ws) => withWebPage(ws, { necessary: undefined }),
        paths: ['collectionPoints[4].cookies[1]'],
      },
    ],
    pass: [
      {
        name: 'the advertising ID, for a purpose based on consent, is collected there too',
        edit: (ws) => {
          withWebPage(ws);
          dt(ws, 'advertising-id').collectedAt!.push('website');
        },
      },
      {
        name: 'consent to collection is recorded on a data type collected there',
        edit: (ws) => {
          withWebPage(ws);
          dt(ws, 'email-address').consent = { collection: true, how: 'The cookie banner asks before any ad cookie is set.' };
        },
      },
      { name: 'the cookie is strictly necessary', edit: (ws) => withWebPage(ws, { necessary: true }) },
      { name: 'a first-party analytics cookie', edit: (ws) => withWebPage(ws, { party: 'first' }) },
      {
        name: 'neither the GDPR nor the UK GDPR applies',
        edit: (ws) => {
          withWebPage(ws);
          org(ws).jurisdictions = ['ccpa'];
        },
      },
    ],
  },
  'tracking-recipients-all-processors': {
    fail: [
      {
        name: 'tracking data that only a host receives',
        edit: (ws) => {
          dt(ws, 'advertising-id').recipients = ['aws'];
          rc(ws, 'aws').trackingDomains = ['aws.example'];
        },
        paths: ['dataTypes[3].tracking'],
      },
    ],
    pass: [
      { name: 'a host and the ad network', edit: (ws) => (dt(ws, 'advertising-id').recipients = ['aws', 'adnet']) },
      {
        name: 'only a host, but tracking only in the Android app, which Apple is not told about',
        edit: (ws) => Object.assign(dt(ws, 'advertising-id'), { recipients: ['aws'], collectedAt: ['signup-android'] }),
      },
    ],
  },
  'required-reason-apis-missing': {
    fail: [
      {
        name: 'an iOS app without any declared API',
        edit: (ws) => delete (ws.settings as Record<string, unknown>).apple,
        paths: ['settings.apple.accessedApiTypes'],
      },
      {
        name: 'an empty list',
        edit: (ws) => ((ws.settings as Record<string, unknown>).apple = { accessedApiTypes: [] }),
        paths: ['settings.apple.accessedApiTypes'],
      },
    ],
    pass: [
      {
        name: 'user defaults declared for the app itself',
        edit: (ws) =>
          ((ws.settings as Record<string, unknown>).apple = { accessedApiTypes: [{ type: 'UserDefaults', reasons: ['CA92.1'] }] }),
      },
      {
        name: 'nothing declared, no iOS app',
        edit: (ws) => {
          delete (ws.settings as Record<string, unknown>).apple;
          ws.collectionPoints = ws.collectionPoints.filter((c) => c.platform !== 'ios');
          for (const d of ws.dataTypes) d.collectedAt = d.collectedAt?.filter((id) => !['signup-ios', 'att-prompt'].includes(id));
        },
      },
    ],
  },
  'required-reason-api-invalid': {
    fail: [
      {
        name: 'a category Apple does not have',
        edit: (ws) => ((ws.settings as Record<string, unknown>).apple = { accessedApiTypes: [{ type: 'Clipboard', reasons: ['CA92.1'] }] }),
        paths: ['settings.apple.accessedApiTypes[0].type'],
      },
      {
        name: "a reason of another category (disk space's reason under user defaults)",
        edit: (ws) =>
          ((ws.settings as Record<string, unknown>).apple = {
            accessedApiTypes: [{ type: 'UserDefaults', reasons: ['CA92.1', 'E174.1'] }],
          }),
        paths: ['settings.apple.accessedApiTypes[0].reasons[1]'],
      },
      {
        name: 'no valid reason at all',
        edit: (ws) => ((ws.settings as Record<string, unknown>).apple = { accessedApiTypes: [{ type: 'DiskSpace', reasons: ['CA92.1'] }] }),
        paths: ['settings.apple.accessedApiTypes[0].reasons', 'settings.apple.accessedApiTypes[0].reasons[0]'],
      },
    ],
    pass: [
      {
        name: 'full identifiers and reasons of their own categories',
        edit: (ws) =>
          ((ws.settings as Record<string, unknown>).apple = {
            accessedApiTypes: [
              { type: 'NSPrivacyAccessedAPICategoryUserDefaults', reasons: ['CA92.1'] },
              { type: 'DiskSpace', reasons: ['E174.1'] },
            ],
          }),
      },
    ],
  },
  'tracking-without-att-prompt': {
    fail: [
      {
        name: 'no iOS point asks the tracking permission',
        edit: (ws) => delete ws.collectionPoints[2].permission,
        paths: ['dataTypes[3].collectedAt'],
      },
    ],
    pass: [
      {
        name: 'the prompt is asked at another iOS point',
        edit: (ws) => {
          delete ws.collectionPoints[2].permission;
          ws.collectionPoints[0].permission = 'tracking';
        },
      },
    ],
  },
  'apple-type-not-on-ios': {
    fail: [
      {
        name: 'an Apple data type chosen for data collected only on Android',
        edit: (ws) =>
          Object.assign(dt(ws, 'email-address'), { collectedAt: ['signup-android'], classification: { apple: 'EmailAddress' } }),
        paths: ['dataTypes[0].collectedAt'],
      },
    ],
    pass: [
      {
        name: 'the same data collected on iOS too',
        edit: (ws) => Object.assign(dt(ws, 'email-address'), { classification: { apple: 'EmailAddress' } }),
      },
      {
        name: 'Android-only data with no Apple data type chosen',
        edit: (ws) => Object.assign(dt(ws, 'email-address'), { collectedAt: ['signup-android'] }),
      },
    ],
  },
  'apple-data-type-missing': {
    fail: [
      {
        name: 'collected on iOS, set to none',
        edit: (ws) => (dt(ws, 'email-address').classification = { apple: 'none' }),
        paths: ['dataTypes[0].classification.apple'],
      },
      {
        name: 'system data collected on iOS, which Candor cannot place',
        edit: (ws) => Object.assign(dt(ws, 'app-usage'), { category: 'system', classification: { play: 'PSL_CRASH_LOGS' } }),
        paths: ['dataTypes[1].classification.apple'],
      },
    ],
    pass: [
      {
        name: 'a password, which Apple does not list',
        edit: (ws) => Object.assign(dt(ws, 'email-address'), { category: 'user.authorization.password', name: 'Password' }),
      },
      {
        name: 'a password set to none by hand as well',
        edit: (ws) =>
          Object.assign(dt(ws, 'email-address'), {
            category: 'user.authorization.password',
            name: 'Password',
            classification: { apple: 'none', play: 'none' },
          }),
      },
      {
        name: 'set to none, collected only on the server',
        edit: (ws) => Object.assign(dt(ws, 'ip-address'), { classification: { apple: 'none' } }),
      },
    ],
  },
  'play-question-unanswered': {
    fail: [
      {
        name: 'no answers',
        edit: (ws) => delete ws.settings.store,
        paths: ['settings.store.encryptedInTransit', 'settings.store.accountCreation', 'settings.store.dataDeletion'],
      },
      {
        name: 'an empty list of account creation methods',
        edit: (ws) => (ws.settings.store!.accountCreation = []),
        paths: ['settings.store.accountCreation'],
      },
    ],
    pass: [
      {
        name: 'every answer "no"',
        edit: (ws) => {
          ws.settings.store = { encryptedInTransit: false, accountCreation: ['PSL_ACM_NONE'], dataDeletion: 'no' };
        },
      },
      {
        name: 'no answers, no Android app',
        edit: (ws) => {
          delete ws.settings.store;
          ws.collectionPoints[1].platform = 'web';
        },
      },
    ],
  },
  'play-account-creation-conflict': {
    fail: [
      {
        name: 'no accounts and OAuth',
        edit: (ws) => (ws.settings.store!.accountCreation = ['PSL_ACM_NONE', 'PSL_ACM_OAUTH']),
        paths: ['settings.store.accountCreation'],
      },
    ],
    pass: [
      {
        name: 'two ways to create one',
        edit: (ws) => (ws.settings.store!.accountCreation = ['PSL_ACM_USER_ID_PASSWORD', 'PSL_ACM_OAUTH']),
      },
    ],
  },
  'play-deletion-url-missing': {
    fail: [
      {
        name: 'accounts without a deletion link',
        edit: (ws) => delete org(ws).accountDeletionUrl,
        paths: ['organization.accountDeletionUrl'],
      },
      {
        name: 'deletion offered without a link',
        edit: (ws) => {
          delete org(ws).accountDeletionUrl;
          ws.settings.store!.accountCreation = ['PSL_ACM_NONE'];
        },
        paths: ['organization.accountDeletionUrl'],
      },
    ],
    pass: [
      {
        name: 'no accounts, no deletion on request',
        edit: (ws) => {
          delete org(ws).accountDeletionUrl;
          ws.settings.store = { encryptedInTransit: true, accountCreation: ['PSL_ACM_NONE'], dataDeletion: 'no' };
        },
      },
    ],
  },
  'play-auto-deletion-conflict': {
    fail: [
      {
        name: 'kept 30 days after account closure, or 14 months',
        edit: (ws) => (ws.settings.store!.dataDeletion = 'auto-deleted'),
        // The email address (30 days after account closure: no upper limit) and app usage (14 months);
        // the IP address (14 days) is within 90 days and the advertising ID is described in words.
        paths: ['dataTypes[0].retention', 'dataTypes[1].retention'],
      },
    ],
    pass: [
      {
        name: 'everything declared to Play gone within 90 days, or described in words',
        edit: (ws) => {
          ws.settings.store!.dataDeletion = 'auto-deleted';
          dt(ws, 'email-address').retention = { period: { value: 12, unit: 'weeks' }, after: 'collection' };
          dt(ws, 'app-usage').retention = { period: { value: 3, unit: 'months' }, criteria: 'Three months from collection.' };
        },
      },
    ],
  },
  'ephemeral-retained': {
    fail: [
      { name: 'ephemeral, kept 14 months', edit: (ws) => (dt(ws, 'app-usage').ephemeral = true), paths: ['dataTypes[1].ephemeral'] },
      {
        name: 'ephemeral, kept until account closure',
        edit: (ws) => Object.assign(dt(ws, 'app-usage'), { ephemeral: true, retention: { after: 'account-closure' } }),
        paths: ['dataTypes[1].ephemeral'],
      },
    ],
    pass: [
      {
        name: 'ephemeral, discarded after the request',
        edit: (ws) =>
          Object.assign(dt(ws, 'app-usage'), { ephemeral: true, retention: { criteria: 'Discarded as soon as the answer is sent.' } }),
      },
    ],
  },
  'ephemeral-used-for-tracking': {
    fail: [
      { name: 'ephemeral tracking data', edit: (ws) => (dt(ws, 'advertising-id').ephemeral = true), paths: ['dataTypes[3].ephemeral'] },
    ],
    pass: [
      {
        name: 'ephemeral data that does not track',
        edit: (ws) => Object.assign(dt(ws, 'advertising-id'), { ephemeral: true, tracking: false }),
      },
    ],
  },
  'play-data-type-missing': {
    fail: [
      {
        name: 'collected on Android, set to none',
        edit: (ws) => (dt(ws, 'email-address').classification = { play: 'none' }),
        paths: ['dataTypes[0].classification.play'],
      },
      {
        name: 'system data collected on Android, which Candor cannot place',
        edit: (ws) => Object.assign(dt(ws, 'app-usage'), { category: 'system', classification: { apple: 'CrashData' } }),
        paths: ['dataTypes[1].classification.play'],
      },
    ],
    pass: [
      {
        name: 'set to none, collected only on iOS',
        edit: (ws) => Object.assign(dt(ws, 'email-address'), { classification: { play: 'none' }, collectedAt: ['signup-ios'] }),
      },
      {
        name: 'system data with its Play type chosen',
        edit: (ws) =>
          Object.assign(dt(ws, 'app-usage'), { category: 'system', classification: { apple: 'CrashData', play: 'PSL_CRASH_LOGS' } }),
      },
    ],
  },
  'store-purpose-undetermined': {
    fail: [
      { name: 'no data use', edit: (ws) => delete ws.purposes[0].use, paths: ['purposes[0].use'] },
      {
        name: 'no data use, only the Apple purpose set',
        edit: (ws) => {
          delete ws.purposes[0].use;
          ws.purposes[0].storePurpose = { apple: 'AppFunctionality' };
        },
        paths: ['purposes[0].use'],
      },
    ],
    pass: [
      {
        name: 'no data use, both store purposes set',
        edit: (ws) => {
          delete ws.purposes[0].use;
          ws.purposes[0].storePurpose = { apple: 'AppFunctionality', play: 'PSL_APP_FUNCTIONALITY' };
        },
      },
      {
        name: 'no data use, for data declared to no store',
        edit: (ws) => {
          delete ws.purposes[2].use;
          dt(ws, 'ip-address').classification = { apple: 'none', play: 'none' };
        },
      },
    ],
  },
  // Completeness: what validation once refused; now saved as typed and reported here (core/lint/completeness.ts).
  'name-missing': {
    fail: [
      { name: 'an organization without a name', edit: (ws) => (org(ws).name = ''), paths: ['organization.name'] },
      { name: 'a data type named only with spaces', edit: (ws) => (dt(ws, 'email-address').name = '  '), paths: ['dataTypes[0].name'] },
      { name: 'a recipient without a name', edit: (ws) => (rc(ws, 'aws').name = ''), paths: ['recipients[0].name'] },
      {
        name: 'a representative without a name',
        edit: (ws) => (org(ws).representatives = [{ region: 'uk', name: '' }]),
        paths: ['organization.representatives[0].name'],
      },
      {
        name: 'a supervisory authority with only its address',
        edit: (ws) => (org(ws).supervisoryAuthority = { url: 'https://www.dataprotection.ie' }),
        paths: ['organization.supervisoryAuthority.name'],
      },
    ],
    pass: [{ name: 'everything named', edit: () => {} }],
  },
  'no-jurisdiction': {
    fail: [{ name: 'no law chosen', edit: (ws) => (org(ws).jurisdictions = []), paths: ['organization.jurisdictions'] }],
    pass: [{ name: 'one law is enough', edit: (ws) => (org(ws).jurisdictions = ['gdpr']) }],
  },
  'malformed-web-address': {
    fail: [
      { name: 'words, not an address', edit: (ws) => (org(ws).website = 'our website'), paths: ['organization.website'] },
      {
        name: 'an http address',
        edit: (ws) => (org(ws).privacyPolicyUrl = 'http://acme.example/privacy'),
        paths: ['organization.privacyPolicyUrl'],
      },
      {
        name: 'a relative address',
        edit: (ws) => (rc(ws, 'aws').privacyPolicyUrl = '/privacy'),
        paths: ['recipients[0].privacyPolicyUrl'],
      },
    ],
    pass: [
      { name: 'an address typed without https://', edit: (ws) => (org(ws).website = 'acme.example') },
      { name: 'an address with a path and no scheme', edit: (ws) => (org(ws).optOutUrl = 'acme.example/do-not-sell') },
    ],
  },
  'malformed-email': {
    fail: [
      { name: 'no domain', edit: (ws) => (org(ws).contactEmail = 'privacy@'), paths: ['organization.contactEmail'] },
      { name: 'a DPO email without @', edit: (ws) => (org(ws).dpo = { email: 'dpo.acme.example' }), paths: ['organization.dpo.email'] },
    ],
    pass: [{ name: 'spaces and capitals around an address', edit: (ws) => (org(ws).contactEmail = ' Privacy@ACME.example ') }],
  },
  'no-purpose': {
    fail: [
      { name: 'a data type without a purpose', edit: (ws) => (dt(ws, 'email-address').purposes = []), paths: ['dataTypes[0].purposes'] },
    ],
    pass: [{ name: 'one purpose', edit: (ws) => (dt(ws, 'email-address').purposes = ['security']) }],
  },
  'category-missing': {
    fail: [{ name: 'an empty category', edit: (ws) => (dt(ws, 'email-address').category = ''), paths: ['dataTypes[0].category'] }],
    pass: [{ name: 'a broader category', edit: (ws) => (dt(ws, 'email-address').category = 'user.contact') }],
  },
  'unknown-taxonomy-key': {
    fail: [
      {
        name: 'a category typed by hand',
        edit: (ws) => (dt(ws, 'email-address').category = 'user.contact.mail'),
        paths: ['dataTypes[0].category'],
      },
      {
        name: 'an unknown subject',
        edit: (ws) => (dt(ws, 'email-address').subjects = ['customer', 'martian']),
        paths: ['dataTypes[0].subjects[1]'],
      },
      { name: 'an unknown data use', edit: (ws) => (ws.purposes[0].use = 'world.domination'), paths: ['purposes[0].use'] },
    ],
    pass: [{ name: 'known subjects', edit: (ws) => (dt(ws, 'email-address').subjects = ['customer', 'employee']) }],
  },
  'incomplete-retention': {
    fail: [
      {
        name: 'a period without its event',
        edit: (ws) => delete dt(ws, 'email-address').retention?.after,
        paths: ['dataTypes[0].retention'],
      },
      {
        name: 'empty criteria',
        edit: (ws) => (dt(ws, 'email-address').retention = { after: 'account-closure', criteria: '' }),
        paths: ['dataTypes[0].retention.criteria'],
      },
    ],
    pass: [{ name: 'criteria alone', edit: (ws) => (dt(ws, 'email-address').retention = { criteria: 'Until you delete it.' }) }],
  },
  'automated-decision-incomplete': {
    fail: [
      {
        name: 'a decision just turned on',
        edit: (ws) => (ws.purposes[0].automatedDecision = { logic: '', consequences: '', ground: 'contract' }),
        paths: ['purposes[0].automatedDecision.logic', 'purposes[0].automatedDecision.consequences'],
      },
    ],
    pass: [
      {
        name: 'logic and consequences explained',
        edit: (ws) =>
          (ws.purposes[0].automatedDecision = { logic: 'A fraud score.', consequences: 'The order may be refused.', ground: 'contract' }),
      },
    ],
  },
  'recipient-purposes-empty': {
    fail: [
      {
        name: 'a recipient narrowed to nothing',
        edit: (ws) => (dt(ws, 'email-address').recipientPurposes = { aws: [] }),
        paths: ['dataTypes[0].recipientPurposes.aws'],
      },
    ],
    pass: [{ name: 'narrowed to a purpose', edit: (ws) => (dt(ws, 'email-address').recipientPurposes = { aws: ['provide-service'] }) }],
  },
  'blank-tracking-domain': {
    fail: [
      {
        name: 'an empty line',
        edit: (ws) => (rc(ws, 'adnet').trackingDomains = ['ads.example', ' ']),
        paths: ['recipients[2].trackingDomains[1]'],
      },
    ],
    pass: [{ name: 'domains only', edit: (ws) => (rc(ws, 'adnet').trackingDomains = ['ads.example', 'pixel.ads.example']) }],
  },
  'us-appeal-missing': {
    fail: [
      { name: 'Virginia without a way to appeal', edit: (ws) => inStates(ws, 'us-va'), paths: ['organization.requests.appeal'] },
      {
        name: 'a blank appeal',
        edit: (ws) => {
          inStates(ws, 'us-co', 'us-ut');
          org(ws).requests = { ...org(ws).requests, appeal: '  ' };
        },
        paths: ['organization.requests.appeal'],
      },
    ],
    pass: [
      {
        name: 'an appeal page',
        edit: (ws) => {
          inStates(ws, 'us-va');
          org(ws).requests = { ...org(ws).requests, appeal: 'https://acme.example/appeal' };
        },
      },
      { name: 'Utah’s law gives no appeal', edit: (ws) => inStates(ws, 'us-ut') },
      { name: 'California alone', edit: (ws) => (org(ws).jurisdictions = ['ccpa']) },
    ],
  },
  'us-sensitive-without-consent': {
    fail: [
      {
        name: 'precise location in Colorado without consent',
        edit: (ws) => {
          inStates(ws, 'us-co');
          ws.dataTypes.push(preciseLocation());
        },
        paths: ['dataTypes[4].consent.collection'],
      },
      {
        name: 'consent to share, not to collect',
        edit: (ws) => {
          inStates(ws, 'us-tx', 'us-ia');
          ws.dataTypes.push({ ...preciseLocation(), consent: { sharing: true } });
        },
        paths: ['dataTypes[4].consent.collection'],
      },
    ],
    pass: [
      {
        name: 'consent recorded',
        edit: (ws) => {
          inStates(ws, 'us-co');
          ws.dataTypes.push({ ...preciseLocation(), consent: { collection: true, how: 'The app asks before it turns on location.' } });
        },
      },
      {
        name: 'Utah and Iowa ask for notice and an opt-out, not consent',
        edit: (ws) => {
          inStates(ws, 'us-ut', 'us-ia');
          ws.dataTypes.push(preciseLocation());
        },
      },
      {
        name: 'a password is sensitive to the CCPA only',
        edit: (ws) => {
          inStates(ws, 'us-va');
          ws.dataTypes.push({ ...preciseLocation(), id: 'password', name: 'Password', category: 'user.authorization.password' });
        },
      },
    ],
  },
  'us-sensitive-sold-maryland': {
    fail: [
      {
        name: 'precise location sold with Maryland in scope',
        edit: (ws) => {
          inStates(ws, 'us-md');
          ws.recipients.push({ id: 'broker', name: 'Data Broker LLC', role: 'controller', country: 'US', sells: true });
          ws.dataTypes.push({ ...preciseLocation(), recipients: ['broker'], consent: { collection: true } });
        },
        paths: ['dataTypes[4].recipients'],
      },
    ],
    pass: [
      {
        name: 'sold, but Maryland not in scope',
        edit: (ws) => {
          inStates(ws, 'us-va');
          ws.recipients.push({ id: 'broker', name: 'Data Broker LLC', role: 'controller', country: 'US', sells: true });
          ws.dataTypes.push({ ...preciseLocation(), recipients: ['broker'], consent: { collection: true } });
        },
      },
      {
        name: 'Maryland, kept to a service provider',
        edit: (ws) => {
          inStates(ws, 'us-md');
          ws.dataTypes.push({ ...preciseLocation(), recipients: ['aws'], consent: { collection: true } });
        },
      },
    ],
  },
  'us-opt-out-missing': {
    fail: [
      {
        name: 'advertising data shared in Virginia without an opt-out page',
        edit: (ws) => {
          org(ws).jurisdictions = ['us-va'];
          delete org(ws).optOutUrl;
        },
        paths: ['organization.optOutUrl'],
      },
      {
        name: 'a targeted advertising purpose without an advertising partner',
        edit: (ws) => {
          org(ws).jurisdictions = ['us-va'];
          delete org(ws).optOutUrl;
          rc(ws, 'adnet').sharesForAds = false;
          ws.purposes[3].use = 'marketing.advertising.third_party.targeted';
        },
        paths: ['organization.optOutUrl'],
      },
    ],
    pass: [
      {
        name: 'one Alternative Opt-out Link',
        edit: (ws) => {
          org(ws).jurisdictions = ['us-va'];
          delete org(ws).optOutUrl;
          org(ws).alternativeOptOutUrl = 'https://acme.example/your-privacy-choices';
        },
      },
      {
        name: 'ads chosen from activity in our own app are not targeted advertising',
        edit: (ws) => {
          org(ws).jurisdictions = ['us-va'];
          delete org(ws).optOutUrl;
          rc(ws, 'adnet').sharesForAds = false;
          ws.purposes[3].use = 'marketing.advertising.first_party.targeted';
        },
      },
    ],
  },
  'us-opt-out-signals-not-honoured': {
    fail: [
      {
        name: 'Colorado, signals not honoured',
        edit: (ws) => {
          inStates(ws, 'us-co');
          org(ws).usPrivacy = { ...org(ws).usPrivacy, optOutSignals: false };
        },
        paths: ['organization.usPrivacy.optOutSignals'],
      },
      {
        name: 'New Jersey, nothing recorded',
        edit: (ws) => {
          inStates(ws, 'us-nj');
          delete org(ws).usPrivacy;
        },
        paths: ['organization.usPrivacy.optOutSignals'],
      },
    ],
    pass: [
      {
        name: 'Colorado, signals honoured',
        edit: (ws) => {
          inStates(ws, 'us-co');
          org(ws).usPrivacy = { ...org(ws).usPrivacy, optOutSignals: true, optOutSignalsHow: 'For the browser that sends it.' };
        },
      },
      {
        name: 'Virginia does not require it',
        edit: (ws) => {
          org(ws).jurisdictions = ['us-va'];
          org(ws).usPrivacy = { ...org(ws).usPrivacy, optOutSignals: false };
        },
      },
      {
        name: 'Colorado, nothing sold or used for targeted advertising',
        edit: (ws) => {
          inStates(ws, 'us-co');
          org(ws).usPrivacy = { ...org(ws).usPrivacy, optOutSignals: false };
          rc(ws, 'adnet').sharesForAds = false;
        },
      },
    ],
  },

  // Material changes since the last published version (the clean workspace, unless an example says otherwise).
  'material-new-purpose': {
    fail: [
      {
        name: 'the email address is now used for a newsletter, a purpose the published version did not have',
        edit: (ws) => {
          ws.purposes.push({
            id: 'newsletter',
            name: 'Send the newsletter',
            use: 'marketing.communications.email',
            lawfulBasis: 'consent',
          });
          dt(ws, 'email-address').purposes.push('newsletter');
        },
        paths: ['purposes[4]'],
      },
      {
        name: 'a purpose the published version listed but used for no data',
        previous: (ws) => {
          dt(ws, 'ip-address').purposes = ['provide-service'];
        },
        edit: () => {},
        paths: ['purposes[2]'],
      },
    ],
    pass: [
      { name: 'a purpose renamed', edit: (ws) => void (ws.purposes[1].name = 'Learn how the app is used') },
      {
        name: 'a purpose no longer used, and removed',
        edit: (ws) => void (ws.dataTypes = ws.dataTypes.filter((d) => d.id !== 'ip-address')),
      },
    ],
  },
  'material-new-sale-or-sharing': {
    fail: [
      {
        name: 'app usage is now sold to Crash Co',
        edit: (ws) => void (rc(ws, 'crashco').sells = true),
        paths: ['dataTypes[1].recipients'],
      },
      {
        name: 'the email address is now given to the ad network, which shares it for advertising',
        edit: (ws) => void dt(ws, 'email-address').recipients!.push('adnet'),
        paths: ['dataTypes[0].recipients'],
      },
    ],
    pass: [
      {
        name: 'the advertising identifier was already shared in the published version',
        edit: (ws) => void (rc(ws, 'adnet').name = 'AdNet Ltd'),
      },
      { name: 'sharing stopped', edit: (ws) => void (rc(ws, 'adnet').sharesForAds = false) },
    ],
  },
  'material-new-sensitive-data': {
    fail: [
      {
        name: 'app usage is now health data',
        edit: (ws) =>
          void Object.assign(dt(ws, 'app-usage'), { category: 'user.health_and_medical', specialCondition: 'explicit-consent' }),
        paths: ['dataTypes[1].sensitivity'],
      },
      {
        name: 'a new data type that is special category data',
        edit: (ws) =>
          void ws.dataTypes.push({
            id: 'heart-rate',
            name: 'Heart rate',
            category: 'user.health_and_medical',
            specialCondition: 'explicit-consent',
            source: 'automatic',
            purposes: ['provide-service'],
            benefit: 'You see your effort.',
            retention: { period: { value: 30, unit: 'days' }, after: 'collection' },
            recipients: ['aws'],
            collectedAt: ['servers'],
            required: false,
          }),
        paths: ['dataTypes[4]'],
      },
    ],
    pass: [
      {
        name: 'app usage was already health data in the published version',
        previous: (ws) =>
          void Object.assign(dt(ws, 'app-usage'), { category: 'user.health_and_medical', specialCondition: 'explicit-consent' }),
        edit: (ws) =>
          void Object.assign(dt(ws, 'app-usage'), { category: 'user.health_and_medical', specialCondition: 'explicit-consent' }),
      },
      { name: 'a data type renamed, nothing sensitive added', edit: (ws) => void (dt(ws, 'email-address').name = 'Email') },
    ],
  },
  'material-new-transfer-country': {
    fail: [
      {
        name: 'Amazon Web Services now handles the data in India',
        edit: (ws) => void Object.assign(rc(ws, 'aws'), { country: 'IN', transferSafeguard: 'sccs', ukTransferSafeguard: 'uk-addendum' }),
        paths: ['recipients[0].country'],
      },
    ],
    pass: [
      {
        name: 'Amazon Web Services now handles the data in the United States, where Crash Co already did',
        edit: (ws) => void Object.assign(rc(ws, 'aws'), { country: 'US', transferSafeguard: 'sccs', ukTransferSafeguard: 'uk-addendum' }),
      },
      { name: 'a move within the EEA', edit: (ws) => void (rc(ws, 'aws').country = 'DE') },
    ],
  },
  'material-longer-retention': {
    fail: [
      {
        name: 'the email address is kept 90 days after the account is closed instead of 30',
        edit: (ws) => void (dt(ws, 'email-address').retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' }),
        paths: ['dataTypes[0].retention'],
      },
      {
        name: 'the IP address is kept until the account is closed instead of 14 days',
        edit: (ws) => void (dt(ws, 'ip-address').retention = { after: 'account-closure' }),
        paths: ['dataTypes[2].retention'],
      },
    ],
    pass: [
      {
        name: 'a shorter period',
        edit: (ws) => void (dt(ws, 'email-address').retention = { period: { value: 10, unit: 'days' }, after: 'account-closure' }),
      },
      {
        name: 'the same length in other units',
        edit: (ws) =>
          void (dt(ws, 'app-usage').retention = {
            period: { value: 14, unit: 'months' },
            after: 'collection',
            criteria: 'Then aggregated.',
          }),
      },
    ],
  },
  'material-new-recipient-category': {
    fail: [
      {
        name: 'the email address now goes to a public authority',
        edit: (ws) => {
          ws.recipients.push({ id: 'tax-office', name: 'Revenue', role: 'public-authority', country: 'IE' });
          dt(ws, 'email-address').recipients!.push('tax-office');
        },
        paths: ['recipients[3].role'],
      },
    ],
    pass: [
      {
        name: 'a new processor, a kind the published version already had',
        edit: (ws) => {
          ws.recipients.push({ id: 'mailer', name: 'Mailer Ltd', role: 'processor', country: 'IE' });
          dt(ws, 'email-address').recipients!.push('mailer');
        },
      },
    ],
  },
};

function variant(edit: (ws: Workspace) => void): Workspace {
  const ws = cleanWorkspace();
  edit(ws);
  // Examples must be workspaces a person could save: the rules only ever see valid ones.
  const result = validateWorkspace(JSON.parse(JSON.stringify(ws)));
  if (!result.ok) throw new Error(`example is not a valid workspace: ${JSON.stringify(result.problems)}`);
  return result.workspace;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('the clean workspace', () => {
  it('is valid and has no findings at all', () => {
    expect(lintWorkspace(variant(() => {}))).toEqual([]);
  });
});

describe('the rule catalogue', () => {
  it('gives every rule a unique kebab-case id, a severity, a group, a title and a description', () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of LINT_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(SEVERITIES).toContain(rule.severity);
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.description).toMatch(/\.$/);
      expect(lintRule(rule.id)).toBe(rule);
    }
    expect(lintRule('no-such-rule')).toBeUndefined();
  });

  it('has at least the rules the review promises, with the severities it promises', () => {
    const severity = Object.fromEntries(LINT_RULES.map((r) => [r.id, r.severity]));
    expect(severity).toMatchObject({
      'missing-benefit': 'error',
      'missing-retention': 'error',
      'open-ended-retention': 'warning',
      'special-category-without-condition': 'error',
      'legitimate-interest-missing': 'error',
      'automated-decision-without-ground': 'error',
      'automated-decision-special-category': 'error',
      'profiling-not-flagged': 'warning',
      'transfer-without-safeguard': 'error',
      'adequacy-claimed-without-decision': 'error',
      'adequacy-without-certification': 'error',
      'transfer-derogation-unnamed': 'error',
      'representative-missing': 'error',
      'controller-country-missing': 'warning',
      'lead-authority-outside-eu': 'warning',
      'unused-purpose': 'warning',
      'unused-recipient': 'warning',
      'unused-collection-point': 'warning',
      'collected-nowhere': 'warning',
      'missing-source-detail': 'error',
      'no-contact-email': 'error',
      'no-supervisory-authority': 'error',
      'in-app-over-budget': 'error',
      'in-app-text-does-not-fit': 'error',
      'in-app-opt-out-unknown': 'warning',
      'tracking-without-domains': 'error',
      'no-opt-out-url': 'error',
      'ccpa-request-methods': 'error',
      'ccpa-limit-link-missing': 'error',
      'opt-out-signals-not-honoured': 'error',
      'sale-under-16-unknown': 'error',
      'do-not-track-unset': 'warning',
      'do-not-track-contradicted': 'warning',
      'no-dpo': 'warning',
      'security-measures-missing': 'warning',
      'hard-to-read': 'warning',
      'consent-on-required-data': 'warning',
      'ephemeral-retained': 'error',
      'tracking-recipients-all-processors': 'error',
      'tracker-without-cookie': 'warning',
      'cookie-incomplete': 'warning',
      'third-party-cookie-without-consent': 'warning',
      'play-deletion-url-missing': 'error',
    });
  });

  it('says where a merge conflict is, both values in short, and where to choose', () => {
    const ws = variant(EXAMPLES['merge-conflict'].fail[0].edit);
    const messages = lintWorkspace(ws)
      .filter((f) => f.rule === 'merge-conflict')
      .map((f) => f.message);
    expect(messages).toEqual([
      'Merge conflict at Email address: retention: both sides of a git merge changed it. Ours (in the file for now): 90 days after account closure; theirs: 60 days after account closure. Choose the value to keep in Review › Merge conflicts in the app.',
      'Merge conflict at Organization: DPO email: both sides of a git merge changed it. Ours (in the file for now): dpo@acme.example; theirs: not set. Choose the value to keep in Review › Merge conflicts in the app.',
    ]);
  });

  it('has a failing and a passing example for every rule, and examples only for rules that exist', () => {
    const ids = LINT_RULES.map((r) => r.id).sort();
    expect(Object.keys(EXAMPLES).sort()).toEqual(ids);
    for (const id of ids) {
      expect(EXAMPLES[id].fail.length, `${id} needs a failing example`).toBeGreaterThan(0);
      expect(EXAMPLES[id].pass.length, `${id} needs a passing example`).toBeGreaterThan(0);
    }
  });
});

describe.each(LINT_RULES.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  const examples = EXAMPLES[id] ?? { fail: [], pass: [] };

  // The material-change rules compare with the last published version: the clean workspace, or the example's own.
  const review = (example: Example) => {
    const ws = variant(example.edit);
    if (rule.group !== 'changes') return lintWorkspace(ws);
    return lintWorkspace(ws, workspaceFacts(ws, { previous: { version: '1.0', workspace: variant(example.previous ?? (() => {})) } }));
  };

  it.each(examples.fail.map((e) => [e.name, e] as const))('fails: %s', (_name, example) => {
    const findings = review(example).filter((f) => f.rule === id);
    expect(findings.map((f) => f.path)).toEqual(example.paths);
    for (const finding of findings) {
      expect(finding.severity).toBe(rule.severity);
      // The path is one a screen can open: it parses back to the same text.
      expect(parsePath(finding.path).length).toBeGreaterThan(0);
      // A message says what is wrong and what to do (an instruction), in full sentences, with no template residue.
      expect(finding.message).toMatch(/^[A-Z"].*\.$/s);
      expect(finding.message).toMatch(
        /(^|\. )(Add|Say|Choose|Set|Name|Answer|Shorten|Remove|Keep|Turn|Mark|Make|Describe|Use|Delete)\b|, or |: turn|, add /,
      );
      expect(finding.message).not.toMatch(/undefined|\[object|NaN/);
    }
  });

  it.each(examples.pass.map((e) => [e.name, e] as const))('passes: %s', (_name, example) => {
    expect(review(example).filter((f) => f.rule === id)).toEqual([]);
  });

  if (rule.group === 'changes') {
    it('is silent without a published version to compare with', () => {
      for (const example of examples.fail) expect(lintWorkspace(variant(example.edit)).filter((f) => f.rule === id)).toEqual([]);
    });
  }
});

describe('lintWorkspace', () => {
  it('reports in file order, errors first at the same place, and leaves the workspace untouched', () => {
    const ws = deepFreeze(
      variant((w) => {
        delete w.dataTypes[1].retention;
        delete w.organization.contactEmail;
        w.dataTypes[0].benefit = HARD_TEXT;
        w.dataTypes[0].inApp = { short: HARD_TEXT };
        w.purposes.push({ id: 'spare', name: 'Spare', use: 'essential.service', lawfulBasis: 'contract' });
      }),
    );
    const findings = lintWorkspace(ws);
    expect(findings.map((f) => `${f.path} ${f.rule}`)).toEqual([
      'organization.contactEmail no-contact-email',
      'purposes[4] unused-purpose',
      'dataTypes[0].benefit hard-to-read',
      'dataTypes[0].inApp.short in-app-over-budget',
      'dataTypes[0].inApp.short hard-to-read',
      'dataTypes[1].retention missing-retention',
    ]);
    expect([...findings].sort(compareFindings)).toEqual(findings);
  });

  it('counts and groups findings by severity, errors first', () => {
    const findings: Finding[] = [
      { rule: 'no-dpo', severity: 'warning', path: 'organization.dpo', message: 'w.' },
      { rule: 'missing-retention', severity: 'error', path: 'dataTypes[0].retention', message: 'e.' },
      { rule: 'recipient-country-unknown', severity: 'info', path: 'recipients[0].country', message: 'i.' },
      { rule: 'missing-benefit', severity: 'error', path: 'dataTypes[1].benefit', message: 'e.' },
    ];
    expect(countFindings(findings)).toEqual({ error: 2, warning: 1, info: 1 });
    expect(groupFindings(findings).map((g) => [g.severity, g.findings.length])).toEqual([
      ['error', 2],
      ['warning', 1],
      ['info', 1],
    ]);
    expect(groupFindings([])).toEqual([]);
  });

  it('never throws and reports only valid paths for any valid workspace', () => {
    fc.assert(
      fc.property(workspaceArbitrary(), (ws) => {
        for (const finding of lintWorkspace(ws)) {
          expect(lintRule(finding.rule)?.severity).toBe(finding.severity);
          const [list, index] = parsePath(finding.path);
          if (typeof index === 'number') expect((ws as unknown as Record<string, unknown[]>)[list as string][index]).toBeDefined();
          expect(finding.message).not.toMatch(/undefined|\[object|NaN/);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('in-app texts', () => {
  it('are over budget and hard to read exactly where the In-app text screen says so', () => {
    const overrides = fc.record({
      short: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
      long: fc.option(fc.lorem({ maxCount: 80, mode: 'sentences' }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        workspaceArbitrary(),
        fc.array(overrides, { maxLength: 6 }),
        fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
        (ws, texts, short) => {
          const edited: Workspace = {
            ...ws,
            settings: { ...ws.settings, inAppLimits: short === undefined ? undefined : { short } },
            dataTypes: ws.dataTypes.map((d, i) => (texts[i] ? { ...d, inApp: texts[i] } : d)),
          };
          const screen = generateInAppText(edited);
          const expectedOver: string[] = [];
          const expectedHard: string[] = [];
          edited.dataTypes.forEach((d, i) => {
            for (const kind of ['short', 'long'] as const) {
              const snippet = screen.dataTypes[d.id][kind];
              if (snippet.source !== 'override') continue;
              if (snippet.overBudget) expectedOver.push(`dataTypes[${i}].inApp.${kind}`);
              if (snippet.grade > 10) expectedHard.push(`dataTypes[${i}].inApp.${kind}`);
            }
          });
          const findings = lintWorkspace(edited);
          expect(findings.filter((f) => f.rule === 'in-app-over-budget').map((f) => f.path)).toEqual(expectedOver);
          // A generated text over budget is the other rule's, never this one's.
          edited.dataTypes.forEach((d, i) => {
            for (const kind of ['short', 'long'] as const) {
              const snippet = screen.dataTypes[d.id][kind];
              const reported = findings.some((f) => f.rule === 'in-app-text-does-not-fit' && f.path === `dataTypes[${i}].inApp.${kind}`);
              expect(reported).toBe(snippet.source === 'generated' && snippet.overBudget);
            }
          });
          expect(findings.filter((f) => f.rule === 'hard-to-read' && f.path.includes('.inApp.')).map((f) => f.path)).toEqual(expectedHard);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('resources/examples/ridgeline.candor.json', () => {
  const validated = validateWorkspace(sampleJson);
  if (!validated.ok) throw new Error('the sample is invalid');
  const findings = lintWorkspace(validated.workspace);

  it('has no errors: it has no real defect', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('has exactly the judgement calls a reviewer would raise', () => {
    expect(findings.map((f) => `${f.severity} ${f.path} ${f.rule}`)).toEqual([
      // The email address is required for the account, and the newsletter (consent) uses it too.
      'warning dataTypes[0].purposes consent-on-required-data',
      // One long sentence with three clauses.
      'warning dataTypes[3].benefit hard-to-read',
      // Support messages come through the website only, so the App Store label rightly leaves them out.
      'info dataTypes[19].collectedAt apple-type-not-on-ios',
    ]);
  });
});
