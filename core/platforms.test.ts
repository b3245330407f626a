import { describe, expect, it } from 'vitest';
import { collectedOn, hasPlatform, pointIsOn, pointPlatforms, storeUnavailableReason } from './platforms';
import type { CollectionPoint, Workspace } from './schema';
import { cleanWorkspace } from './lint/fixtures';
import { playDataSafetyCsv } from './stores/play';
import { applePrivacyManifestXml } from './stores/apple';

describe('collection points on several platforms', () => {
  it('reads the list, the older single platform, or both, without repeats', () => {
    expect(pointPlatforms({ platform: 'ios' })).toEqual(['ios']);
    expect(pointPlatforms({ platforms: ['ios', 'android'] })).toEqual(['ios', 'android']);
    expect(pointPlatforms({ platform: 'ios', platforms: ['android', 'ios'] })).toEqual(['android', 'ios']);
    expect(pointPlatforms({})).toEqual([]);
    expect(pointIsOn({ platforms: ['web', 'android'] }, 'android')).toBe(true);
    expect(pointIsOn({ platforms: ['web'] }, 'ios')).toBe(false);
  });

  it('puts data collected at one point in the iOS and the Android app into both stores’ declarations', () => {
    const ws = cleanWorkspace();
    const shared: CollectionPoint = { id: 'signup', name: 'Sign-up', platforms: ['ios', 'android'] };
    const only = (w: Workspace) => ({
      ...w,
      collectionPoints: [shared],
      dataTypes: w.dataTypes.map((d) => ({ ...d, collectedAt: ['signup'] })),
    });
    const both = only(ws);
    expect(hasPlatform(both, 'ios') && hasPlatform(both, 'android')).toBe(true);
    expect(collectedOn(both, both.dataTypes[0], 'ios')).toBe(true);
    expect(storeUnavailableReason(both, 'apple')).toBeUndefined();
    expect(storeUnavailableReason(both, 'play')).toBeUndefined();
    expect(applePrivacyManifestXml(both)).toContain('NSPrivacyCollectedDataTypeEmailAddress');
    expect(playDataSafetyCsv(both)).toContain('PSL_EMAIL');
    const webOnly = only({ ...ws });
    webOnly.collectionPoints = [{ ...shared, platforms: ['web'] }];
    expect(storeUnavailableReason(webOnly, 'apple')).toBeDefined();
  });
});
