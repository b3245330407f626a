// The gate's own rules, without running the analyser (that takes 5–20 s and runs in CI through
// `npm run electronegativity`, which first proves on a bad window that it can fail).
import { describe, expect, it } from 'vitest';
import { blocking, EXCLUDED_CHECKS, isShippedSource, type Finding } from './electronegativity';

function finding(severity: string, file = 'main/main-window.ts'): Finding {
  return { id: 'X', file, line: 1, severity, confidence: 'FIRM', manualReview: false, description: '' };
}

describe('electronegativity gate', () => {
  it('fails on HIGH findings only', () => {
    const all = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'].map((severity) => finding(severity));
    expect(blocking(all).map((f) => f.severity)).toEqual(['HIGH']);
    expect(blocking([])).toEqual([]);
  });

  it('counts shipped code and leaves out test code', () => {
    for (const file of ['main/main-window.ts', 'main/security.ts', 'preload/index.ts', 'services/session.ts', 'N/A']) {
      expect(isShippedSource(file), file).toBe(true);
    }
    for (const file of ['main/security.test.ts', 'main/fake-electron.ts', 'services/test-support.ts', 'services/fixtures/a.ts']) {
      expect(isShippedSource(file), file).toBe(false);
    }
  });

  it('leaves out only the check that needs the network', () => {
    expect(EXCLUDED_CHECKS).toEqual(['AvailableSecurityFixesGlobalCheck']);
  });
});
