import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type DataType } from '../schema';
import { healthConnectPermissions, PERMISSION_TABLE } from './permissions';

// The mapping the issue and Apple's "Protected resources" list ask for, written out once more by hand.
const IOS_KEYS: Record<string, string[]> = {
  camera: ['NSCameraUsageDescription'],
  microphone: ['NSMicrophoneUsageDescription'],
  photos: ['NSPhotoLibraryUsageDescription'],
  'photos-add': ['NSPhotoLibraryAddUsageDescription'],
  'location-when-in-use': ['NSLocationWhenInUseUsageDescription'],
  'location-always': ['NSLocationAlwaysAndWhenInUseUsageDescription', 'NSLocationWhenInUseUsageDescription'],
  contacts: ['NSContactsUsageDescription'],
  calendars: ['NSCalendarsFullAccessUsageDescription', 'NSCalendarsUsageDescription'],
  reminders: ['NSRemindersFullAccessUsageDescription', 'NSRemindersUsageDescription'],
  bluetooth: ['NSBluetoothAlwaysUsageDescription'],
  motion: ['NSMotionUsageDescription'],
  'health-read': ['NSHealthShareUsageDescription'],
  'health-write': ['NSHealthUpdateUsageDescription'],
  tracking: ['NSUserTrackingUsageDescription'],
  speech: ['NSSpeechRecognitionUsageDescription'],
  'face-id': ['NSFaceIDUsageDescription'],
  'local-network': ['NSLocalNetworkUsageDescription'],
  notifications: [],
};

const ANDROID_INCLUDES: Record<string, string> = {
  camera: 'android.permission.CAMERA',
  microphone: 'android.permission.RECORD_AUDIO',
  photos: 'android.permission.READ_MEDIA_IMAGES',
  'location-when-in-use': 'android.permission.ACCESS_FINE_LOCATION',
  'location-always': 'android.permission.ACCESS_BACKGROUND_LOCATION',
  contacts: 'android.permission.READ_CONTACTS',
  calendars: 'android.permission.READ_CALENDAR',
  bluetooth: 'android.permission.BLUETOOTH_CONNECT',
  motion: 'android.permission.ACTIVITY_RECOGNITION',
  speech: 'android.permission.RECORD_AUDIO',
  notifications: 'android.permission.POST_NOTIFICATIONS',
};

function dataType(name: string): DataType {
  return { id: 'x', name, category: 'user.biometric.health', purposes: ['p'] };
}

describe('PERMISSION_TABLE', () => {
  it('has an entry for every permission of the format, and nothing else', () => {
    expect(Object.keys(PERMISSION_TABLE).sort()).toEqual([...PERMISSIONS].sort());
  });

  it.each([...PERMISSIONS])('maps %s to its Info.plist keys', (permission) => {
    expect(PERMISSION_TABLE[permission].ios.keys).toEqual(IOS_KEYS[permission]);
  });

  it('asks for both location keys for location-always, the Always key first', () => {
    expect(PERMISSION_TABLE['location-always'].ios.keys).toEqual([
      'NSLocationAlwaysAndWhenInUseUsageDescription',
      'NSLocationWhenInUseUsageDescription',
    ]);
  });

  it('says why notifications have no iOS key', () => {
    expect(PERMISSION_TABLE.notifications.ios.note).toMatch(/no usage description/);
  });

  it.each(Object.entries(ANDROID_INCLUDES))('declares %s with %s on Android', (permission, name) => {
    expect(PERMISSION_TABLE[permission as keyof typeof PERMISSION_TABLE].android.permissions).toContain(name);
  });

  it('explains every Android permission without a runtime prompt or without a fixed name', () => {
    for (const [permission, info] of Object.entries(PERMISSION_TABLE)) {
      if (!info.android.runtime || info.android.permissions.length === 0) {
        expect(info.android.note, permission).toBeTruthy();
      }
      for (const name of info.android.permissions)
        expect(name, permission).toMatch(/^(android|com\.google\.android\.gms)\.permission\.[A-Z_]+$/);
    }
  });
});

describe('healthConnectPermissions', () => {
  it('finds Health Connect record permissions from data type names', () => {
    expect(healthConnectPermissions('read', [dataType('Heart rate')])).toEqual({
      permissions: ['android.permission.health.READ_HEART_RATE'],
      words: ['heart rate'],
    });
    expect(healthConnectPermissions('write', [dataType('Resting heart rate'), dataType('Sleep sessions')]).permissions).toEqual([
      'android.permission.health.WRITE_RESTING_HEART_RATE',
      'android.permission.health.WRITE_SLEEP',
    ]);
  });

  it('lists a permission once and nothing for names it does not know', () => {
    expect(healthConnectPermissions('read', [dataType('Heart rate'), dataType('Heart-rate zones')]).permissions).toEqual([
      'android.permission.health.READ_HEART_RATE',
    ]);
    expect(healthConnectPermissions('read', [dataType('Favourite colour')])).toEqual({ permissions: [], words: [] });
  });
});
