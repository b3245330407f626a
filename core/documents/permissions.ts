// Every permission of the workspace format, with the iOS Info.plist keys that carry its usage description
// and the Android permissions a manifest declares for it, plus the words the in-app texts use for it.
// Sources: Apple's "Protected resources" list and App Review Guideline 5.1.1 (see
// docs/reference/formats-and-law.md §6.1–6.2), Android's Manifest.permission and Health Connect's
// HealthPermissions references, and the Play User Data policy on prominent disclosure (§2.7).
import type { DataType, Permission } from '../schema';

export interface IosPermission {
  /** Info.plist keys that take the usage description; the first is the one the permission is about.
   * Empty when iOS asks without a usage description (notifications). */
  keys: string[];
  /** what the designer should know about these keys */
  note?: string;
  /** completes "<App> … to <purpose>": "uses your camera" */
  use: string;
}

export interface AndroidPermission {
  /** manifest permissions; for health data, a fallback when no data type names a Health Connect record */
  permissions: string[];
  /** whether Android shows a runtime prompt, so that a rationale can precede it */
  runtime: boolean;
  note?: string;
  /** completes "<App> needs …": "access to your camera" */
  need: string;
}

export interface PermissionInfo {
  /** how a designer names it: "Location (always)" */
  label: string;
  ios: IosPermission;
  android: AndroidPermission;
}

const A = (name: string) => `android.permission.${name}`;

