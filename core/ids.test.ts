// Ids that follow their entry's name: which ids are automatic, and a rename that moves the id and every
// reference to it in one edit.
import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { cookiesProvidedBy, deleteEntity, isAutoId, renameEntity, slugify, uniqueId } from './ids';
import type { Workspace } from './schema';

function workspace(): Workspace {
  return {
    format: 'candor/workspace',
    version: 1,
    organization: { name: 'Stillwater', jurisdictions: ['gdpr'] },
    purposes: [
      { id: 'new-purpose', name: 'New purpose' },
      { id: 'sign-in', name: 'Sign in' },
    ],
    recipients: [
      { id: 'new-recipient', name: 'New recipient' },
      { id: 'aws', name: 'Amazon Web Services' },
    ],
    collectionPoints: [
      {
        id: 'new-collection-point-2',
        name: 'New collection point',
        cookies: [
          { name: 'session', party: 'first', necessary: true },
          { name: '_nr', provider: 'new-recipient', party: 'third' },
        ],
      },
    ],
    dataTypes: [
      {
        id: 'new-data-type',
        name: 'New data type',
        category: 'user.contact.email',
        purposes: ['new-purpose', 'sign-in'],
        recipients: ['new-recipient', 'aws'],
        recipientPurposes: { 'new-recipient': ['new-purpose'], aws: ['new-purpose', 'sign-in'] },
        collectedAt: ['new-collection-point-2'],
      },
      { id: 'email-address', name: 'Email address', category: 'user.contact.email', purposes: ['new-purpose'] },
    ],
    settings: {},
  };
}

describe('isAutoId', () => {
  it('is true for the slug of the name and for the slug made unique with a number', () => {
    expect(isAutoId('new-data-type', 'New data type')).toBe(true);
    expect(isAutoId('new-data-type-3', 'New data type')).toBe(true);
    expect(isAutoId('stripe', 'Stripe')).toBe(true);
    expect(isAutoId(uniqueId('Crème brûlée!', []), 'Crème brûlée!')).toBe(true);
  });

  it('is false for an id typed by hand', () => {
    expect(isAutoId('aws', 'Amazon Web Services')).toBe(false);
    expect(isAutoId('new-data-type-x', 'New data type')).toBe(false);
    expect(isAutoId('new-data-type-0', 'New data type')).toBe(false);
    expect(isAutoId('new-data', 'New data type')).toBe(false);
  });
});

