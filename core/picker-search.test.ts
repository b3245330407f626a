import { describe, expect, it } from 'vitest';
import { categoryPickerOptions, matchScore, rankOptions, dataUsePickerOptions } from './picker-search';

const names = (list: readonly { name: string }[]) => list.map((o) => o.name);

describe('rankOptions', () => {
  it('puts plain-name prefix matches above matches inside longer taxonomy labels', () => {
    const ranked = rankOptions(dataUsePickerOptions(), 'personal');
    expect(ranked[0].name).toBe('Personalize');
    const advertising = ranked.findIndex((o) => o.name === 'First Party Personalized Advertising');
    const profiling = ranked.findIndex((o) => o.name === 'Personalized Profiling');
    expect(profiling).toBeGreaterThanOrEqual(0);
    expect(advertising === -1 || advertising > profiling).toBe(true);
  });

  it('finds a data category by its plain name, its meaning or its key', () => {
    expect(rankOptions(categoryPickerOptions(), 'email')[0].value).toBe('user.contact.email');
    expect(rankOptions(categoryPickerOptions(), 'user.contact.email')[0].value).toBe('user.contact.email');
    expect(rankOptions(categoryPickerOptions(), 'location')[0].value).toBe('user.location');
  });

  it('ranks the name before the meaning before taxonomy detail', () => {
    const options = [
      { name: 'Fraud checks', description: 'Uses your email to spot abuse.', detail: ['essential.fraud'] },
      { name: 'Account', description: 'Keeps the account.', detail: ['email.contact'] },
      { name: 'Email', description: 'Sends receipts.' },
    ];
    expect(names(rankOptions(options, 'email'))).toEqual(['Email', 'Fraud checks', 'Account']);
  });

  it('needs every typed word to match somewhere', () => {
    expect(matchScore({ name: 'Email', description: 'Sends receipts.' }, 'email phone')).toBe(0);
    expect(rankOptions([{ name: 'Email' }, { name: 'Phone' }], 'zzz')).toEqual([]);
  });

  it('keeps every option in its own order for an empty query', () => {
    expect(rankOptions(dataUsePickerOptions(), '  ')).toHaveLength(dataUsePickerOptions().length);
    expect(rankOptions(dataUsePickerOptions(), '')[0]).toBe(dataUsePickerOptions()[0]);
  });

  it('shows the plain name, keeping the fideslang key as detail', () => {
    const email = categoryPickerOptions().find((o) => o.value === 'user.contact.email');
    expect(email?.name).toBe('Email');
    expect(email?.detail).toContain('user.contact.email');
  });
});
