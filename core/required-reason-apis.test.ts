import { describe, expect, it } from 'vitest';
import {
  REQUIRED_REASON_API_CATEGORIES,
  REQUIRED_REASON_API_PREFIX,
  REQUIRED_REASON_API_SOURCE,
  requiredReason,
  requiredReasonCategory,
  requiredReasonFor,
} from './required-reason-apis';

// Spelled out from docs/reference/formats-and-law.md §1.4, in Apple's order.
const EXPECTED: Record<string, string[]> = {
  NSPrivacyAccessedAPICategoryFileTimestamp: ['DDA9.1', 'C617.1', '3B52.1', '0A2A.1'],
  NSPrivacyAccessedAPICategorySystemBootTime: ['35F9.1', '8FFB.1', '3D61.1'],
  NSPrivacyAccessedAPICategoryDiskSpace: ['85F4.1', 'E174.1', '7D9E.1', 'B728.1'],
  NSPrivacyAccessedAPICategoryActiveKeyboards: ['3EC4.1', '54BD.1'],
  NSPrivacyAccessedAPICategoryUserDefaults: ['CA92.1', '1C8F.1', 'C56D.1', 'AC6B.1'],
};

const allReasons = () => REQUIRED_REASON_API_CATEGORIES.flatMap((c) => c.reasons.map((r) => ({ category: c, reason: r })));

describe('required-reason API table', () => {
  it('holds exactly the categories and reason codes of §1.4, in order', () => {
    expect(Object.fromEntries(REQUIRED_REASON_API_CATEGORIES.map((c) => [c.id, c.reasons.map((r) => r.code)]))).toEqual(EXPECTED);
    expect(REQUIRED_REASON_API_CATEGORIES.map((c) => c.id)).toEqual(Object.keys(EXPECTED));
    expect(
      allReasons()
        .map((r) => r.reason.code)
        .sort(),
    ).toEqual(Object.values(EXPECTED).flat().sort());
  });

  it('puts every reason code under exactly one category', () => {
    for (const { reason } of allReasons()) {
      const owners = REQUIRED_REASON_API_CATEGORIES.filter((c) => c.reasons.some((r) => r.code === reason.code));
      expect(owners, reason.code).toHaveLength(1);
    }
  });

  it('gives every category a short label and its identifier without the prefix', () => {
    expect(REQUIRED_REASON_API_CATEGORIES.map((c) => c.label)).toEqual([
      'File timestamps',
      'System boot time',
      'Disk space',
      'Active keyboards',
      'User defaults',
    ]);
    for (const c of REQUIRED_REASON_API_CATEGORIES) expect(REQUIRED_REASON_API_PREFIX + c.short).toBe(c.id);
  });

  // One style for every meaning, so that a list of them reads evenly: one line, a capital first, no
  // full stop at the end, short enough for a table cell.
  it('writes every meaning in one style', () => {
    for (const { reason } of allReasons()) {
      expect(reason.meaning.trim(), reason.code).toBe(reason.meaning);
      expect(reason.meaning, reason.code).toMatch(/^[A-Z]/);
      expect(reason.meaning, reason.code).not.toMatch(/[.;:,]$/);
      expect(reason.meaning, reason.code).not.toMatch(/\n/);
      expect(reason.meaning.length, reason.code).toBeGreaterThan(20);
      expect(reason.meaning.length, reason.code).toBeLessThanOrEqual(120);
    }
  });

  it('marks the reasons only some apps may declare', () => {
    expect(requiredReason('0A2A.1')?.reason.meaning).toMatch(/^Third-party SDKs only/);
    expect(requiredReason('C56D.1')?.reason.meaning).toMatch(/^Third-party SDKs only/);
    expect(requiredReason('B728.1')?.reason.meaning).toMatch(/^Health research apps only/);
    expect(requiredReason('3EC4.1')?.reason.meaning).toMatch(/^Custom keyboard apps only/);
  });

  it('names its source with a URL and the month checked', () => {
    expect(REQUIRED_REASON_API_SOURCE.name).toMatch(/Apple/);
    expect(REQUIRED_REASON_API_SOURCE.url).toMatch(/^https:\/\/developer\.apple\.com\/documentation\/bundleresources\//);
    expect(REQUIRED_REASON_API_SOURCE.checked).toBe('2026-12');
  });
});

describe('lookups', () => {
  it('finds a category by its full or its short identifier', () => {
    expect(requiredReasonCategory('NSPrivacyAccessedAPICategoryDiskSpace')?.label).toBe('Disk space');
    expect(requiredReasonCategory('DiskSpace')?.id).toBe('NSPrivacyAccessedAPICategoryDiskSpace');
    expect(requiredReasonCategory('Location')).toBeUndefined();
    expect(requiredReasonCategory('NSPrivacyAccessedAPICategory')).toBeUndefined();
  });

  it('finds a reason by its code, with its category', () => {
    const found = requiredReason('CA92.1');
    expect(found?.category.short).toBe('UserDefaults');
    expect(found?.reason.meaning).toBe('Read and write information only the app itself can access');
    expect(requiredReason('CA92.2')).toBeUndefined();
  });

  it('accepts a reason only under its own category', () => {
    expect(requiredReasonFor('UserDefaults', 'CA92.1')?.code).toBe('CA92.1');
    expect(requiredReasonFor('NSPrivacyAccessedAPICategorySystemBootTime', '35F9.1')?.code).toBe('35F9.1');
    expect(requiredReasonFor('DiskSpace', 'CA92.1')).toBeUndefined();
    expect(requiredReasonFor('Nope', 'CA92.1')).toBeUndefined();
  });
});
