import { Fragment, useEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  AppShell,
  Badge,
  Box,
  Burger,
  Group,
  Kbd,
  NavLink,
  ScrollArea,
  Text,
  Title,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp, IconMoon, IconShieldCheck, IconSun } from '@tabler/icons-react';
import { useEditor } from '../state/store';
import { useUi } from '../state/ui';
import { navigate, routeHash, useRoute, type Route } from '../state/route';
import { NAVIGATION } from './navigation';
import { runCommand } from './commands';
import { SaveStatus } from '../components/SaveStatus/SaveStatus';
import { FileMenu } from '../components/FileMenu/FileMenu';
import { WorkspaceBanner } from '../components/WorkspaceBanner/WorkspaceBanner';
import { Dialogs } from '../components/Dialogs/Dialogs';
import { Inventory } from '../screens/Inventory/Inventory';
import { DataTypeEditor } from '../screens/DataTypeEditor/DataTypeEditor';
import { PurposesScreen } from '../screens/Purposes/Purposes';
import { RecipientsScreen } from '../screens/Recipients/Recipients';
import { CollectionPointsScreen } from '../screens/CollectionPoints/CollectionPoints';
import { OrganizationScreen } from '../screens/Organization/Organization';
import { DocumentsScreen } from '../screens/Documents/Documents';
import { InAppScreen } from '../screens/InApp/InApp';
import { ReviewScreen } from '../screens/Review/Review';
import { ReviewBadges } from '../screens/Review/ReviewBadges';
import { IncidentsScreen } from '../screens/Incidents/Incidents';
import { IncidentClockBadge, IncidentsNavBadge } from '../screens/Incidents/Clock';
import { useIncidents } from '../state/incidents';
import { useVersions } from '../state/versions';
import { VersionsScreen } from '../screens/Versions/Versions';
import { shortcutLabel } from '../components/shortcut';
import classes from './Shell.module.css';

