// Which recipients receive a data type for a given purpose: a data type's `recipientPurposes` map narrows
// a recipient to some of its purposes; a recipient the map does not mention receives it for all of them.
import type { DataType } from './schema';

/** The ids of the data type's recipients that receive it for the purpose, in the order of `recipients`. */
export function recipientsFor(dataType: DataType, purposeId: string): string[] {
  return (dataType.recipients ?? []).filter((id) => dataType.recipientPurposes?.[id]?.includes(purposeId) ?? true);
}

/**
 * Brings a data type's `recipientPurposes` back in line with its recipients and purposes after either
 * changed, in place: entries of recipients it no longer has go; purposes it no longer has are dropped
 * from each entry; an entry left with no purpose means the recipient no longer receives the data, so
 * the recipient goes too; an entry naming every purpose is the default and goes; the rest follow the
 * order of `recipients`, and an empty map is removed.
 */
export function tidyRecipientPurposes(dataType: DataType): void {
  const map = dataType.recipientPurposes;
  if (!map) return;
  const purposes = new Set(dataType.purposes);
  let recipients = dataType.recipients ?? [];
  const out: Record<string, string[]> = {};
  for (const id of recipients) {
    const listed = map[id];
    if (!listed) continue;
    const kept = [...new Set(listed.filter((p) => purposes.has(p)))];
    if (kept.length === 0) recipients = recipients.filter((r) => r !== id);
    else if (kept.length < purposes.size) out[id] = kept;
  }
  if (recipients.length > 0) dataType.recipients = recipients;
  else delete dataType.recipients;
  if (Object.keys(out).length > 0) dataType.recipientPurposes = out;
  else delete dataType.recipientPurposes;
}
