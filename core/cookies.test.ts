// Cookies and app tracking as the notice and the review see them: which apps track, where consent is
// recorded, and the notice's cookie table (each cookie once, the strictly necessary first, names escaped).
import { describe, expect, it } from 'vitest';
import { appRecipients, appTracking, consentRecordedAt, cookieProviders } from './cookies';
import { buildContext } from './documents/context';
import { cleanWorkspace } from './lint/fixtures';
import type { Workspace } from './schema';

const INFO = { id: 'privacy-notice', title: 'Privacy notice', locale: 'en' };

function withWebsite(ws: Workspace): Workspace {
  ws.collectionPoints.push(
    {
      id: 'website',
      name: 'Website',
      platform: 'web',
      cookies: [
        { name: 'ad_id', provider: 'adnet', purpose: 'Measures our ads.', duration: '13 months', party: 'third', necessary: false },
        { name: 'session', purpose: 'Keeps you signed in.', duration: 'Session', party: 'first', necessary: true },
      ],
    },
    // The same session cookie on a second page is one row of the table.
    {
      id: 'help-centre',
      name: 'Help centre',
      platform: 'web',
      cookies: [{ name: 'session', purpose: 'Keeps you signed in.', duration: 'Session', party: 'first', necessary: true }],
    },
  );
  return ws;
}

describe('appTracking', () => {
  it('finds tracking on iOS (data marked tracking, or the ATT prompt) and on Android, only where there is an app', () => {
    const ws = cleanWorkspace();
    expect(appTracking(ws)).toEqual({ ios: true, iosPrompt: true, android: true });
    const iosOnly = cleanWorkspace();
    iosOnly.dataTypes.find((d) => d.id === 'advertising-id')!.collectedAt = ['att-prompt'];
    expect(appTracking(iosOnly)).toEqual({ ios: true, iosPrompt: true, android: false });
    const none = cleanWorkspace();
    none.dataTypes.find((d) => d.id === 'advertising-id')!.tracking = false;
    none.collectionPoints = none.collectionPoints.filter((c) => c.id !== 'att-prompt');
    none.dataTypes.find((d) => d.id === 'advertising-id')!.collectedAt = ['signup-android'];
    expect(appTracking(none)).toEqual({ ios: false, iosPrompt: false, android: false });
  });
});

describe('consentRecordedAt, cookieProviders and appRecipients', () => {
  it('records consent through a consent-based purpose or a consent record, and names providers and SDK recipients', () => {
    const ws = withWebsite(cleanWorkspace());
    const website = ws.collectionPoints.find((c) => c.id === 'website')!;
    expect(consentRecordedAt(ws, website)).toBe(false);
    ws.dataTypes.find((d) => d.id === 'email-address')!.collectedAt!.push('website');
    expect(consentRecordedAt(ws, website)).toBe(false);
    ws.dataTypes.find((d) => d.id === 'email-address')!.consent = { collection: true };
    expect(consentRecordedAt(ws, website)).toBe(true);
    expect([...cookieProviders(ws)]).toEqual(['adnet']);
    expect(appRecipients(ws).has('adnet')).toBe(true);
    // A recipient of data collected only on the web or the servers has no SDK in the apps.
    ws.dataTypes.find((d) => d.id === 'email-address')!.recipients = ['aws', 'pixelco'];
    ws.dataTypes.find((d) => d.id === 'email-address')!.collectedAt = ['website'];
    expect(appRecipients(ws).has('pixelco')).toBe(false);
  });
});

describe("the notice's cookie view", () => {
  it('lists each cookie once, the strictly necessary first, with the provider named and the organisation for its own', () => {
    const ws = withWebsite(cleanWorkspace());
    const { cookies } = buildContext(ws, INFO);
    expect(cookies.present).toBe(true);
    expect(cookies.list).toEqual([
      {
        name: 'session',
        provider: 'Acme Notes',
        purpose: 'Keeps you signed in.',
        duration: 'Session',
        party: 'First party',
        necessary: 'Yes',
      },
      {
        name: 'ad_id',
        provider: 'Ad Network',
        purpose: 'Measures our ads.',
        duration: '13 months',
        party: 'Third party',
        necessary: 'No',
      },
    ]);
    expect(cookies.optional).toBe(true);
    expect(cookies.consent).toBe(false);
    expect(cookies.saleOrSharing).toBe(true);
  });

  it('says consent is recorded only when it is at every point with a cookie not marked strictly necessary', () => {
    const ws = withWebsite(cleanWorkspace());
    ws.dataTypes.find((d) => d.id === 'advertising-id')!.collectedAt!.push('website');
    expect(buildContext(ws, INFO).cookies.consent).toBe(true);
    ws.collectionPoints.find((c) => c.id === 'help-centre')!.cookies!.push({ name: 'chat', party: 'third' });
    expect(buildContext(ws, INFO).cookies.consent).toBe(false);
  });

  it('has no section when no cookie is listed and no app tracks', () => {
    const ws = cleanWorkspace();
    ws.dataTypes.find((d) => d.id === 'advertising-id')!.tracking = false;
    ws.collectionPoints = ws.collectionPoints.filter((c) => c.id !== 'att-prompt');
    ws.dataTypes.find((d) => d.id === 'advertising-id')!.collectedAt = ['signup-android'];
    expect(buildContext(ws, INFO).cookies).toMatchObject({ present: false, list: [], optional: false, consent: false });
  });
});