function ScreenFor({ route }: { route: Route }) {
  switch (route.screen) {
    case 'inventory':
      return <Inventory />;
    case 'data-type':
      return <DataTypeEditor id={route.id} field={route.field} />;
    case 'purposes':
      return <PurposesScreen id={route.id} field={route.field} />;
    case 'recipients':
      return <RecipientsScreen id={route.id} field={route.field} />;
    case 'collection-points':
      return <CollectionPointsScreen id={route.id} field={route.field} />;
    case 'organization':
      return <OrganizationScreen field={route.field} />;
    case 'documents':
      return <DocumentsScreen id={route.id} />;
    case 'in-app':
      return <InAppScreen point={route.point} />;
    case 'review':
      return <ReviewScreen tab={route.tab} />;
    case 'incidents':
      return <IncidentsScreen id={route.id} tab={route.tab} />;
    case 'versions':
      return <VersionsScreen version={route.version} compare={route.compare} />;
  }
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function Shell() {
  const route = useRoute();
  const workspace = useEditor((s) => s.workspace);
  const session = useEditor((s) => s.session);
  const canUndo = useEditor((s) => s.past.length > 0 && !s.readOnly);
  const canRedo = useEditor((s) => s.future.length > 0 && !s.readOnly);
  const undoLabel = useEditor((s) => s.past[s.past.length - 1]?.label);
  const redoLabel = useEditor((s) => s.future[0]?.label);
  const themeToggles = useUi((s) => s.themeToggles);
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  // Below the `sm` breakpoint (a narrow window, or 200% zoom) the navigation folds behind a menu button.
  const [navOpened, setNavOpened] = useState(false);

  // Only a new toggle request switches the scheme: not a change of the computed scheme, and not the
  // requests counted before this Shell mounted (App unmounts it while no workspace is open).
  const handledToggles = useRef(themeToggles);
  useEffect(() => {
    if (themeToggles === handledToggles.current) return;
    handledToggles.current = themeToggles;
    setColorScheme(computed === 'dark' ? 'light' : 'dark');
  }, [themeToggles, computed, setColorScheme]);

  // The incident register is read with the workspace, so the header's countdown shows on every screen.
  const sessionPath = session?.status === 'open' ? session.path : undefined;
  useEffect(() => {
    if (sessionPath) void useIncidents.getState().load(sessionPath);
  }, [sessionPath]);
  // The published versions too: the Documents preview prints the version while nothing changed since.
  useEffect(() => {
    if (sessionPath) void useVersions.getState().load(sessionPath);
  }, [sessionPath]);

  useEffect(() => {
    if (workspace && session?.status === 'open') {
      document.title = `${workspace.organization.name} — ${fileName(session.path)} — Candor`;
    }
  }, [workspace, session]);

  if (!workspace || session?.status !== 'open') return null;
  const activeScreen = route.screen === 'data-type' ? 'inventory' : route.screen;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding={0}>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={() => setNavOpened((o) => !o)}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
              aria-controls="candor-navigation"
            />
            <IconShieldCheck size={24} stroke={1.8} color="var(--mantine-primary-color-filled)" aria-hidden className={classes.logo} />
            <Title order={1} size="h4" className={classes.brand} visibleFrom="sm">
              Candor
            </Title>
            <Text c="dimmed" size="sm" aria-hidden visibleFrom="sm">
              /
            </Text>
            <Box miw={0}>
              <Text fw={600} size="sm" truncate="end" data-testid="workspace-name">
                {workspace.organization.name}
              </Text>
              <Tooltip label={session.path} openDelay={300}>
                <Text c="dimmed" size="xs" truncate="start" maw={420}>
                  {fileName(session.path)}
                </Text>
              </Tooltip>
            </Box>
          </Group>
          <Group gap="xs" wrap="nowrap" className={classes.actions}>
            <IncidentClockBadge />
            <SaveStatus />
            <Tooltip label={canUndo ? `Undo ${undoLabel ?? ''} (${shortcutLabel('mod+Z')})` : 'Nothing to undo'}>
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Undo" disabled={!canUndo} onClick={() => runCommand('undo')}>
                <IconArrowBackUp size={20} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={canRedo ? `Redo ${redoLabel ?? ''} (${shortcutLabel('mod+shift+Z')})` : 'Nothing to redo'}>
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Redo" disabled={!canRedo} onClick={() => runCommand('redo')}>
                <IconArrowForwardUp size={20} />
              </ActionIcon>
            </Tooltip>
            <FileMenu />
            <Tooltip label={`${computed === 'dark' ? 'Light' : 'Dark'} theme (${shortcutLabel('mod+shift+L')})`}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={computed === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
                onClick={() => runCommand('toggle-theme')}
              >
                {computed === 'dark' ? <IconSun size={20} /> : <IconMoon size={20} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" className={classes.navbar} id="candor-navigation">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label="Sections">
            {NAVIGATION.map((link, index) => (
              <Fragment key={link.screen}>
                {link.group && link.group !== NAVIGATION[index - 1]?.group && (
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed" className={classes.navGroup}>
                    {link.group}
                  </Text>
                )}
                <NavLink
                  href={routeHash({ screen: link.screen } as Route)}
                  label={link.label}
                  leftSection={<link.icon size={18} stroke={1.7} />}
                  rightSection={
                    link.findingBadges ? (
                      <ReviewBadges />
                    ) : link.incidentBadge ? (
                      <IncidentsNavBadge />
                    ) : link.count ? (
                      <Badge size="sm" variant="light" color="gray" circle={false}>
                        {link.count(workspace)}
                      </Badge>
                    ) : undefined
                  }
                  active={activeScreen === link.screen}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ screen: link.screen } as Route);
                    setNavOpened(false);
                  }}
                  aria-current={activeScreen === link.screen ? 'page' : undefined}
                  className={classes.navLink}
                />
              </Fragment>
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section className={classes.navFooter}>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">{shortcutLabel('mod+F')}</Kbd> find · <Kbd size="xs">{shortcutLabel('mod+shift+N')}</Kbd> add data type
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main className={classes.main}>
        <WorkspaceBanner />
        <ScreenFor route={route} />
      </AppShell.Main>
      <Dialogs />
    </AppShell>
  );
}
