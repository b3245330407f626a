// A small valid workspace that tests copy and break one field at a time.
import type { Workspace } from '../schema';

export function minimalWorkspace(): Workspace {
  return {
    format: 'candor/workspace',
    version: 1,
    organization: {
      name: 'Acme Notes',
      contactEmail: 'privacy@acme.example',
      website: 'https://acme.example',
      jurisdictions: ['gdpr', 'ccpa'],
    },
    purposes: [
      { id: 'provide-service', name: 'Provide the service', use: 'essential.service', lawfulBasis: 'contract' },
      { id: 'analytics', name: 'Understand usage', use: 'analytics.reporting', lawfulBasis: 'consent' },
    ],
    recipients: [{ id: 'aws', name: 'Amazon Web Services', role: 'processor', country: 'IE' }],
    collectionPoints: [{ id: 'signup', name: 'Sign-up screen', platform: 'ios' }],
    dataTypes: [
      {
        id: 'email-address',
        name: 'Email address',
        category: 'user.contact.email',
        purposes: ['provide-service'],
        benefit: 'You can sign in on any device.',
        retention: { period: { value: 30, unit: 'days' }, after: 'account-closure' },
        recipients: ['aws'],
        collectedAt: ['signup'],
        reviewedOn: '2026-10-02',
      },
    ],
    settings: { effectiveDate: '2026-12-01' },
  };
}
