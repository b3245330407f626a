// Apple's required-reason APIs (issue 7, item 10): the team says which API categories the iOS app and
// its SDKs use and why, choosing from Apple's published reason codes (resources/apple-required-reason-apis.json
// via core/required-reason-apis.ts). The manifest writer puts them in PrivacyInfo.xcprivacy and the
// review warns when an iOS app declares none, so this section shows those findings beside it.
import { useState } from 'react';
import { ActionIcon, Anchor, Checkbox, Code, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { Draft } from 'immer';
import { hasPlatform } from '../../../../core/platforms';
import {
  REQUIRED_REASON_API_CATEGORIES,
  REQUIRED_REASON_API_SOURCE,
  requiredReasonCategory,
  type RequiredReasonApiCategory,
} from '../../../../core/required-reason-apis';
import type { Settings, Workspace } from '../../../../core/schema';
import { pruneEmpty, useReadOnly } from '../../state/edit';
import { useEditor } from '../../state/store';
import { FieldWarning, Section } from '../../components/EntityList/fields';
import { useReview } from '../Review/review';
import { SEVERITY_LOOK } from '../Review/severity';
import classes from './Organization.module.css';

export const REQUIRED_REASON_APIS_PATH = 'settings.apple.accessedApiTypes';

type AccessedApiType = NonNullable<NonNullable<Settings['apple']>['accessedApiTypes']>[number];
type EditSettings = (label: string, recipe: (settings: Draft<Settings>) => void) => void;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-12" → "December 2026". */
function monthInWords(checked: string): string {
  const [year, month] = checked.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/** What the workspace declares for one of Apple's categories, gathered from every entry naming it. */
interface Declared {
  /** index of the first entry naming the category, where its problems point */
  index: number;
  /** reasons Apple accepts for the category, in Apple's order */
  reasons: string[];
  /** codes Apple does not accept for it, kept until the team removes them */
  others: string[];
}

function declaredFor(list: readonly AccessedApiType[], category: RequiredReasonApiCategory): Declared | undefined {
  let declared: Declared | undefined;
  list.forEach((entry, index) => {
    if (requiredReasonCategory(entry.type) !== category) return;
    declared ??= { index, reasons: [], others: [] };
    for (const code of entry.reasons) {
      if (category.reasons.some((r) => r.code === code)) {
        if (!declared.reasons.includes(code)) declared.reasons.push(code);
      } else if (!declared.others.includes(code)) declared.others.push(code);
    }
  });
  if (declared) declared.reasons = category.reasons.map((r) => r.code).filter((code) => declared!.reasons.includes(code));
  return declared;
}

/**
 * Sets the reasons of a category: one entry holds them all (duplicates are merged into the first), and
 * no reason left removes the category, since the format requires at least one.
 */
function setReasons(settings: Draft<Settings>, category: RequiredReasonApiCategory, reasons: string[]): void {
  const apple = (settings.apple ??= {});
  const list = (apple.accessedApiTypes ??= []);
  const first = list.findIndex((e) => requiredReasonCategory(e.type) === category);
  for (let i = list.length - 1; i > first && first >= 0; i--) {
    if (requiredReasonCategory(list[i].type) === category) list.splice(i, 1);
  }
  if (reasons.length === 0) {
    if (first >= 0) list.splice(first, 1);
  } else if (first >= 0) {
    list[first].reasons = reasons;
  } else {
    list.push({ type: category.short, reasons });
  }
  if (list.length === 0) delete apple.accessedApiTypes;
  pruneEmpty(settings, 'apple');
}

function removeEntry(settings: Draft<Settings>, index: number): void {
  const apple = settings.apple;
  if (!apple?.accessedApiTypes) return;
  apple.accessedApiTypes.splice(index, 1);
  if (apple.accessedApiTypes.length === 0) delete apple.accessedApiTypes;
  pruneEmpty(settings, 'apple');
}

/** The review's findings and the validation problems about these declarations, shown above the categories. */
function Problems() {
  const review = useReview();
  const problemsByPath = useEditor((s) => s.problemsByPath);
  const under = (path: string) => path === 'settings.apple' || path.startsWith('settings.apple.');
  const invalid = [...problemsByPath].filter(([path]) => under(path)).flatMap(([path, messages]) => messages.map((m) => `${path}: ${m}`));
  // The review is worked out from a deferred copy of the workspace, so it may lag one edit behind.
  const findings = review ? review.findings.filter((f) => under(f.path)) : [];
  if (invalid.length === 0 && findings.length === 0) return null;
  return (
    <Stack gap={6} role="status" aria-label="Review findings for Apple required-reason APIs">
      {invalid.map((message) => (
        <Text key={message} size="sm" c="var(--mantine-color-error)">
          {message}
        </Text>
      ))}
      {findings.map((f) => {
        const look = SEVERITY_LOOK[f.severity];
        const Icon = look.icon;
        return (
          <Group key={`${f.rule}|${f.path}|${f.message}`} gap={8} wrap="nowrap" align="flex-start" data-rule={f.rule}>
            <Icon
              size={18}
              color={`var(--mantine-color-${look.color}-filled)`}
              style={{ flexShrink: 0, marginTop: 1 }}
              aria-label={look.one}
            />
            <Text size="sm" c={f.severity === 'error' ? 'var(--mantine-color-error)' : undefined}>
              {f.message}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

function CategoryRow({
  category,
  declared,
  editSettings,
}: {
  category: RequiredReasonApiCategory;
  declared: Declared | undefined;
  editSettings: EditSettings;
}) {
  const readOnly = useReadOnly();
  // Ticking a category before choosing a reason opens its reasons without writing anything: an entry
  // without a reason is not valid, and would not be declared.
  const [opened, setOpened] = useState(false);
  const used = Boolean(declared) || opened;
  const at = declared ? `${REQUIRED_REASON_APIS_PATH}[${declared.index}]` : undefined;
  const change = (label: string, reasons: string[]) => editSettings(label, (s) => setReasons(s, category, reasons));
  return (
    <Paper withBorder p="md" radius="md" className={classes.row} data-path={at}>
      <Stack gap="sm">
        <Checkbox
          label={category.label}
          description={<Code className={classes.identifier}>{category.id}</Code>}
          checked={used}
          disabled={readOnly}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setOpened(on);
            if (!on && declared) change(`Stop declaring ${category.label.toLowerCase()}`, []);
          }}
        />
        {used ? (
          <Stack gap={6} className={classes.reasons}>
            <Checkbox.Group
              label="Reasons"
              value={declared?.reasons ?? []}
              onChange={(values) => {
                const reasons = category.reasons.map((r) => r.code).filter((code) => values.includes(code));
                if (reasons.length === 0) setOpened(true);
                change(`Change ${category.label.toLowerCase()} reasons`, [...reasons, ...(declared?.others ?? [])]);
              }}
              wrapperProps={{ 'data-path': at ? `${at}.reasons` : undefined }}
            >
              <Stack gap={10} mt={8}>
                {category.reasons.map((reason) => (
                  <Checkbox
                    key={reason.code}
                    value={reason.code}
                    disabled={readOnly}
                    aria-label={`${reason.code}: ${reason.meaning}`}
                    label={
                      <span className={classes.reason}>
                        <Code className={classes.code}>{reason.code}</Code>
                        <span>{reason.meaning}</span>
                      </span>
                    }
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            {declared?.others.map((code) => (
              <Group key={code} gap="xs" wrap="nowrap">
                <FieldWarning>
                  {JSON.stringify(code)} is not a reason Apple accepts for {category.label.toLowerCase()}; it is left out of the manifest.
                </FieldWarning>
                <Tooltip label={`Remove ${code}`}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={`Remove ${code}`}
                    disabled={readOnly}
                    onClick={() =>
                      change(
                        `Remove ${code}`,
                        [...declared.reasons, ...declared.others].filter((c) => c !== code),
                      )
                    }
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
            {!declared ? <FieldWarning>Choose at least one reason; until then the category is not declared.</FieldWarning> : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** An entry naming something that is not one of Apple's categories (hand-edited or imported): say so, offer to remove it. */
function UnknownEntry({ entry, index, editSettings }: { entry: AccessedApiType; index: number; editSettings: EditSettings }) {
  const readOnly = useReadOnly();
  return (
    <Paper withBorder p="md" radius="md" className={classes.row} data-path={`${REQUIRED_REASON_APIS_PATH}[${index}]`}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          <Code>{entry.type}</Code> is not one of Apple’s required-reason API categories, so it is left out of the manifest.
        </Text>
        <Tooltip label="Remove this entry">
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove ${entry.type}`}
            disabled={readOnly}
            onClick={() => editSettings(`Remove ${entry.type}`, (s) => removeEntry(s, index))}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Paper>
  );
}

export function RequiredReasonApis({ workspace, editSettings }: { workspace: Workspace; editSettings: EditSettings }) {
  const list: readonly AccessedApiType[] = workspace.settings?.apple?.accessedApiTypes ?? [];
  const ios = hasPlatform(workspace, 'ios');
  const title = 'Apple required-reason APIs';
  if (!ios) {
    return (
      <Section id="apple-apis" title={title} description="Declarations for the privacy manifest of an iOS app.">
        <Text size="sm" c="dimmed" data-path={REQUIRED_REASON_APIS_PATH}>
          Hidden: no collection point is on iOS, so there is no iOS app and no privacy manifest to declare them in. Add a collection point
          on iOS to declare them.
          {list.length > 0
            ? ` The ${list.length === 1 ? 'declaration' : `${list.length} declarations`} already recorded ${list.length === 1 ? 'is' : 'are'} kept for when there is one.`
            : ''}
        </Text>
      </Section>
    );
  }
  return (
    <Section
      id="apple-apis"
      title={title}
      description="Apple asks every iOS app to declare in its privacy manifest which of these APIs it uses and why, because they can be misused to fingerprint devices. Apple rejects uploads that use them undeclared, and almost every app uses user defaults. Tick each kind of API the app’s code uses, including SDKs that ship without their own privacy manifest, then every reason that describes how."
    >
      <Text size="xs" c="dimmed">
        Categories and reason codes from{' '}
        <Anchor href={REQUIRED_REASON_API_SOURCE.url} target="_blank" rel="noreferrer" size="xs">
          {REQUIRED_REASON_API_SOURCE.name}
        </Anchor>
        , checked {monthInWords(REQUIRED_REASON_API_SOURCE.checked)}. The meanings are Candor’s summaries; Apple’s wording decides.
      </Text>
      <Problems />
      <Stack gap="sm" data-path={REQUIRED_REASON_APIS_PATH}>
        {REQUIRED_REASON_API_CATEGORIES.map((category) => (
          <CategoryRow key={category.id} category={category} declared={declaredFor(list, category)} editSettings={editSettings} />
        ))}
        {list.map((entry, index) =>
          requiredReasonCategory(entry.type) ? null : <UnknownEntry key={index} entry={entry} index={index} editSettings={editSettings} />,
        )}
      </Stack>
    </Section>
  );
}
