// The parts of the document context for the notice of financial incentive (11 CCR 7016) and the
// Consumer Health Data Privacy Policy (Washington RCW 19.373, Nevada SB 370). They are built from the
// data type and recipient views the rest of the context already has, so a name, a purpose or a
// retention period reads the same in every document.
import { healthLawsIn, isConsumerHealthData, receivesHealthDataAsSharing } from '../consumer-health';
import { CCPA_CATEGORIES } from '../identifiers';
import type { Workspace } from '../schema';
import type { AppealMethod, DataTypeView, PurposeView, RecipientView } from './context';
import { markdownInline, plainText, sentence } from './text';

export interface FinancialIncentiveView {
  id: string;
  name: string;
  heading: string;
  summary: string;
  terms: string;
  optIn: string;
  withdraw: string;
  value: string;
  valueMethod: string;
  /** the data types the incentive involves */
  dataTypes: DataTypeView[];
  dataTypeNames: string[];
  /** the labels of their CCPA categories, in the statute's order */
  categories: string[];
}

export interface HealthDataView {
  /** the data type, as everywhere else */
  data: DataTypeView;
  /** why it is collected and how it is used: each purpose's name, with its description when there is one */
  uses: string[];
  /** consent to collect it is recorded */
  consentToCollect: boolean;
  /** every purpose relies on the contract, so it is collected because the person asked for the service */
  necessary: boolean;
  /** consent to share it is recorded */
  consentToShare: boolean;
  /** how consent is asked, as a sentence */
  consentHow: string;
  /** the third parties and affiliates it is shared with (anyone but a processor), by name */
  sharedWith: string[];
  /** the processors that handle it on the organisation's behalf, by name */
  processedBy: string[];
  sold: boolean;
}

export interface HealthRecipientView {
  recipient: RecipientView;
  /** its consumer health data, by name */
  dataTypeNames: string[];
}

export interface ConsumerHealthView {
  washington: boolean;
  nevada: boolean;
  /** "Washington" and "Nevada", those in the workspace */
  states: string[];
  /** "Washington's My Health My Data Act (RCW 19.373)", … */
  laws: string[];
  dataTypes: HealthDataView[];
  /** the consumer health data shared with third parties or affiliates */
  shared: HealthDataView[];
  sold: HealthDataView[];
  /** where it comes from: "you", "your device, automatically as you use Ridgeline", or the third party */
  sources: string[];
  /** recipients that are not affiliates and receive it other than as a processor */
  thirdParties: HealthRecipientView[];
  /** the organisation's affiliates that receive it, whatever their role */
  affiliates: HealthRecipientView[];
  /** processors that are not affiliates and handle it on the organisation's behalf */
  processors: HealthRecipientView[];
  /**
   * the names of the recipients of consumer health data that may collect it across other sites and apps:
   * those that receive it for cross-context advertising or have tracking domains (Nevada asks whether any do)
   */
  trackers: string[];
  /** consent to collect is recorded for every consumer health data type that is not necessary for the service */
  consentToCollect: boolean;
  /** consent to share is recorded for every consumer health data type that is shared */
  consentToShare: boolean;
  /** how to appeal a refused request, as a ready phrase ("use <…>", "email <…>", or the words recorded); empty when none */
  appeal: string;
}

const HEALTH_LAW_NAMES: Record<string, string> = {
  'us-wa': "Washington's My Health My Data Act (RCW 19.373)",
  'us-nv': "Nevada's consumer health data law (Senate Bill 370 of 2023)",
};

/** The incentives, each with its data types and their CCPA categories. */
export function financialIncentivesView(
  workspace: Workspace,
  dataTypes: readonly DataTypeView[],
  prose: (text: string) => string,
): FinancialIncentiveView[] {
  const byId = new Map(dataTypes.map((d) => [d.id, d]));
  return (workspace.financialIncentives ?? []).map((incentive) => {
    const name = markdownInline(plainText(incentive.name));
    const members = [...new Set(incentive.dataTypes ?? [])].filter((id) => byId.has(id)).map((id) => byId.get(id)!);
    const labels = new Set(members.flatMap((d) => d.ccpaCategories));
    const text = (value: string | undefined) => (value?.trim() ? prose(value) : '');
    return {
      id: incentive.id,
      name,
      heading: name.replace(/[.:;,]+$/, ''),
      summary: text(incentive.summary),
      terms: text(incentive.terms),
      optIn: text(incentive.optIn),
      withdraw: text(incentive.withdraw),
      value: text(incentive.value),
      valueMethod: text(incentive.valueMethod),
      dataTypes: members,
      dataTypeNames: members.map((d) => d.name),
      categories: CCPA_CATEGORIES.map((c) => markdownInline(c.label)).filter((label) => labels.has(label)),
    };
  });
}

