// A large, valid workspace for the inventory's scale test: every data type refers to purposes,
// recipients and collection points that exist, uses a real taxonomy category, and the names are
// spread so that sorting by name reorders them. Deterministic, so a failure can be replayed.
import { serializeWorkspace } from '../../core/canonical';
import type { DataType, Workspace } from '../../core/schema';
import { validateWorkspace } from '../../core/validate';
import { writeFile } from 'node:fs/promises';

export const GENERATED_CATEGORIES = [
  'user.contact.email',
  'user.contact.phone_number',
  'user.location.precise',
  'user.device.ip_address',
  'user.behavior.purchase_history',
  'user.financial.credit_card',
  'user.content.private',
] as const;

const WORDS = ['Quartz', 'Amber', 'Marigold', 'Beacon', 'Zephyr', 'Lantern', 'Harbor', 'Cedar', 'Orchid', 'Juniper', 'Falcon'];
const STATUSES = ['approved', 'in-review', 'draft', undefined] as const;

export function pad(n: number): string {
  return String(n).padStart(4, '0');
}

export function generateWorkspace(count: number): Workspace {
  const purposes = Array.from({ length: 9 }, (_, i) => ({
    id: `purpose-${i + 1}`,
    name: `Generated purpose ${i + 1}`,
    lawfulBasis: 'contract' as const,
  }));
  const recipients = Array.from({ length: 6 }, (_, i) => ({
    id: `recipient-${i + 1}`,
    name: `Generated recipient ${i + 1}`,
    role: 'processor' as const,
    country: 'DE' as const,
  }));
  const collectionPoints = Array.from({ length: 4 }, (_, i) => ({
    id: `point-${i + 1}`,
    name: `Generated screen ${i + 1}`,
    platform: 'web' as const,
  }));
  const dataTypes: DataType[] = [];
  for (let n = 1; n <= count; n++) {
    const status = STATUSES[n % STATUSES.length];
    const dataType: DataType = {
      id: `item-${pad(n)}`,
      name: `${WORDS[(n * 7) % WORDS.length]} record ${pad(n)}`,
      category: GENERATED_CATEGORIES[n % GENERATED_CATEGORIES.length],
      purposes: n % 3 === 0 ? [purposes[n % 9].id, purposes[(n + 4) % 9].id] : [purposes[n % 9].id],
      retention: { period: { value: (n % 90) + 1, unit: 'days' }, after: 'account-closure' },
      collectedAt: [collectionPoints[n % 4].id],
    };
    // Every fifth data type goes to nobody, so "Nobody" rows and the recipient filter both have work.
    if (n % 5 !== 0) dataType.recipients = [recipients[n % 6].id];
    if (status) dataType.status = status;
    dataTypes.push(dataType);
  }
  return {
    format: 'candor/workspace',
    version: 1,
    organization: { name: 'Scale Test GmbH', jurisdictions: ['gdpr'] },
    purposes,
    recipients,
    collectionPoints,
    dataTypes,
    settings: {},
  };
}

/** Writes a generated workspace, refusing to write one the app would reject. */
export async function writeGeneratedWorkspace(file: string, count: number): Promise<Workspace> {
  const workspace = generateWorkspace(count);
  const verdict = validateWorkspace(workspace);
  if (!verdict.ok) {
    const first = verdict.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
    throw new Error(`The generated workspace is invalid:\n${first.join('\n')}`);
  }
  await writeFile(file, serializeWorkspace(verdict.workspace));
  return verdict.workspace;
}