describe('renameEntity', () => {
  it('moves an automatic data type id along with the name', () => {
    const after = produce(workspace(), (d) => {
      expect(renameEntity(d, 'dataTypes', 0, 'Meditation history')).toBe('meditation-history');
    });
    expect(after.dataTypes[0]).toMatchObject({ id: 'meditation-history', name: 'Meditation history' });
  });

  it('moves an automatic purpose id and every reference to it, in keys and values', () => {
    const after = produce(workspace(), (d) => {
      renameEntity(d, 'purposes', 0, 'Send receipts');
    });
    expect(after.purposes[0]).toEqual({ id: 'send-receipts', name: 'Send receipts' });
    expect(after.dataTypes[0].purposes).toEqual(['send-receipts', 'sign-in']);
    expect(after.dataTypes[0].recipientPurposes).toEqual({ 'new-recipient': ['send-receipts'], aws: ['send-receipts', 'sign-in'] });
    expect(after.dataTypes[1].purposes).toEqual(['send-receipts']);
    expect(JSON.stringify(after)).not.toContain('new-purpose');
  });

  it('moves an automatic recipient id in the recipients list and the recipientPurposes keys', () => {
    const after = produce(workspace(), (d) => {
      renameEntity(d, 'recipients', 0, 'Stripe');
    });
    expect(after.recipients[0].id).toBe('stripe');
    expect(after.dataTypes[0].recipients).toEqual(['stripe', 'aws']);
    expect(Object.keys(after.dataTypes[0].recipientPurposes ?? {})).toEqual(['stripe', 'aws']);
    expect(after.collectionPoints[0].cookies?.map((c) => c.provider)).toEqual([undefined, 'stripe']);
  });

  it('moves a numbered automatic collection point id', () => {
    const after = produce(workspace(), (d) => {
      renameEntity(d, 'collectionPoints', 0, 'Sign-up screen');
    });
    expect(after.collectionPoints[0].id).toBe('sign-up-screen');
    expect(after.dataTypes[0].collectedAt).toEqual(['sign-up-screen']);
  });

  it('keeps an id that was edited by hand', () => {
    const after = produce(workspace(), (d) => {
      expect(renameEntity(d, 'recipients', 1, 'Amazon Web Services EMEA SARL')).toBe('aws');
    });
    expect(after.recipients[1]).toEqual({ id: 'aws', name: 'Amazon Web Services EMEA SARL' });
    expect(after.dataTypes[0].recipients).toEqual(['new-recipient', 'aws']);
  });

  it('keeps the new id unique in its list', () => {
    const after = produce(workspace(), (d) => {
      expect(renameEntity(d, 'dataTypes', 0, 'Email address')).toBe('email-address-2');
    });
    expect(after.dataTypes.map((t) => t.id)).toEqual(['email-address-2', 'email-address']);
  });

  it('keeps the id while the name is blank, and follows again when told the id was automatic', () => {
    let ws = produce(workspace(), (d) => {
      expect(renameEntity(d, 'purposes', 0, '')).toBe('new-purpose');
    });
    // The blank name no longer says the id was automatic; the caller remembers it from before.
    expect(isAutoId(ws.purposes[0].id, ws.purposes[0].name)).toBe(false);
    ws = produce(ws, (d) => {
      renameEntity(d, 'purposes', 0, 'Remind me', true);
    });
    expect(ws.purposes[0].id).toBe('remind-me');
    expect(ws.dataTypes[1].purposes).toEqual(['remind-me']);
  });

  it('follows letter by letter, as a name is typed', () => {
    let ws = workspace();
    let name = '';
    for (const letter of 'Stripe') {
      name += letter;
      ws = produce(ws, (d) => {
        renameEntity(d, 'recipients', 0, name, true);
      });
    }
    expect(ws.recipients[0].id).toBe(slugify('Stripe'));
    expect(ws.dataTypes[0].recipients).toEqual(['stripe', 'aws']);
  });
});

describe('deleteEntity', () => {
  it("removes a deleted recipient's cookies with it, and keeps the organisation's own", () => {
    const before = workspace();
    expect(cookiesProvidedBy(before, 'new-recipient')).toEqual([{ point: 'New collection point', name: '_nr' }]);
    const after = produce(before, (d) => {
      deleteEntity(d, 'recipients', 'new-recipient');
    });
    expect(after.collectionPoints[0].cookies).toEqual([{ name: 'session', party: 'first', necessary: true }]);
    expect(after.dataTypes[0].recipients).toEqual(['aws']);
    // The last cookie gone, the list goes too, so the file stays as it was before cookies were listed.
    const none = produce(after, (d) => {
      d.collectionPoints[0].cookies = [{ name: '_a', provider: 'aws' }];
      deleteEntity(d, 'recipients', 'aws');
    });
    expect(none.collectionPoints[0]).not.toHaveProperty('cookies');
  });
});

describe('financial incentives follow their data types', () => {
  const withIncentive = (): Workspace => ({
    ...workspace(),
    financialIncentives: [{ id: 'discount', name: '10% off', dataTypes: ['new-data-type', 'email-address'] }],
  });

  it('when a data type is renamed, the incentive names the new id', () => {
    const after = produce(withIncentive(), (d) => {
      expect(renameEntity(d, 'dataTypes', 0, 'Meditation history')).toBe('meditation-history');
    });
    expect(after.financialIncentives![0].dataTypes).toEqual(['meditation-history', 'email-address']);
  });

  it('when a data type is deleted, the incentive leaves it out, and loses the list with its last one', () => {
    const after = produce(withIncentive(), (d) => {
      deleteEntity(d, 'dataTypes', 'new-data-type');
    });
    expect(after.financialIncentives![0].dataTypes).toEqual(['email-address']);
    const none = produce(after, (d) => {
      deleteEntity(d, 'dataTypes', 'email-address');
    });
    expect(none.financialIncentives![0]).not.toHaveProperty('dataTypes');
  });
});