export const PERMISSION_TABLE: Record<Permission, PermissionInfo> = {
  camera: {
    label: 'Camera',
    ios: { keys: ['NSCameraUsageDescription'], use: 'uses your camera' },
    android: { permissions: [A('CAMERA')], runtime: true, need: 'access to your camera' },
  },
  microphone: {
    label: 'Microphone',
    ios: { keys: ['NSMicrophoneUsageDescription'], use: 'uses your microphone' },
    android: { permissions: [A('RECORD_AUDIO')], runtime: true, need: 'access to your microphone' },
  },
  photos: {
    label: 'Photo library',
    ios: { keys: ['NSPhotoLibraryUsageDescription'], use: 'uses photos from your library' },
    android: {
      permissions: [A('READ_MEDIA_IMAGES'), A('READ_MEDIA_VIDEO'), A('READ_MEDIA_VISUAL_USER_SELECTED')],
      runtime: true,
      note: 'Android 12L and lower use READ_EXTERNAL_STORAGE instead. The system photo picker needs no permission at all; prefer it when people only pick a few photos.',
      need: 'access to your photos',
    },
  },
  'photos-add': {
    label: 'Save to photo library',
    ios: { keys: ['NSPhotoLibraryAddUsageDescription'], use: 'saves photos to your library' },
    android: {
      permissions: [A('WRITE_EXTERNAL_STORAGE')],
      runtime: true,
      note: 'Needed only up to Android 9 (declare it with android:maxSdkVersion="28"); from Android 10, saving through MediaStore needs no permission.',
      need: 'permission to save photos to your phone',
    },
  },
  'location-when-in-use': {
    label: 'Location (while using the app)',
    ios: { keys: ['NSLocationWhenInUseUsageDescription'], use: 'uses your location while you use the app' },
    android: {
      permissions: [A('ACCESS_FINE_LOCATION'), A('ACCESS_COARSE_LOCATION')],
      runtime: true,
      note: 'From Android 12, ask for fine and coarse location together; people can still grant only approximate location.',
      need: 'your location while you use the app',
    },
  },
  'location-always': {
    label: 'Location (always)',
    ios: {
      keys: ['NSLocationAlwaysAndWhenInUseUsageDescription', 'NSLocationWhenInUseUsageDescription'],
      note: 'iOS asks for location while in use first, so an app that asks for Always needs both keys.',
      use: 'uses your location, also when the app is in the background,',
    },
    android: {
      permissions: [A('ACCESS_FINE_LOCATION'), A('ACCESS_COARSE_LOCATION'), A('ACCESS_BACKGROUND_LOCATION')],
      runtime: true,
      note: 'Ask for background location only after foreground location is granted. Google Play requires a prominent in-app disclosure before the request: this rationale is written as one.',
      need: 'your location all the time, also when the app is closed or not in use',
    },
  },
  contacts: {
    label: 'Contacts',
    ios: { keys: ['NSContactsUsageDescription'], use: 'uses your contacts' },
    android: { permissions: [A('READ_CONTACTS')], runtime: true, need: 'access to your contacts' },
  },
  calendars: {
    label: 'Calendars',
    ios: {
      keys: ['NSCalendarsFullAccessUsageDescription', 'NSCalendarsUsageDescription'],
      note: 'NSCalendarsUsageDescription is the key before iOS 17; keep both while you support iOS 16.',
      use: 'uses your calendars',
    },
    android: { permissions: [A('READ_CALENDAR'), A('WRITE_CALENDAR')], runtime: true, need: 'access to your calendar' },
  },
  reminders: {
    label: 'Reminders',
    ios: {
      keys: ['NSRemindersFullAccessUsageDescription', 'NSRemindersUsageDescription'],
      note: 'NSRemindersUsageDescription is the key before iOS 17; keep both while you support iOS 16.',
      use: 'uses your reminders',
    },
    android: {
      permissions: [],
      runtime: false,
      note: 'Android has no shared reminders store and no permission for one, so there is no prompt and no rationale.',
      need: 'access to your reminders',
    },
  },
  bluetooth: {
    label: 'Bluetooth',
    ios: { keys: ['NSBluetoothAlwaysUsageDescription'], use: 'connects to Bluetooth devices' },
    android: {
      permissions: [A('BLUETOOTH_CONNECT'), A('BLUETOOTH_SCAN')],
      runtime: true,
      note: 'From Android 12; older versions use BLUETOOTH, BLUETOOTH_ADMIN and location instead.',
      need: 'permission to find and connect to nearby devices',
    },
  },
  motion: {
    label: 'Motion and fitness',
    ios: { keys: ['NSMotionUsageDescription'], use: 'uses your motion and fitness data' },
    android: { permissions: [A('ACTIVITY_RECOGNITION')], runtime: true, need: 'access to your physical activity' },
  },
  'health-read': {
    label: 'Health data (read)',
    ios: { keys: ['NSHealthShareUsageDescription'], use: 'reads data from Apple Health' },
    android: {
      permissions: [],
      runtime: true,
      note: 'Health Connect has one permission per kind of record (android.permission.health.READ_HEART_RATE, READ_STEPS, …): declare the ones for the data types collected here.',
      need: 'permission to read health data from Health Connect',
    },
  },
  'health-write': {
    label: 'Health data (write)',
    ios: { keys: ['NSHealthUpdateUsageDescription'], use: 'saves data to Apple Health' },
    android: {
      permissions: [],
      runtime: true,
      note: 'Health Connect has one permission per kind of record (android.permission.health.WRITE_EXERCISE, WRITE_STEPS, …): declare the ones for the data types written here.',
      need: 'permission to save health data to Health Connect',
    },
  },
  tracking: {
    label: 'Tracking (App Tracking Transparency)',
    ios: { keys: ['NSUserTrackingUsageDescription'], use: 'links data about you with data from other companies' },
    android: {
      permissions: ['com.google.android.gms.permission.AD_ID'],
      runtime: false,
      note: 'Declaring AD_ID shows no prompt on Android; ask for consent in your own dialog, and show the just-in-time disclosure there.',
      need: 'your advertising ID',
    },
  },
  speech: {
    label: 'Speech recognition',
    ios: { keys: ['NSSpeechRecognitionUsageDescription'], use: 'uses speech recognition' },
    android: { permissions: [A('RECORD_AUDIO')], runtime: true, need: 'access to your microphone' },
  },
  'face-id': {
    label: 'Face ID',
    ios: { keys: ['NSFaceIDUsageDescription'], use: 'uses Face ID' },
    android: {
      permissions: [A('USE_BIOMETRIC')],
      runtime: false,
      note: 'USE_BIOMETRIC is granted at install; the system fingerprint or face dialog explains itself.',
      need: 'your fingerprint or face unlock',
    },
  },
  'local-network': {
    label: 'Local network',
    ios: {
      keys: ['NSLocalNetworkUsageDescription'],
      note: 'List the Bonjour service types you browse in NSBonjourServices.',
      use: 'connects to devices on your local network',
    },
    android: {
      permissions: [],
      runtime: false,
      note: 'Android shows no prompt for local-network access (INTERNET is granted at install).',
      need: 'access to devices on your local network',
    },
  },
  notifications: {
    label: 'Notifications',
    ios: {
      keys: [],
      note: 'iOS takes no usage description for notifications: the system prompt shows no text of yours. Show the just-in-time disclosure before you ask.',
      use: 'sends you notifications',
    },
    android: {
      permissions: [A('POST_NOTIFICATIONS')],
      runtime: true,
      note: 'A runtime permission from Android 13; earlier versions allow notifications by default.',
      need: 'permission to send you notifications',
    },
  },
};

