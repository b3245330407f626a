// Canonical writing: keys in the order of the format page, two-space indent, final newline,
// optional empty fields omitted, unknown keys kept after the known ones. Idempotent by construction.
import type { Workspace } from './schema';

interface Shape {
  /** known keys, in the format page's order */
  keys: readonly string[];
  /** shapes of nested objects, or of the items of a list of objects */
  nested?: Record<string, Shape>;
  /** keys that are always written, even when empty */
  keep?: readonly string[];
}

const RETENTION: Shape = {
  keys: ['period', 'after', 'criteria'],
  nested: { period: { keys: ['value', 'unit'] } },
};

const ORGANIZATION: Shape = {
  keys: [
    'name',
    'legalName',
    'address',
    'contactEmail',
    'website',
    'privacyPolicyUrl',
    'accountDeletionUrl',
    'optOutUrl',
    'dpo',
    'representatives',
    'supervisoryAuthority',
    'jurisdictions',
    'audience',
    'securityMeasures',
  ],
  nested: {
    dpo: { keys: ['name', 'email', 'address'] },
    representatives: { keys: ['region', 'name', 'address', 'email'] },
    supervisoryAuthority: { keys: ['name', 'url'] },
    audience: { keys: ['minimumAge', 'childrenDirected'] },
  },
  keep: ['name', 'jurisdictions'],
};

const PURPOSE: Shape = {
  keys: ['id', 'name', 'description', 'use', 'lawfulBasis', 'legitimateInterest', 'automatedDecision', 'storePurpose'],
  nested: {
    automatedDecision: { keys: ['logic', 'consequences'] },
    storePurpose: { keys: ['apple', 'play'] },
  },
  keep: ['id', 'name'],
};

const RECIPIENT: Shape = {
  keys: [
    'id',
    'name',
    'role',
    'description',
    'country',
    'transferSafeguard',
    'privacyPolicyUrl',
    'sells',
    'sharesForAds',
    'trackingDomains',
  ],
  keep: ['id', 'name'],
};

const COLLECTION_POINT: Shape = {
  keys: ['id', 'name', 'platform', 'description', 'permission'],
  keep: ['id', 'name'],
};

const DATA_TYPE: Shape = {
  keys: [
    'id',
    'name',
    'category',
    'description',
    'subjects',
    'source',
    'sourceDetail',
    'purposes',
    'benefit',
    'retention',
    'recipients',
    'collectedAt',
    'required',
    'consequenceIfNotProvided',
    'sensitivity',
    'specialCondition',
    'linkedToIdentity',
    'tracking',
    'ephemeral',
    'classification',
    'inApp',
    'status',
    'owner',
    'reviewedOn',
    'notes',
  ],
  nested: {
    retention: RETENTION,
    sensitivity: { keys: ['gdprSpecial', 'ccpaSensitive'] },
    classification: { keys: ['apple', 'play', 'ccpa'] },
    inApp: { keys: ['short', 'long'] },
  },
  keep: ['id', 'name', 'category', 'purposes'],
};

const SETTINGS: Shape = {
  keys: ['effectiveDate', 'locale', 'templatesDir', 'inAppLimits', 'store', 'apple'],
  nested: {
    inAppLimits: { keys: ['short', 'long'] },
    store: { keys: ['encryptedInTransit', 'accountCreation', 'dataDeletion', 'familyPolicy'] },
    apple: { keys: ['accessedApiTypes'], nested: { accessedApiTypes: { keys: ['type', 'reasons'] } } },
  },
};

const WORKSPACE: Shape = {
  keys: ['format', 'version', 'organization', 'purposes', 'recipients', 'collectionPoints', 'dataTypes', 'settings'],
  nested: {
    organization: ORGANIZATION,
    purposes: PURPOSE,
    recipients: RECIPIENT,
    collectionPoints: COLLECTION_POINT,
    dataTypes: DATA_TYPE,
    settings: SETTINGS,
  },
  keep: ['format', 'version', 'organization', 'purposes', 'recipients', 'collectionPoints', 'dataTypes', 'settings'],
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

// Called for every value of a workspace on every save, so it avoids a closure per object.
function orderValue(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = orderValue(value[i], shape);
    return items;
  }
  if (!shape || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of shape.keys) {
    if (!(key in value)) continue;
    const ordered = orderValue(value[key], shape.nested?.[key]);
    if (isEmpty(ordered) && !shape.keep?.includes(key)) continue;
    out[key] = ordered === undefined ? null : ordered;
  }
  // Keys from a newer minor revision of the format stay, after the known ones, in their own order.
  for (const key of Object.keys(value)) {
    if (!shape.keys.includes(key) && value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

/** The workspace as an object in canonical key order with optional empty fields removed. */
export function canonicalize(workspace: Workspace | Record<string, unknown>): Record<string, unknown> {
  return orderValue(workspace, WORKSPACE) as Record<string, unknown>;
}

const LIST_KEYS = new Set<string>(['purposes', 'recipients', 'collectionPoints', 'dataTypes']);

function indentLines(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}

/** The exact text Candor writes for a workspace. */
export function serializeWorkspace(workspace: Workspace | Record<string, unknown>): string {
  return `${JSON.stringify(canonicalize(workspace), null, 2)}\n`;
}

const encoder = new TextEncoder();

/**
 * The bytes of `serializeWorkspace(workspace)` in UTF-8, assembled from per-entry bytes kept in
 * `cache` (keyed by the immutable entry objects): after an edit only the changed entry is encoded,
 * and the file is a copy of cached bytes rather than a 3 MB string to build and encode again.
 */
export function encodeWorkspace(workspace: Workspace | Record<string, unknown>, cache: WeakMap<object, Uint8Array>): Uint8Array {
  const record = workspace as Record<string, unknown>;
  const chunks: Uint8Array[] = [];
  let text = '{\n';
  let first = true;
  const flush = () => {
    if (text) chunks.push(encoder.encode(text));
    text = '';
  };
  const key = (name: string) => {
    text += `${first ? '' : ',\n'}  ${JSON.stringify(name)}: `;
    first = false;
  };
  for (const name of WORKSPACE.keys) {
    if (!(name in record)) continue;
    const value = record[name];
    const shape = WORKSPACE.nested?.[name];
    key(name);
    if (LIST_KEYS.has(name) && Array.isArray(value) && value.length > 0) {
      text += '[\n';
      value.forEach((entry, index) => {
        if (index > 0) text += ',\n';
        if (typeof entry !== 'object' || entry === null) {
          text += `    ${JSON.stringify(entry)}`;
          return;
        }
        let bytes = cache.get(entry);
        if (!bytes) {
          bytes = encoder.encode(`    ${indentLines(JSON.stringify(orderValue(entry, shape), null, 2), '    ')}`);
          cache.set(entry, bytes);
        }
        flush();
        chunks.push(bytes);
      });
      text += '\n  ]';
      continue;
    }
    if (Array.isArray(value) && value.length === 0 && LIST_KEYS.has(name)) {
      text += '[]';
      continue;
    }
    const ordered = orderValue(value, shape);
    text += ordered === undefined ? 'null' : indentLines(JSON.stringify(ordered, null, 2), '  ');
  }
  for (const name of Object.keys(record)) {
    if (WORKSPACE.keys.includes(name) || record[name] === undefined) continue;
    key(name);
    text += indentLines(JSON.stringify(record[name], null, 2), '  ');
  }
  text += '\n}\n';
  flush();
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
