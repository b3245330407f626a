// How people make privacy requests and the US opt-out links and facts the notices state: California's
// request methods, "Do Not Sell or Share" and "Limit the Use" links, opt-out preference signals, Do Not
// Track and the under-16 statement, and the appeal the other states ask for.
import { SimpleGrid, Stack } from '@mantine/core';
import type { Draft } from 'immer';
import type { Organization } from '../../../../core/schema';
import { setNested, setOptional } from '../../state/edit';
import { Section, SelectField, SwitchField, TextareaField, TextField } from '../../components/EntityList/fields';

type EditOrganization = (label: string, recipe: (org: Draft<Organization>) => void, coalesceKey?: string) => void;
type Requests = NonNullable<Organization['requests']>;
type UsPrivacy = NonNullable<Organization['usPrivacy']>;

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const DO_NOT_TRACK = [
  { value: 'honoured', label: 'It responds: no tracking across other sites when a browser sends the signal' },
  { value: 'not-honoured', label: 'It does not respond to Do Not Track' },
];

const yesNo = (value: boolean | undefined) => (value === true ? 'yes' : value === false ? 'no' : undefined);

/** Shown when the workspace includes California or another US state. */
export function UsPrivacySection({ org, editOrg }: { org: Organization; editOrg: EditOrganization }) {
  const jurisdictions = org.jurisdictions ?? [];
  const ccpa = jurisdictions.includes('ccpa');
  const otherStates = jurisdictions.some((j) => j.startsWith('us-'));
  const healthLaw = jurisdictions.includes('us-wa') || jurisdictions.includes('us-nv');
  if (!ccpa && !otherStates) return null;
  const requests: Requests = org.requests ?? {};
  const us: UsPrivacy = org.usPrivacy ?? {};
  const request =
    (field: keyof Requests & string, label: string, tidy = false) =>
    (v: string) =>
      editOrg(label, (o) => setNested(o, 'requests', field, tidy ? v.trim() : v), `organization.requests.${field}`);
  const link = (key: 'optOutUrl' | 'limitUseUrl' | 'alternativeOptOutUrl' | 'consumerHealthPolicyUrl', label: string) => (v: string) =>
    editOrg(label, (o) => setOptional(o as Record<string, unknown>, key, v.trim()), `organization.${key}`);
  return (
    <Section
      id="us-privacy"
      title="Privacy requests and US opt-outs"
      description="How people ask to see, correct or delete their data, and the links and answers the US notices give. California asks for at least two ways, one of them a toll-free number."
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextField
          path="organization.requests.webFormUrl"
          label="Request form URL"
          description="A web page where people make a privacy request."
          placeholder="https://example.com/privacy/request"
          inputMode="url"
          spellCheck={false}
          value={requests.webFormUrl}
          onValue={request('webFormUrl', 'Edit request form URL', true)}
        />
        <TextField
          path="organization.requests.phone"
          label="Toll-free phone number"
          description="California requires one unless you operate only online."
          placeholder="1-800-555-0100"
          inputMode="tel"
          value={requests.phone}
          onValue={request('phone', 'Edit request phone number')}
        />
        <TextField
          path="organization.requests.email"
          label="Request email"
          description="Leave empty to use the contact email above for requests."
          placeholder="privacy-requests@example.com"
          inputMode="email"
          spellCheck={false}
          value={requests.email}
          onValue={request('email', 'Edit request email', true)}
        />
        <TextField
          path="organization.requests.inApp"
          label="In the app"
          description="Where in the app people make a request, in words."
          placeholder="Settings → Privacy → Your data"
          value={requests.inApp}
          onValue={request('inApp', 'Edit in-app request place')}
        />
      </SimpleGrid>
      <TextareaField
        path="organization.requests.postalAddress"
        label="Postal address for requests"
        description="Only if people can write to you; one line per line of the address."
        minRows={2}
        value={requests.postalAddress}
        onValue={request('postalAddress', 'Edit request postal address')}
      />
      <SwitchField
        path="organization.requests.onlineOnly"
        label="We operate only online"
        description="You have a direct relationship with the people whose data you collect and no offline business, so an email address alone is enough for California."
        checked={requests.onlineOnly === true}
        onValue={(on) => editOrg('Change operates only online', (o) => setNested(o, 'requests', 'onlineOnly', on || undefined))}
      />
      {otherStates ? (
        <TextField
          path="organization.requests.appeal"
          label="How to appeal a refused request"
          description="The other US states give people an appeal: a web address, an email address or a few words."
          placeholder="https://example.com/privacy/appeal"
          value={requests.appeal}
          onValue={request('appeal', 'Edit appeal')}
        />
      ) : null}
      {healthLaw ? (
        <TextField
          path="organization.consumerHealthPolicyUrl"
          label="Consumer Health Data Privacy Policy URL"
          description="Where you publish the policy Candor writes for Washington and Nevada; Washington asks for a prominent link to it on your homepage. The privacy notice links to it."
          placeholder="https://example.com/consumer-health-data"
          inputMode="url"
          spellCheck={false}
          value={org.consumerHealthPolicyUrl}
          onValue={link('consumerHealthPolicyUrl', 'Edit Consumer Health Data Privacy Policy URL')}
        />
      ) : null}
      {ccpa ? (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextField
              path="organization.optOutUrl"
              label="“Do Not Sell or Share” page URL"
              description="Required when you sell personal information or share it for cross-context advertising."
              placeholder="https://example.com/do-not-sell-or-share"
              inputMode="url"
              spellCheck={false}
              value={org.optOutUrl}
              onValue={link('optOutUrl', 'Edit “Do Not Sell or Share” URL')}
            />
            <TextField
              path="organization.limitUseUrl"
              label="“Limit the Use of My Sensitive Personal Information” page URL"
              description="Required when you use sensitive personal information beyond what the service needs."
              placeholder="https://example.com/limit-sensitive"
              inputMode="url"
              spellCheck={false}
              value={org.limitUseUrl}
              onValue={link('limitUseUrl', 'Edit “Limit the Use” URL')}
            />
          </SimpleGrid>
          <TextField
            path="organization.alternativeOptOutUrl"
            label="Alternative opt-out link (“Your Privacy Choices”)"
            description="One page that lets people do both of the above, in place of the two links."
            placeholder="https://example.com/privacy-choices"
            inputMode="url"
            spellCheck={false}
            value={org.alternativeOptOutUrl}
            onValue={link('alternativeOptOutUrl', 'Edit alternative opt-out URL')}
          />
          <SwitchField
            path="organization.usPrivacy.sensitiveUseLimited"
            label="Sensitive personal information is used only as the service needs"
            description="Only to provide what people ask for, for security and the other purposes of 11 CCR 7027(m); then no “Limit the Use” link is needed and the notice says so."
            checked={us.sensitiveUseLimited === true}
            onValue={(on) =>
              editOrg('Change sensitive information use', (o) => setNested(o, 'usPrivacy', 'sensitiveUseLimited', on || undefined))
            }
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <SelectField
              path="organization.usPrivacy.optOutSignals"
              label="Honour opt-out signals such as Global Privacy Control"
              description="A browser or device setting that asks every site not to sell or share. California requires it when you sell or share."
              placeholder="Not answered"
              data={YES_NO}
              clearable
              value={yesNo(us.optOutSignals)}
              onValue={(v) =>
                editOrg('Change opt-out signals', (o) => setNested(o, 'usPrivacy', 'optOutSignals', v === null ? undefined : v === 'yes'))
              }
            />
            <SelectField
              path="organization.usPrivacy.sellsUnder16"
              label="Sell or share data of people under 16"
              description="Whether you know you do. If yes, you ask them to opt in first (a parent for children under 13)."
              placeholder="Not answered"
              data={YES_NO}
              clearable
              value={yesNo(us.sellsUnder16)}
              onValue={(v) =>
                editOrg('Change sale of data of people under 16', (o) =>
                  setNested(o, 'usPrivacy', 'sellsUnder16', v === null ? undefined : v === 'yes'),
                )
              }
            />
          </SimpleGrid>
          {us.optOutSignals === true ? (
            <TextField
              path="organization.usPrivacy.optOutSignalsHow"
              label="How you honour them"
              description="One sentence for the notice, for example the browser or device, and the account when signed in."
              placeholder="We apply it to the browser or device that sends it and, when you are signed in, to your account."
              value={us.optOutSignalsHow}
              onValue={(v) => editOrg('Edit how opt-out signals are honoured', (o) => setNested(o, 'usPrivacy', 'optOutSignalsHow', v))}
            />
          ) : null}
          <SelectField
            path="organization.usPrivacy.doNotTrack"
            label="How your website responds to Do Not Track"
            description="California’s online privacy law asks every website to say it."
            placeholder="Not answered"
            data={DO_NOT_TRACK}
            clearable
            value={us.doNotTrack}
            onValue={(v) =>
              editOrg('Change Do Not Track answer', (o) =>
                setNested(o, 'usPrivacy', 'doNotTrack', (v ?? undefined) as UsPrivacy['doNotTrack']),
              )
            }
          />
        </Stack>
      ) : null}
    </Section>
  );
}
