// A conflict `candor merge` left in the file (both sides of a git merge changed the same field) is an
// error until someone chooses: the file holds ours meanwhile, which may not be what the team wants to
// publish. Choosing is done in the app (Review, Merge conflicts), which removes the conflict.
import { mergeConflictsOf, shortValue } from '../merge-conflicts';
import type { WorkspaceFacts } from './facts';
import type { RuleDefinition } from './types';

export const mergeConflictRules: readonly RuleDefinition[] = [
  {
    id: 'merge-conflict',
    severity: 'error',
    group: 'merge',
    title: 'Unresolved merge conflict',
    description:
      'Both sides of a git merge changed the same field to different values; the file holds ours until someone chooses which to keep.',
    check(facts: WorkspaceFacts) {
      const ws = facts.workspace;
      return mergeConflictsOf(ws).map((conflict, index) => ({
        path: `mergeConflicts[${index}]`,
        message:
          `Merge conflict at ${conflict.where}: both sides of a git merge changed it. ` +
          `Ours (in the file for now): ${shortValue(ws, conflict, 'ours')}; theirs: ${shortValue(ws, conflict, 'theirs')}. ` +
          'Choose the value to keep in Review › Merge conflicts in the app.',
      }));
    },
  },
];