/** An appeal method as it completes "To appeal, …": "use <…>", "email <…>", or the words recorded. */
function appealPhrase(method: AppealMethod | undefined): string {
  if (!method) return '';
  if (method.kind === 'url') return `use ${method.link}`;
  if (method.kind === 'email') return `email ${method.link}`;
  return markdownInline(plainText(method.value)).replace(/\.$/, '');
}

export function consumerHealthView(
  workspace: Workspace,
  dataTypes: readonly DataTypeView[],
  purposeViews: readonly PurposeView[],
  recipients: readonly RecipientView[],
  orgName: string,
  prose: (text: string) => string,
  appeal: AppealMethod | undefined,
): ConsumerHealthView {
  const laws = healthLawsIn(workspace.organization.jurisdictions);
  const recipientById = new Map(workspace.recipients.map((r) => [r.id, r]));
  const purposeById = new Map(workspace.purposes.map((p) => [p.id, p]));
  const purposeViewById = new Map(purposeViews.map((p) => [p.id, p]));
  const health: HealthDataView[] = [];
  workspace.dataTypes.forEach((d, index) => {
    if (!isConsumerHealthData(d)) return;
    const view = dataTypes[index];
    const received = view.recipients.map((r) => recipientById.get(r.id)!);
    const purposes = d.purposes.map((id) => purposeById.get(id)).filter((p) => p !== undefined);
    health.push({
      data: view,
      uses: view.purposes.map((p) => {
        const description = purposeViewById.get(p.id)?.description;
        return description ? `${p.name}: ${description}` : sentence(p.name);
      }),
      consentToCollect: d.consent?.collection === true,
      necessary: purposes.length > 0 && purposes.every((p) => p.lawfulBasis === 'contract'),
      consentToShare: d.consent?.sharing === true,
      consentHow: d.consent?.how?.trim() ? prose(d.consent.how) : '',
      sharedWith: view.recipients.filter((r) => receivesHealthDataAsSharing(recipientById.get(r.id)!)).map((r) => r.name),
      processedBy: view.recipients.filter((r) => !receivesHealthDataAsSharing(recipientById.get(r.id)!)).map((r) => r.name),
      sold: received.some((r) => r.sells === true),
    });
  });
  const healthIds = new Set(health.map((h) => h.data.id));
  const receiving = (predicate: (id: string) => boolean): HealthRecipientView[] =>
    recipients
      .filter((r) => predicate(r.id))
      .map((r) => ({
        recipient: r,
        dataTypeNames: health.filter((h) => h.data.recipients.some((x) => x.id === r.id)).map((h) => h.data.name),
      }))
      .filter((r) => r.dataTypeNames.length > 0);
  const affiliate = (id: string) => recipientById.get(id)?.affiliate === true;
  const processor = (id: string) => !receivesHealthDataAsSharing(recipientById.get(id)!);
  const members = health.map((h) => h.data);
  const sources = [
    ...new Set([
      ...(members.some((d) => d.source === 'user') ? ['you'] : []),
      ...(members.some((d) => d.source === 'automatic') ? [`your device, automatically as you use ${orgName}`] : []),
      ...members.filter((d) => d.fromThirdParty).map((d) => d.sourceDetail || 'other organisations'),
    ]),
  ];
  return {
    washington: laws.some((l) => l.id === 'us-wa'),
    nevada: laws.some((l) => l.id === 'us-nv'),
    states: laws.map((l) => l.state),
    laws: laws.map((l) => HEALTH_LAW_NAMES[l.id] ?? markdownInline(l.law)),
    dataTypes: health,
    shared: health.filter((h) => h.sharedWith.length > 0),
    sold: health.filter((h) => h.sold),
    sources,
    thirdParties: receiving((id) => healthIds.size > 0 && !affiliate(id) && !processor(id)),
    affiliates: receiving(affiliate),
    processors: receiving((id) => !affiliate(id) && processor(id)),
    trackers: recipients
      .filter((r) => receiving((id) => id === r.id).length > 0)
      .filter((r) => r.sharesForAds || (recipientById.get(r.id)?.trackingDomains?.length ?? 0) > 0)
      .map((r) => r.name),
    consentToCollect: health.every((h) => h.consentToCollect || h.necessary),
    consentToShare: health.every((h) => h.sharedWith.length === 0 || h.consentToShare),
    appeal: appealPhrase(appeal),
  };
}
