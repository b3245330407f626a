// The smallest workspace that passes validation, for File → New. Pure, so the renderer, the CLI and
// the backend all start new workspaces the same way.
import { FORMAT, FORMAT_VERSION, type Workspace } from './schema';

/**
 * An empty workspace for the organization `name`. GDPR is preselected because the format requires
 * at least one jurisdiction and most teams using Candor publish to EU users; it is one click to change.
 */
export function createEmptyWorkspace(name: string): Workspace {
  const trimmed = name.trim();
  if (trimmed.length === 0) {
    throw new Error('A new workspace needs the name of the organization it describes, such as "Ridgeline"');
  }
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    organization: { name: trimmed, jurisdictions: ['gdpr'] },
    purposes: [],
    recipients: [],
    collectionPoints: [],
    dataTypes: [],
    settings: {},
  };
}
