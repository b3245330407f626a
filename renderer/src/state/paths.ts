// From a validation path (`dataTypes[3].purposes[0]`) to the screen and field that show it.
import type { Workspace } from '../../../core/schema';
import { parsePath } from '../../../core/validate';
import type { Route } from './route';

const LIST_SCREENS = {
  purposes: 'purposes',
  recipients: 'recipients',
  collectionPoints: 'collection-points',
} as const;

export function routeForPath(workspace: Workspace, path: string): Route {
  const parts = parsePath(path);
  const [head, index] = parts;
  if (head === 'dataTypes' && typeof index === 'number' && workspace.dataTypes[index]) {
    return { screen: 'data-type', id: workspace.dataTypes[index].id, field: path };
  }
  if ((head === 'purposes' || head === 'recipients' || head === 'collectionPoints') && typeof index === 'number') {
    const entry = workspace[head][index];
    return { screen: LIST_SCREENS[head], id: entry?.id, field: path };
  }
  // The financial incentives are a section of the Organization screen.
  if (head === 'organization' || head === 'settings' || head === 'financialIncentives') return { screen: 'organization', field: path };
  // The conflicts a git merge left are chosen in the Review screen's own tab.
  if (head === 'mergeConflicts') return { screen: 'review', tab: 'conflicts' };
  return { screen: 'inventory' };
}

/** "dataTypes[3].retention.period.value" → "Email address › retention › period › value" for lists of problems. */
export function describePath(workspace: Workspace, path: string): string {
  const parts = parsePath(path);
  const [head, index, ...rest] = parts;
  const names: string[] = [];
  if ((head === 'dataTypes' || head === 'purposes' || head === 'recipients' || head === 'collectionPoints') && typeof index === 'number') {
    names.push(workspace[head][index]?.name || `${head}[${index}]`);
    names.push(...rest.map(String).filter((p) => !/^\d+$/.test(p)));
  } else if (head === 'mergeConflicts' && typeof index === 'number') {
    names.push('Merge conflict', workspace.mergeConflicts?.[index]?.where || `mergeConflicts[${index}]`);
  } else if (head === 'financialIncentives' && typeof index === 'number') {
    names.push(workspace.financialIncentives?.[index]?.name || `financialIncentives[${index}]`);
    names.push(...rest.map(String).filter((p) => !/^\d+$/.test(p)));
  } else {
    names.push(...parts.map(String).filter((p) => !/^\d+$/.test(p)));
  }
  return names.join(' › ');
}
