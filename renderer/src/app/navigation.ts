import {
  IconBuildingSkyscraper,
  IconChecklist,
  IconDeviceMobileMessage,
  IconFileText,
  IconDatabase,
  IconMapPin,
  IconShare,
  IconShieldExclamation,
  IconTarget,
  IconVersions,
  type Icon,
} from '@tabler/icons-react';
import type { Workspace } from '../../../core/schema';
import type { Screen } from '../state/route';

export interface NavigationLink {
  screen: Exclude<Screen, 'data-type'>;
  label: string;
  icon: Icon;
  /** keyboard shortcut, in @mantine/hooks notation */
  hotkey: string;
  /** how many entries the screen lists, shown as a badge */
  count?: (workspace: Workspace) => number;
  /** a heading above the link in the navigation, where a new group starts */
  group?: string;
  /** shows the review's error and warning counts as badges instead of a count */
  findingBadges?: boolean;
  /** shows how many incidents are not closed, from the incident register */
  incidentBadge?: boolean;
}

export const NAVIGATION: readonly NavigationLink[] = [
  { screen: 'inventory', label: 'Data types', icon: IconDatabase, hotkey: 'mod+1', count: (w) => w.dataTypes.length },
  { screen: 'purposes', label: 'Purposes', icon: IconTarget, hotkey: 'mod+2', count: (w) => w.purposes.length },
  { screen: 'recipients', label: 'Recipients', icon: IconShare, hotkey: 'mod+3', count: (w) => w.recipients.length },
  {
    screen: 'collection-points',
    label: 'Collection points',
    icon: IconMapPin,
    hotkey: 'mod+4',
    count: (w) => w.collectionPoints.length,
  },
  { screen: 'organization', label: 'Organization & settings', icon: IconBuildingSkyscraper, hotkey: 'mod+5' },
  { screen: 'documents', label: 'Documents', icon: IconFileText, hotkey: 'mod+6', group: 'Generate' },
  { screen: 'in-app', label: 'In-app text', icon: IconDeviceMobileMessage, hotkey: 'mod+7', group: 'Generate' },
  // The digits are taken; V for versions, with Shift like the other commands that are not a digit.
  { screen: 'versions', label: 'Versions', icon: IconVersions, hotkey: 'mod+shift+V', group: 'Generate' },
  { screen: 'review', label: 'Review', icon: IconChecklist, hotkey: 'mod+8', group: 'Check', findingBadges: true },
  { screen: 'incidents', label: 'Incidents', icon: IconShieldExclamation, hotkey: 'mod+9', group: 'Respond', incidentBadge: true },
];
