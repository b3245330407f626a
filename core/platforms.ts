// Which platform a data type is collected on, decided in one place. The store declarations (Apple's
// privacy manifest and App Store answers, Google Play's Data safety form), the review's store rules and
// the coverage matrix all ask these questions, so they can never disagree about what belongs to which
// app. A data type is collected on a platform when at least one of its collection points (`collectedAt`)
// is on that platform; a data type with no collection point is collected on none, since nothing shows
// that the app collects it (the review's `collected-nowhere` rule asks for its collection points).
import type { CollectionPoint, DataType, PLATFORMS, Workspace } from './schema';

export type Platform = (typeof PLATFORMS)[number];

/** The store whose declaration covers the app on this platform. */
export const STORE_PLATFORM = { apple: 'ios', play: 'android' } as const satisfies Record<string, Platform>;
export type Store = keyof typeof STORE_PLATFORM;

/** Every platform the collection point is on: its `platforms` and its `platform` (older files), without repeats. */
export function pointPlatforms(point: Pick<CollectionPoint, 'platform' | 'platforms'>): Platform[] {
  const all = [...(point.platforms ?? []), ...(point.platform ? [point.platform] : [])];
  return [...new Set(all)];
}

/**
 * Whether a point's in-app texts are offered for an app on `platform`: a point on it, on "other", or with
 * no platform recorded yet (it may be in either app).
 */
export function textsApplyOn(platforms: readonly Platform[], platform: 'ios' | 'android'): boolean {
  return platforms.length === 0 || platforms.includes(platform) || platforms.includes('other');
}

/** Whether the collection point is on the platform. */
export function pointIsOn(point: Pick<CollectionPoint, 'platform' | 'platforms'>, platform: Platform): boolean {
  return point.platform === platform || (point.platforms?.includes(platform) ?? false);
}

/** Whether the workspace has a collection point on the platform, i.e. an app there. */
export function hasPlatform(workspace: Pick<Workspace, 'collectionPoints'>, platform: Platform): boolean {
  return workspace.collectionPoints.some((point) => pointIsOn(point, platform));
}

/** Whether at least one of the data type's collection points is on the platform. */
export function collectedOn(
  workspace: Pick<Workspace, 'collectionPoints'>,
  dataType: Pick<DataType, 'collectedAt'>,
  platform: Platform,
): boolean {
  const ids = new Set(dataType.collectedAt ?? []);
  return ids.size > 0 && workspace.collectionPoints.some((point) => ids.has(point.id) && pointIsOn(point, platform));
}

/**
 * Why a store gets no declaration from this workspace, or undefined when it gets one. The build, the
 * export command and the app's Review screen print this sentence.
 */
export function storeUnavailableReason(workspace: Pick<Workspace, 'collectionPoints'>, store: Store): string | undefined {
  if (hasPlatform(workspace, STORE_PLATFORM[store])) return undefined;
  return store === 'apple'
    ? 'No Apple outputs: no collection point is on iOS, so there is no iOS app to declare to Apple.'
    : 'No Google Play outputs: no collection point is on Android, so there is no Android app to declare to Google Play.';
}
