// A workspace on which no review rule reports anything, for the tests of the rules and the coverage
// matrix to break one field at a time: every regime, an iOS and an Android app, tracking done right.
import type { Workspace } from '../schema';

export function cleanWorkspace(): Workspace {
  return {
    format: 'candor/workspace',
    version: 1,
    organization: {
      name: 'Acme Notes',
      legalName: 'Acme Notes Ltd',
      address: '1 Main Street, Dublin, Ireland',
      contactEmail: 'privacy@acme.example',
      website: 'https://acme.example',
      privacyPolicyUrl: 'https://acme.example/privacy',
      accountDeletionUrl: 'https://acme.example/delete',
      optOutUrl: 'https://acme.example/do-not-sell-or-share',
      dpo: { name: 'Dana Officer', email: 'dpo@acme.example' },
      supervisoryAuthority: { name: 'Data Protection Commission', url: 'https://www.dataprotection.ie' },
      jurisdictions: ['gdpr', 'uk-gdpr', 'ccpa'],
      audience: { minimumAge: 16 },
    },
    purposes: [
      { id: 'provide-service', name: 'Provide the service', use: 'essential.service', lawfulBasis: 'contract' },
      { id: 'analytics', name: 'Understand usage', use: 'analytics.reporting', lawfulBasis: 'consent' },
      {
        id: 'security',
        name: 'Keep accounts secure',
        use: 'essential.service.security',
        lawfulBasis: 'legitimate-interests',
        legitimateInterest: 'Stopping people who try to break into accounts.',
      },
      { id: 'ads', name: 'Measure our ads', use: 'analytics.reporting.ad_performance', lawfulBasis: 'consent' },
    ],
    recipients: [
      { id: 'aws', name: 'Amazon Web Services', role: 'processor', country: 'IE' },
      { id: 'crashco', name: 'Crash Co', role: 'processor', country: 'US', transferSafeguard: 'sccs' },
      { id: 'adnet', name: 'Ad Network', role: 'controller', country: 'IE', sharesForAds: true, trackingDomains: ['ads.example'] },
    ],
    collectionPoints: [
      { id: 'signup-ios', name: 'Sign-up (iOS)', platform: 'ios' },
      { id: 'signup-android', name: 'Sign-up (Android)', platform: 'android' },
      { id: 'att-prompt', name: 'Tracking prompt (iOS)', platform: 'ios', permission: 'tracking' },
      { id: 'servers', name: 'Our servers', platform: 'backend' },
    ],
    dataTypes: [
      {
        id: 'email-address',
        name: 'Email address',
        category: 'user.contact.email',
        source: 'user',
        purposes: ['provide-service'],
        benefit: 'You can sign in on any device.',
        retention: { period: { value: 30, unit: 'days' }, after: 'account-closure' },
        recipients: ['aws'],
        collectedAt: ['signup-ios', 'signup-android'],
        required: true,
        consequenceIfNotProvided: 'We cannot create your account.',
      },
      {
        id: 'app-usage',
        name: 'App usage',
        category: 'user.behavior',
        source: 'automatic',
        purposes: ['analytics'],
        benefit: 'We fix what people use most.',
        retention: { period: { value: 14, unit: 'months' }, after: 'collection' },
        recipients: ['crashco'],
        collectedAt: ['signup-ios', 'signup-android'],
        required: false,
      },
      {
        id: 'ip-address',
        name: 'IP address',
        category: 'user.device.ip_address',
        source: 'automatic',
        purposes: ['security'],
        benefit: 'We stop people who try to break into your account.',
        retention: { period: { value: 14, unit: 'days' }, after: 'collection' },
        recipients: ['aws'],
        collectedAt: ['servers'],
        required: true,
      },
      {
        id: 'advertising-id',
        name: 'Advertising identifier',
        category: 'user.device.device_id',
        source: 'automatic',
        purposes: ['ads'],
        benefit: 'We spend less on ads and keep the app free.',
        retention: { criteria: 'We do not keep it; the ad network keeps it as its own policy says.' },
        recipients: ['adnet'],
        collectedAt: ['att-prompt', 'signup-android'],
        required: false,
        tracking: true,
      },
    ],
    settings: {
      effectiveDate: '2026-12-01',
      store: { encryptedInTransit: true, accountCreation: ['PSL_ACM_USER_ID_PASSWORD'], dataDeletion: 'yes' },
    },
  };
}

