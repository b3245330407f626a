// Cookies and similar technologies, and tracking in the apps: the questions the privacy notice and the
// review both ask, answered in one place so the two never disagree.
import { collectedOn, hasPlatform, pointIsOn } from './platforms';
import type { CollectionPoint, Workspace } from './schema';

/** Which apps track (Apple's and Google's sense: ads measured or targeted across other companies' apps). */
export interface AppTracking {
  /** the iOS app tracks: a data type used for tracking is collected there, or it asks the App Tracking Transparency permission */
  ios: boolean;
  /** the iOS app asks the App Tracking Transparency permission */
  iosPrompt: boolean;
  /** the Android app tracks: a data type used for tracking is collected there */
  android: boolean;
}

export function appTracking(workspace: Pick<Workspace, 'collectionPoints' | 'dataTypes'>): AppTracking {
  const tracked = workspace.dataTypes.filter((d) => d.tracking === true);
  const iosPrompt = workspace.collectionPoints.some((p) => p.permission === 'tracking' && pointIsOn(p, 'ios'));
  return {
    ios: hasPlatform(workspace, 'ios') && (iosPrompt || tracked.some((d) => collectedOn(workspace, d, 'ios'))),
    iosPrompt,
    android: hasPlatform(workspace, 'android') && tracked.some((d) => collectedOn(workspace, d, 'android')),
  };
}

/**
 * Whether consent is recorded for what is collected at the point: a data type collected there records
 * consent to its collection, or is used for a purpose whose lawful basis is consent.
 */
export function consentRecordedAt(workspace: Pick<Workspace, 'dataTypes' | 'purposes'>, point: Pick<CollectionPoint, 'id'>): boolean {
  const consentPurposes = new Set(workspace.purposes.filter((p) => p.lawfulBasis === 'consent').map((p) => p.id));
  return workspace.dataTypes.some(
    (d) => d.collectedAt?.includes(point.id) && (d.consent?.collection === true || d.purposes.some((p) => consentPurposes.has(p))),
  );
}

/** The recipients named as the provider of a cookie anywhere. */
export function cookieProviders(workspace: Pick<Workspace, 'collectionPoints'>): Set<string> {
  return new Set(workspace.collectionPoints.flatMap((p) => (p.cookies ?? []).flatMap((c) => (c.provider ? [c.provider] : []))));
}

/** The recipients that receive a data type collected in the iOS or Android app: an SDK inside the app. */
export function appRecipients(workspace: Pick<Workspace, 'collectionPoints' | 'dataTypes'>): Set<string> {
  return new Set(
    workspace.dataTypes
      .filter((d) => collectedOn(workspace, d, 'ios') || collectedOn(workspace, d, 'android'))
      .flatMap((d) => d.recipients ?? []),
  );
}
