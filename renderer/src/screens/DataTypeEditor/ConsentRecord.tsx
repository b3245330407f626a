// Consumer health data (Washington, Nevada) and the consent record the US laws ask for: shown when a law
// in the workspace asks about it, or when something is already recorded, so a GDPR-only team never sees it.
import { useMemo } from 'react';
import { Fieldset, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { consumerHealthOf, healthLawsIn } from '../../../../core/consumer-health';
import { deriveClassification } from '../../../../core/reference';
import type { DataType } from '../../../../core/schema';
import { comprehensiveStatesIn, isStateSensitive } from '../../../../core/us-states';
import { listInWords } from '../../../../core/words';
import { TextareaField } from '../../components/EntityList/fields';
import { useEditor } from '../../state/store';
import { setNested } from '../../state/edit';
import { useDataTypeEdit, type SectionProps } from './useDataTypeEdit';
import classes from './DataTypeEditor.module.css';

type Consent = NonNullable<DataType['consent']>;

export function ConsentRecord({ dataType, index }: SectionProps) {
  const { at, readOnly, edit } = useDataTypeEdit(index);
  const jurisdictions = useEditor((s) => s.workspace?.organization.jurisdictions) ?? [];
  const healthLaws = healthLawsIn(jurisdictions);
  const health = consumerHealthOf(dataType);
  // What the category says, whatever the override: the "Automatic" choice shows it.
  const derivedHealth = consumerHealthOf({ ...dataType, sensitivity: { ...dataType.sensitivity, consumerHealth: undefined } }).value;
  const optInStates = comprehensiveStatesIn(jurisdictions).filter((s) => s.sensitiveData === 'opt-in');
  const stateSensitive = useMemo(() => {
    const derived = deriveClassification(dataType);
    return isStateSensitive(dataType.category, derived);
  }, [dataType]);
  const isHealth = healthLaws.length > 0 && health.value;
  const askedFor = isHealth || (stateSensitive && optInStates.length > 0);
  const recorded = dataType.consent !== undefined;
  if (healthLaws.length === 0 && !askedFor && !recorded && dataType.sensitivity?.consumerHealth === undefined) return null;

  const setConsent = (label: string, field: keyof Consent, value: boolean | string | undefined) =>
    edit(label, (d) => setNested(d, 'consent', field, value), `consent.${field}`);
  // Why consent is asked about here, in the words of the laws that ask.
  const why = [
    ...(isHealth
      ? [
          `${listInWords(healthLaws.map((s) => `${s.state}’s`))} consumer health data ${healthLaws.length === 1 ? 'law asks' : 'laws ask'} for consent before collecting it, unless it is needed for the service the person asked for, and for separate consent before sharing it.`,
        ]
      : []),
    ...(stateSensitive && optInStates.length > 0
      ? [
          `${optInStates.length === 1 ? optInStates[0].state : `${optInStates.length} of your states`} ${optInStates.length === 1 ? 'asks' : 'ask'} for consent before sensitive data is processed.`,
        ]
      : []),
  ];

  return (
    <Fieldset legend="US health data and consent" className={classes.fieldset}>
      <Stack gap="md">
        {(healthLaws.length > 0 || dataType.sensitivity?.consumerHealth !== undefined) && (
          <Select
            label="Consumer health data (Washington, Nevada)"
            description="Health, fitness, biometric or genetic data, or a location that can reveal a visit to a doctor or clinic. It gets its own Consumer Health Data Privacy Policy."
            data={[
              { value: 'auto', label: `Automatic (${derivedHealth ? 'yes' : 'no'}, from the category)` },
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            allowDeselect={false}
            value={dataType.sensitivity?.consumerHealth === undefined ? 'auto' : dataType.sensitivity.consumerHealth ? 'yes' : 'no'}
            onChange={(v) =>
              edit('Change consumer health data', (d) =>
                setNested(d, 'sensitivity', 'consumerHealth', v === 'auto' ? undefined : v === 'yes'),
              )
            }
            readOnly={readOnly}
            maw={420}
            data-path={`${at}.sensitivity.consumerHealth`}
          />
        )}
        {(askedFor || recorded) && (
          <>
            <Text size="sm" c="dimmed">
              {askedFor ? `${why.join(' ')} Record what your product actually asks.` : 'The consent recorded for this data.'}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Switch
                label="Consent asked before collecting it"
                description="People agree before the product collects this data."
                checked={dataType.consent?.collection === true}
                readOnly={readOnly}
                data-path={`${at}.consent.collection`}
                onChange={(e) => setConsent('Change consent to collect', 'collection', e.currentTarget.checked ? true : undefined)}
              />
              <Switch
                label="Separate consent asked before sharing it"
                description="A second, separate agreement before it goes to anyone but your processors."
                checked={dataType.consent?.sharing === true}
                readOnly={readOnly}
                data-path={`${at}.consent.sharing`}
                onChange={(e) => setConsent('Change consent to share', 'sharing', e.currentTarget.checked ? true : undefined)}
              />
            </SimpleGrid>
            <TextareaField
              path={`${at}.consent.how`}
              label="How consent is asked"
              description="Printed in the Consumer Health Data Privacy Policy."
              placeholder="The app asks before it reads heart rate from Apple Health, with a separate question before anything goes to a partner."
              minRows={2}
              value={dataType.consent?.how}
              onValue={(v) => setConsent('Edit how consent is asked', 'how', v)}
            />
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
