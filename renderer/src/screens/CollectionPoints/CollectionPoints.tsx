import { useState } from 'react';
import { Button, Input, SegmentedControl, Stack } from '@mantine/core';
import { IconMapPin, IconPlus } from '@tabler/icons-react';
import { AddDataTypeDialog } from '../../components/AddDataType/AddDataType';
import { dataTypesUsing } from '../../../../core/ids';
import { PERMISSIONS, PLATFORMS, type CollectionPoint, type Permission } from '../../../../core/schema';
import { setOptional, useReadOnly } from '../../state/edit';
import { useEditor } from '../../state/store';
import { EntityListScreen, nameList } from '../../components/EntityList/EntityListScreen';
import { IdField } from '../../components/EntityList/IdField';
import { NameField } from '../../components/EntityList/NameField';
import { Section, SelectField, TextareaField, useLabelledError } from '../../components/EntityList/fields';
import type { EntityEditorProps, EntityScreenConfig } from '../../components/EntityList/types';

type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  web: 'Web',
  ios: 'iOS',
  android: 'Android',
  desktop: 'Desktop',
  backend: 'Backend',
  other: 'Other',
};

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

function PlatformField({ path, value, onValue }: { path: string; value: Platform | undefined; onValue(v: Platform): void }) {
  const readOnly = useReadOnly();
  const error = useLabelledError(path, 'Platform');
  return (
    <Input.Wrapper label="Platform" description="Where in your product this happens." error={error} labelElement="div" id={`${path}-label`}>
      <SegmentedControl
        fullWidth
        mt={6}
        value={value ?? ''}
        onChange={(next) => onValue(next as Platform)}
        data={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))}
        readOnly={readOnly}
        aria-labelledby={`${path}-label-label`}
        data-path={path}
      />
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
          value={entry.platform}
          onValue={(platform) => edit('Change platform', (c) => setOptional(c, 'platform', platform))}
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
      <AddDataTypeHere id={entry.id} name={entry.name} />
    </Stack>
  );
}

function secondary(point: CollectionPoint): string {
  const platform = point.platform ? PLATFORM_LABELS[point.platform] : 'No platform yet';
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
