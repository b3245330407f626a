import { describe, expect, it } from 'vitest';
import { retentionPhrase, retentionSentence, retentionShort } from './retention';

describe('retention in words', () => {
  it.each([
    [{ period: { value: 30, unit: 'days' }, after: 'account-closure' }, 'for 30 days after you close your account'],
    [{ period: { value: 1, unit: 'years' }, after: 'last-activity' }, 'for 1 year after your last activity'],
    [{ after: 'consent-withdrawal' }, 'until you withdraw your consent'],
    [{ after: 'account-closure' }, 'until you close your account'],
    [
      { period: { value: 7, unit: 'years' }, after: 'collection', criteria: 'Irish tax law requires us to keep invoices for 6 years.' },
      'for 7 years after collection. Irish tax law requires us to keep invoices for 6 years',
    ],
    [
      { period: { value: 10, unit: 'years' }, criteria: 'Invoices must be kept for 10 years under the HGB.' },
      'for 10 years. Invoices must be kept for 10 years under the HGB',
    ],
    [{ period: { value: 10, unit: 'years' }, criteria: 'statutory retention period' }, 'for 10 years (statutory retention period)'],
    [{ period: { value: 6, unit: 'years' }, criteria: 'required by law' }, 'for 6 years (required by law)'],
    [{ period: { value: 6, unit: 'years' }, criteria: 'as the tax office requires' }, 'for 6 years, as the tax office requires'],
    [
      { period: { value: 30, unit: 'days' }, after: 'account-closure', criteria: 'We keep it until you close your account.' },
      'for 30 days after you close your account. We keep it until you close your account',
    ],
    [{ criteria: 'until account closure' }, 'until account closure'],
    [
      { period: { value: 10, unit: 'years' }, criteria: 'German commercial law (§257 HGB)' },
      'for 10 years – German commercial law (§257 HGB)',
    ],
    [
      { criteria: 'As long as tax law requires (currently 7 years after the invoice date)' },
      'as long as tax law requires (currently 7 years after the invoice date)',
    ],
    [
      { after: 'consent-withdrawal', criteria: 'Until the invitation is declined or the invited person leaves the family group.' },
      'until the invitation is declined or the invited person leaves the family group',
    ],
    [
      { period: { value: 90, unit: 'days' }, after: 'purpose-fulfilled', criteria: 'Until the alert has been answered.' },
      'for 90 days after we no longer need it for the purpose we collected it for (until the alert has been answered)',
    ],
  ] as const)('%j reads "%s"', (retention, phrase) => {
    expect(retentionPhrase(retention as any)).toBe(phrase);
  });

  it('makes the editor sentence and the table label', () => {
    expect(retentionSentence({ period: { value: 30, unit: 'days' }, after: 'account-closure' })).toBe(
      'Kept for 30 days after you close your account.',
    );
    expect(retentionSentence(undefined)).toBe('No retention set yet.');
    expect(retentionShort({ period: { value: 13, unit: 'months' }, after: 'collection' })).toBe('13 months after collection');
    expect(retentionShort({ after: 'account-closure' })).toBe('Until account closure');
  });
});
