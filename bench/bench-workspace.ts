// The workspace the document and UI benchmarks measure: the e2e scale generator's data types, filled
// out so every output has work to do.
import { PERMISSIONS, PLATFORMS, type Workspace } from '../core/schema';
import { validateWorkspace } from '../core/validate';
import { generateWorkspace } from '../e2e/support/generate-workspace';

const BENEFITS = [
  'You can sign in on any device and pick up where you left off',
  'We can answer your question and fix your problem quickly',
  'Your receipts are ready whenever you need them',
  'Maps load quickly for where you are',
  'Crashes get fixed before they cost you a recording',
];

/**
 * The e2e scale generator's workspace, filled out so every output has work: the benefit and a
 * description on each data type, every jurisdiction (so the notice at collection is built too),
 * and collection points on iOS and Android that ask for permissions.
 */
export function benchWorkspace(count: number): Workspace {
  const base = generateWorkspace(count);
  const mobile = PLATFORMS.filter((p) => p === 'ios' || p === 'android');
  const collectionPoints = Array.from({ length: 24 }, (_, i) => ({
    id: `point-${i + 1}`,
    name: `Generated screen ${i + 1}`,
    platform: mobile[i % mobile.length],
    description: `Screen ${i + 1}, where people record and share their activities.`,
    permission: PERMISSIONS[i % PERMISSIONS.length],
  }));
  const workspace: Workspace = {
    ...base,
    organization: {
      ...base.organization,
      legalName: 'Scale Test GmbH',
      address: 'Musterstraße 1, 10115 Berlin, Germany',
      contactEmail: 'privacy@scale.example',
      website: 'https://scale.example',
      privacyPolicyUrl: 'https://scale.example/privacy',
      jurisdictions: ['gdpr', 'uk-gdpr', 'ccpa'],
    },
    collectionPoints,
    dataTypes: base.dataTypes.map((d, n) => ({
      ...d,
      description: `Record ${n + 1} of what a person keeps in the app, with its date and the device it came from.`,
      benefit: `${BENEFITS[n % BENEFITS.length]} (record ${n + 1}).`,
      collectedAt: [collectionPoints[n % collectionPoints.length].id],
    })),
    settings: { ...base.settings, effectiveDate: '2026-12-01' },
  };
  const verdict = validateWorkspace(workspace);
  if (!verdict.ok) {
    throw new Error(
      `the benchmark workspace is invalid: ${verdict.problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  }
  return verdict.workspace;
}
