// Which recipients receive a data type for a given purpose: a data type's `recipientPurposes` map narrows
// a recipient to some of its purposes; a recipient the map does not mention receives it for all of them.
import type { DataType } from './schema';

/** The ids of the data type's recipients that receive it for the purpose, in the order of `recipients`. */
export function recipientsFor(dataType: DataType, purposeId: string): string[] {
  return (dataType.recipients ?? []).filter((id) => dataType.recipientPurposes?.[id]?.includes(purposeId) ?? true);
}
