// The store declarations, one click each: Apple's privacy manifest and App Store Connect answers, and
// Google Play's Data safety CSV, with what the review says would make them wrong.
import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Group, List, Paper, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBrandAndroid, IconBrandApple, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { CoverageSection, CoverageSectionId } from '../../../../core/coverage';
import { describePath, routeForPath } from '../../state/paths';
import { navigate, routeHash } from '../../state/route';
import { ExportButton } from '../../components/ExportMenu/ExportMenu';
import { EXPORTS, exportsIn, type ExportSection } from '../../../../core/catalogue';
import { storeUnavailableReason } from '../../../../core/platforms';
import type { Workspace } from '../../../../core/schema';
import { useCoverage } from './review';
import classes from './Review.module.css';

interface Store {
  id: Extract<CoverageSectionId, 'apple' | 'play'>;
  title: string;
  icon: typeof IconBrandApple;
  platform: string;
  description: string;
  /** the catalogue's section whose exports the card offers */
  exports: ExportSection;
}

const STORES: Store[] = [
  {
    id: 'apple',
    title: 'Apple App Store',
    icon: IconBrandApple,
    platform: 'iOS',
    description: 'The privacy manifest goes into the app; the answers are what you click through in App Store Connect.',
    exports: 'apple',
  },
  {
    id: 'play',
    title: 'Google Play',
    icon: IconBrandAndroid,
    platform: 'Android',
    description: 'The Data safety form, filled in: import it in Play Console instead of answering every question by hand.',
    exports: 'google-play',
  },
];

function StoreStatus({ section }: { section: CoverageSection | undefined }) {
  if (!section) {
    return (
      <Badge variant="light" color="gray" style={{ flex: 'none' }}>
        Not in the app
      </Badge>
    );
  }
  if (section.counts.missing === 0) {
    return (
      <Badge variant="light" color="green" leftSection={<IconCircleCheck size={14} />} style={{ flex: 'none' }}>
        Ready
      </Badge>
    );
  }
  return (
    <Badge variant="light" color="red" style={{ flex: 'none' }}>
      {section.counts.missing} to fix
    </Badge>
  );
}

function StoreCard({ store, section, workspace }: { store: Store; section: CoverageSection | undefined; workspace: Workspace }) {
  const missing = section?.requirements.filter((r) => r.status === 'missing') ?? [];
  let notice: ReactNode = null;
  if (!section) {
    notice = (
      <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
        {storeUnavailableReason(workspace, store.id)} Add an {store.platform} collection point if the app runs on it, and the files appear
        here.
      </Alert>
    );
  } else if (missing.length > 0) {
    notice = (
      <Alert variant="light" color="red" title="Fix these first, or the declaration will be wrong">
        <List size="sm" spacing={4}>
          {missing.map((requirement) => {
            const route = requirement.path ? routeForPath(workspace, requirement.path) : undefined;
            return (
              <List.Item key={requirement.id}>
                {requirement.why}{' '}
                {route && requirement.path && (
                  <Anchor
                    href={routeHash(route)}
                    size="sm"
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(route);
                    }}
                  >
                    Open {describePath(workspace, requirement.path)}
                  </Anchor>
                )}
              </List.Item>
            );
          })}
        </List>
      </Alert>
    );
  }
  return (
    <Paper withBorder radius="md" p="lg" className={classes.storeCard} component="section" aria-label={store.title}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="gray" size="lg" radius="md">
            <store.icon size={20} />
          </ThemeIcon>
          <div>
            <Title order={4}>{store.title}</Title>
            <Text size="sm" c="dimmed">
              {store.description}
            </Text>
          </div>
        </Group>
        <StoreStatus section={section} />
      </Group>
      {notice}
      {/* Without an app on the platform there is nothing to declare, so no empty file is offered. */}
      {section &&
        exportsIn(store.exports).map((kind) => {
          const { hint } = EXPORTS[kind];
          return (
            <div key={kind}>
              <ExportButton kind={kind} variant={missing.length === 0 && section ? 'filled' : 'default'} />
              {hint && (
                <Text size="xs" c="dimmed" mt={6}>
                  {hint}
                </Text>
              )}
            </div>
          );
        })}
    </Paper>
  );
}

export function StoreLabels() {
  const coverage = useCoverage();
  if (!coverage) return null;
  const sections = new Map(coverage.sections.map((s) => [s.id, s]));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {STORES.map((store) => (
        <StoreCard key={store.id} store={store} section={sections.get(store.id)} workspace={coverage.workspace} />
      ))}
    </SimpleGrid>
  );
}
