// recipientPurposes through the edits that touch it: the default (every purpose), tidying after the
// recipients or purposes change, and renaming or deleting a recipient or a purpose.
import { describe, expect, it } from 'vitest';
import { deleteEntity, renameEntityId } from './ids';
import { recipientsFor, tidyRecipientPurposes } from './recipient-purposes';
import type { DataType, Workspace } from './schema';
import { validateWorkspace } from './validate';

function workspace(): Workspace {
  return {
    format: 'candor/workspace',
    version: 1,
    organization: { name: 'Acme', jurisdictions: ['gdpr'] },
    purposes: [
      { id: 'orders', name: 'Take orders' },
      { id: 'fraud', name: 'Prevent fraud' },
      { id: 'support', name: 'Answer questions' },
    ],
    recipients: [
      { id: 'host', name: 'Host' },
      { id: 'scorer', name: 'Fraud scorer' },
      { id: 'desk', name: 'Help desk' },
    ],
    collectionPoints: [],
    dataTypes: [
      {
        id: 'email',
        name: 'Email',
        category: 'user.contact.email',
        purposes: ['orders', 'fraud', 'support'],
        recipients: ['host', 'scorer', 'desk'],
        recipientPurposes: { scorer: ['fraud'], desk: ['support', 'orders'] },
      },
    ],
    settings: {},
  };
}

const email = (ws: Workspace): DataType => ws.dataTypes[0];

describe('recipientsFor', () => {
  it('gives each purpose the recipients the map allows, and every recipient where it says nothing', () => {
    const d = email(workspace());
    expect(recipientsFor(d, 'orders')).toEqual(['host', 'desk']);
    expect(recipientsFor(d, 'fraud')).toEqual(['host', 'scorer']);
    expect(recipientsFor(d, 'support')).toEqual(['host', 'desk']);
    delete d.recipientPurposes;
    expect(recipientsFor(d, 'fraud')).toEqual(['host', 'scorer', 'desk']);
  });
});

describe('tidyRecipientPurposes', () => {
  it('drops entries of recipients no longer chosen and purposes no longer listed, and follows the order of recipients', () => {
    const d = email(workspace());
    d.recipients = ['desk', 'host'];
    d.purposes = ['orders', 'support', 'fraud'];
    tidyRecipientPurposes(d);
    expect(d.recipientPurposes).toEqual({ desk: ['support', 'orders'] });
  });

  it('removes a recipient whose only purposes are gone, and an entry that names every purpose', () => {
    const d = email(workspace());
    d.purposes = ['orders', 'support'];
    tidyRecipientPurposes(d);
    // The scorer received it only for fraud prevention; the help desk now has every purpose, the default.
    expect(d.recipients).toEqual(['host', 'desk']);
    expect(d).not.toHaveProperty('recipientPurposes');
  });
});

describe('renaming and deleting keep recipientPurposes valid', () => {
  it('renames a recipient key in place and a purpose inside the lists', () => {
    const ws = workspace();
    renameEntityId(ws, 'recipients', 'scorer', 'risk-scorer');
    renameEntityId(ws, 'purposes', 'support', 'help');
    expect(email(ws).recipientPurposes).toEqual({ 'risk-scorer': ['fraud'], desk: ['help', 'orders'] });
    expect(Object.keys(email(ws).recipientPurposes!)).toEqual(['risk-scorer', 'desk']);
    expect(validateWorkspace(ws).ok).toBe(true);
  });

  it('deletes a recipient with its entry, and a purpose from the entries (with a recipient that had only that purpose)', () => {
    const ws = workspace();
    deleteEntity(ws, 'recipients', 'desk');
    expect(email(ws).recipientPurposes).toEqual({ scorer: ['fraud'] });
    deleteEntity(ws, 'purposes', 'fraud');
    expect(email(ws).recipients).toEqual(['host']);
    expect(email(ws)).not.toHaveProperty('recipientPurposes');
    expect(validateWorkspace(ws).ok).toBe(true);
  });
});
