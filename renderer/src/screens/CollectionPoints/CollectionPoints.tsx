import { useState } from 'react';
import { Button, Chip, Group, Input, Stack } from '@mantine/core';
import { IconMapPin, IconPlus } from '@tabler/icons-react';
import { AddDataTypeDialog } from '../../components/AddDataType/AddDataType';
import { dataTypesUsing } from '../../../../core/ids';
import { pointPlatforms } from '../../../../core/platforms';
import { PERMISSIONS, PLATFORMS, type CollectionPoint, type Permission } from '../../../../core/schema';
import { setOptional, useReadOnly } from '../../state/edit';
import { useEditor } from '../../state/store';
import { EntityListScreen, nameList } from '../../components/EntityList/EntityListScreen';
import { CookiesEditor } from './CookiesEditor';
import { PLATFORM_LABELS } from './platform-labels';

export { PLATFORM_LABELS };
import { IdField } from '../../components/EntityList/IdField';
import { NameField } from '../../components/EntityList/NameField';
import { Section, SelectField, TextareaField, useLabelledError } from '../../components/EntityList/fields';
import type { EntityEditorProps, EntityScreenConfig } from '../../components/EntityList/types';

type Platform = (typeof PLATFORMS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  camera: 'Camera',
  microphone: 'Microphone',
  photos: 'Photo library',
  'photos-add': 'Add to photo library',
  'location-when-in-use': 'Location while using the app',
  'location-always': 'Location always',
  contacts: 'Contacts',
  calendars: 'Calendars',
  reminders: 'Reminders',
  bluetooth: 'Bluetooth',
  motion: 'Motion & fitness',
  'health-read': 'Health data (read)',
  'health-write': 'Health data (write)',
  tracking: 'Tracking (App Tracking Transparency)',
  speech: 'Speech recognition',
  'face-id': 'Face ID',
  'local-network': 'Local network',
  notifications: 'Notifications',
};

const NONE = 'none';

/** One or more platforms: the same screen in the iOS and the Android app is one collection point. */
function PlatformField({ path, value, onValue }: { path: string; value: Platform[]; onValue(v: Platform[]): void }) {
  const readOnly = useReadOnly();
  const error = useLabelledError(path, 'Platform');
  return (
    <Input.Wrapper
      label="Platforms"
      description="Where in your product this happens; choose every app it is in (the same sign-up screen on iOS and Android is one point)."
      error={error}
      labelElement="div"
      id={`${path}-label`}
    >
      <Chip.Group multiple value={value} onChange={(next) => onValue(PLATFORMS.filter((p) => next.includes(p)))}>
        <Group gap="xs" mt={6} role="group" aria-labelledby={`${path}-label-label`} data-path={path}>
          {PLATFORMS.map((p) => (
            <Chip key={p} value={p} disabled={readOnly} variant="outline">
              {PLATFORM_LABELS[p]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Input.Wrapper>
  );
}

/** "+ Add data type collected here": the library (or a blank one), already collected at this point. */
function AddDataTypeHere({ id, name }: { id: string; name: string }) {
  const readOnly = useReadOnly();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={() => setOpen(true)}
        disabled={readOnly}
        style={{ alignSelf: 'flex-start' }}
      >
        Add data type collected here
      </Button>
      {open ? (
        <AddDataTypeDialog opened onClose={() => setOpen(false)} collectedAt={id} title={`Add a data type collected at “${name || id}”`} />
      ) : null}
    </>
  );
}

function CollectionPointEditor({ entry, index, path, edit }: EntityEditorProps<'collectionPoints'>) {
  const usedBy = useEditor((s) => (s.workspace ? dataTypesUsing(s.workspace, 'collectionPoints', entry.id).length : 0));
  return (
    <Stack gap="lg">
      <Section title="Collection point" description="A place in your product where personal data is collected: a screen, a form, an SDK.">
        <NameField
          list="collectionPoints"
          screen="collection-points"
          singular="collection point"
          index={index}
          id={entry.id}
          name={entry.name}
          usedBy={usedBy}
          placeholder="Sign-up screen"
        />
        <IdField
          list="collectionPoints"
          screen="collection-points"
          singular="collection point"
          index={index}
          id={entry.id}
          usedBy={usedBy}
        />
        <PlatformField
          path={`${path}.platform`}
          value={pointPlatforms(entry)}
          onValue={(platforms) =>
            edit('Change platforms', (c) => {
              // Written as the list from now on; a file's older single `platform` is folded into it.
              delete c.platform;
              setOptional(c, 'platforms', platforms.length > 0 ? platforms : null);
            })
          }
        />
        <TextareaField
          path={`${path}.description`}
          label="Description"
          description="Where in the product, and what the person sees."
          placeholder="Create an account with email and password."
          value={entry.description}
          onValue={(value) => edit('Edit collection point description', (c) => setOptional(c, 'description', value), `${path}.description`)}
        />
      </Section>

      <Section
        title="Permission"
        description="The operating-system permission asked for here, if any. It drives the iOS usage strings and the Android rationale text."
      >
        <SelectField
          path={`${path}.permission`}
          label="OS permission"
          value={entry.permission ?? NONE}
          data={[{ value: NONE, label: 'None' }, ...PERMISSIONS.map((p) => ({ value: p, label: PERMISSION_LABELS[p] }))]}
          searchable
          nothingFoundMessage="No permission matches"
          onValue={(value) =>
            edit('Change OS permission', (c) => setOptional(c, 'permission', value === NONE ? null : (value as Permission)))
          }
        />
      </Section>
      {pointPlatforms(entry).includes('web') || (entry.cookies?.length ?? 0) > 0 ? (
        <CookiesEditor entry={entry} index={index} path={path} edit={edit} />
      ) : null}
      <AddDataTypeHere id={entry.id} name={entry.name} />
    </Stack>
  );
}

function secondary(point: CollectionPoint): string {
  const platforms = pointPlatforms(point);
  const platform = platforms.length > 0 ? platforms.map((p) => PLATFORM_LABELS[p]).join(', ') : 'No platform yet';
  return point.permission ? `${platform} · ${PERMISSION_LABELS[point.permission]} permission` : platform;
}

export const COLLECTION_POINTS_CONFIG: EntityScreenConfig<'collectionPoints'> = {
  list: 'collectionPoints',
  screen: 'collection-points',
  title: 'Collection points',
  singular: 'collection point',
  plural: 'collection points',
  intro: 'Where your product collects data',
  icon: IconMapPin,
  emptyDescription:
    'A collection point is a place in your product where personal data is collected, such as the sign-up screen, the camera or a crash reporter. Naming them lets the in-app text appear at the right moment and the permission prompts explain themselves.',
  newName: 'New collection point',
  secondary,
  Editor: CollectionPointEditor,
  usedByDescription: 'Data types collected here.',
  unusedDescription: 'No data type is collected here yet. Add one with “Add data type collected here”, or from a data type’s editor.',
  deleteConsequences(point, users) {
    return (
      <p>
        <strong>{nameList(users.map((u) => u.name))}</strong> will no longer list {point.name || point.id} as a collection point.
      </p>
    );
  },
};

export function CollectionPointsScreen({ id, field }: { id?: string; field?: string }) {
  return <EntityListScreen config={COLLECTION_POINTS_CONFIG} id={id} field={field} />;
}