// Health Connect's record permissions, found from the words a data type's name uses. Longer phrases
// come first so that "resting heart rate" is not read as "heart rate".
const HEALTH_RECORDS: readonly [RegExp, string, string][] = [
  [/\bresting heart rate\b/, 'RESTING_HEART_RATE', 'resting heart rate'],
  [/\bheart rate variability\b|\bhrv\b/, 'HEART_RATE_VARIABILITY', 'heart rate variability'],
  [/\bheart[ -]rate\b|\bpulse\b/, 'HEART_RATE', 'heart rate'],
  [/\bblood pressure\b/, 'BLOOD_PRESSURE', 'blood pressure'],
  [/\bblood (glucose|sugar)\b/, 'BLOOD_GLUCOSE', 'blood glucose'],
  [/\boxygen saturation\b|\bspo2\b/, 'OXYGEN_SATURATION', 'oxygen saturation'],
  [/\brespiratory rate\b|\bbreathing rate\b/, 'RESPIRATORY_RATE', 'breathing rate'],
  [/\bbody temperature\b/, 'BODY_TEMPERATURE', 'body temperature'],
  [/\bbody fat\b/, 'BODY_FAT', 'body fat'],
  [/\bweight\b/, 'WEIGHT', 'weight'],
  [/\bheight\b/, 'HEIGHT', 'height'],
  [/\bsleep\b/, 'SLEEP', 'sleep'],
  [/\bsteps?\b/, 'STEPS', 'steps'],
  [/\bdistance\b/, 'DISTANCE', 'distance'],
  [/\belevation\b|\bascent\b/, 'ELEVATION_GAINED', 'elevation gained'],
  [/\bfloors?\b/, 'FLOORS_CLIMBED', 'floors climbed'],
  [/\bcalories\b/, 'TOTAL_CALORIES_BURNED', 'calories burned'],
  [/\bvo2 ?max\b/, 'VO2_MAX', 'VO2 max'],
  [/\bhydration\b|\bwater intake\b/, 'HYDRATION', 'hydration'],
  [/\bnutrition\b|\bmeals?\b|\bfood\b/, 'NUTRITION', 'nutrition'],
  [/\bmenstruation\b|\bperiods?\b|\bcycle\b/, 'MENSTRUATION', 'cycle'],
  [/\bspeed\b/, 'SPEED', 'speed'],
  [/\bpower\b/, 'POWER', 'power'],
  [/\bworkouts?\b|\bexercise\b|\bactivit(y|ies)\b/, 'EXERCISE', 'workouts'],
];

export interface HealthRecords {
  permissions: string[];
  /** what the records are, in words: ["heart rate"] */
  words: string[];
}

/** The Health Connect permissions the data types imply, from their names; empty when none matches. */
export function healthConnectPermissions(kind: 'read' | 'write', dataTypes: readonly DataType[]): HealthRecords {
  const permissions: string[] = [];
  const words: string[] = [];
  for (const dataType of dataTypes) {
    const name = dataType.name.toLowerCase();
    for (const [pattern, record, word] of HEALTH_RECORDS) {
      if (!pattern.test(name)) continue;
      const permission = `android.permission.health.${kind === 'read' ? 'READ' : 'WRITE'}_${record}`;
      if (!permissions.includes(permission)) {
        permissions.push(permission);
        words.push(word);
      }
      break;
    }
  }
  return { permissions, words };
}
