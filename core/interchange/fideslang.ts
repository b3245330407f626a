// fideslang interchange (https://github.com/ethyca/fideslang): the workspace as a fideslang system with
// one privacy declaration per purpose, for Fides and other tools that read the language; and the way
// in: a fideslang system or dataset file read as suggested data types for the user to pick from.
//
// Fields follow fideslang's System, PrivacyDeclaration and DataFlow models (fides_key, name,
// description, system_type, egress, privacy_declarations with data_categories, data_use,
// data_subjects, egress, legal_basis_for_processing, special_category_legal_basis, …). fideslang 2
// dropped the system-level `third_country_transfers` list of ISO 3166-1 alpha-3 codes in favour of
// `does_international_transfers` and `legal_basis_for_transfers`; the export writes all three, since
// current versions ignore keys they do not know and older ones read the list.
//
// Recipients become the system's egress data flows (type "system", keyed by the recipient's id), and a
// declaration's egress names the recipients that receive the data types used for its purpose for that
// purpose (a data type's recipientPurposes; by default each of its recipients receives it for all).
import countries from 'i18n-iso-countries/index.js';
import { Document, LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type YAMLMap } from 'yaml';
import { isInEeaOrUk } from '../countries';
import { plainLines, plainText } from '../documents/text';
import { uniqueId, slugify } from '../ids';
import { deriveClassification } from '../reference';
import { recipientsFor } from '../recipient-purposes';
import { retentionPhrase } from '../retention';
import type { DataType, LawfulBasis, Purpose, Recipient, Workspace } from '../schema';
import { CATEGORY_BY_KEY, SUBJECT_BY_KEY, TAXONOMY_ATTRIBUTION, USE_BY_KEY, categoryLabel } from '../taxonomy';
import { assessTransfers, type TransferBasis } from '../transfers';
import { validateComplete } from '../validate';

// fideslang's LegalBasisForProcessingEnum and SpecialCategoryLegalBasisEnum, by Candor's values.
const LEGAL_BASIS: Record<LawfulBasis, string> = {
  consent: 'Consent',
  contract: 'Contract',
  'legal-obligation': 'Legal obligations',
  'vital-interests': 'Vital interests',
  'public-task': 'Public interest',
  'legitimate-interests': 'Legitimate interests',
};

const SPECIAL_BASIS: Record<string, string> = {
  'explicit-consent': 'Explicit consent',
  employment: 'Employment, social security and social protection',
  'vital-interests': 'Vital interests',
  'not-for-profit': 'Not-for-profit bodies',
  'made-public': 'Made public by the data subject',
  'legal-claims': 'Legal claims or judicial acts',
  'substantial-public-interest': 'Reasons of substantial public interest (with a basis in law)',
  'health-care': 'Health or social care (with a basis in law)',
  'public-health': 'Public health (with a basis in law)',
  research: 'Archiving, research and statistics (with a basis in law)',
};

// fideslang's LegalBasisForTransfersEnum ("Supplementary Measures" has no Candor counterpart). The
// basis is the assessed one (core/transfers.ts), so a claimed adequacy the table lacks is not exported
// as an adequacy decision; the UK Addendum is the EU clauses, and the IDTA, codes, certification and
// derogations have no value of their own.
function transferBasis(basis: TransferBasis): string | undefined {
  switch (basis.kind) {
    case 'adequacy':
    case 'certified':
      return 'Adequacy Decision';
    case 'safeguard':
      return basis.mechanism === 'sccs' || basis.mechanism === 'uk-addendum' ? 'SCCs' : basis.mechanism === 'bcrs' ? 'BCRs' : 'Other';
    case 'derogation':
      return 'Other';
    case 'none':
      return undefined;
  }
}

const invert = (table: Record<string, string | undefined>) =>
  new Map(Object.entries(table).flatMap(([k, v]) => (v ? [[v.toLowerCase(), k] as const] : [])));
const LEGAL_BASIS_BY_LABEL = invert(LEGAL_BASIS);
const SPECIAL_BASIS_BY_LABEL = invert(SPECIAL_BASIS);

/** A retention as the phrase notices use; criteria given on their own read as they were written. */
function retentionText(retention: DataType['retention']): string {
  const phrase = oneLine(retentionPhrase(retention));
  return phrase.startsWith('as follows: ') ? oneLine(retention?.criteria).replace(/[.;:,\s]+$/, '') : phrase;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function oneLine(text: string | undefined): string {
  return text ? plainText(text) : '';
}

/** A fideslang key (letters, digits, `_ . < > -`) for the organisation's system. */
function systemKey(name: string): string {
  return slugify(name).replace(/-/g, '_');
}

// ---------------------------------------------------------------------------------------------------
// Export

export interface FideslangSkip {
  purposeId: string;
  /** why the purpose has no privacy declaration, and what to do */
  reason: string;
}

export interface FideslangExport {
  /** the system as fideslang's model, ready for YAML or JSON */
  system: Record<string, unknown>;
  /** purposes that could not be declared */
  skipped: FideslangSkip[];
}

/** The workspace as one fideslang system: the organisation, with a privacy declaration per purpose. */
export function fideslangSystem(workspace: Workspace): FideslangExport {
  const org = workspace.organization;
  const recipients = new Map(workspace.recipients.map((r) => [r.id, r]));
  const skipped: FideslangSkip[] = [];
  const special = new Map(workspace.dataTypes.map((d) => [d.id, deriveClassification(d).gdprSpecial]));

  const declarations: Record<string, unknown>[] = [];
  for (const purpose of workspace.purposes) {
    const dataTypes = workspace.dataTypes.filter((d) => d.purposes.includes(purpose.id));
    if (!purpose.use) {
      skipped.push({
        purposeId: purpose.id,
        reason: `The purpose "${oneLine(purpose.name)}" has no data use, which fideslang requires; choose one under Purposes.`,
      });
      continue;
    }
    if (dataTypes.length === 0) {
      skipped.push({
        purposeId: purpose.id,
        reason: `No data type is used for the purpose "${oneLine(purpose.name)}"; add it to a data type's purposes, or delete the purpose.`,
      });
      continue;
    }
    // Only the recipients that receive a data type for this purpose (recipientPurposes; by default all).
    const egress = unique(dataTypes.flatMap((d) => recipientsFor(d, purpose.id))).filter((id) => recipients.has(id));
    const thirdParties = egress.map((id) => recipients.get(id)!).filter((r) => r.role && r.role !== 'processor');
    const sharedCategories = unique(
      dataTypes.filter((d) => recipientsFor(d, purpose.id).some((id) => thirdParties.some((r) => r.id === id))).map((d) => d.category),
    );
    const specialTypes = dataTypes.filter((d) => special.get(d.id));
    const condition = specialTypes.map((d) => d.specialCondition).find((c) => c !== undefined);
    const retention = dataTypes
      .map((d) => {
        const phrase = retentionText(d.retention);
        return phrase ? `${oneLine(d.name)}: ${phrase}` : undefined;
      })
      .filter((r): r is string => r !== undefined);

    const declaration: Record<string, unknown> = {
      name: oneLine(purpose.name),
      data_categories: unique(dataTypes.map((d) => d.category)),
      data_use: purpose.use,
      data_subjects: unique(dataTypes.flatMap((d) => d.subjects ?? ['customer'])),
    };
    if (egress.length) declaration.egress = egress;
    if (purpose.lawfulBasis) declaration.legal_basis_for_processing = LEGAL_BASIS[purpose.lawfulBasis];
    if (retention.length) declaration.retention_period = retention.join('; ');
    declaration.processes_special_category_data = specialTypes.length > 0;
    if (condition) declaration.special_category_legal_basis = SPECIAL_BASIS[condition];
    declaration.data_shared_with_third_parties = thirdParties.length > 0;
    if (thirdParties.length) {
      declaration.third_parties = thirdParties.map((r) => oneLine(r.name)).join('; ');
      declaration.shared_categories = sharedCategories;
    }
    declarations.push(declaration);
  }

  const flows = workspace.recipients.flatMap((recipient) => {
    const categories = unique(workspace.dataTypes.filter((d) => d.recipients?.includes(recipient.id)).map((d) => d.category));
    return categories.length ? [{ fides_key: recipient.id, type: 'system', data_categories: categories }] : [];
  });
  const jurisdictions = new Set(org.jurisdictions);
  const regimes = { gdpr: jurisdictions.has('gdpr'), ukGdpr: jurisdictions.has('uk-gdpr') };
  const assessed = (r: Recipient) => Object.values(assessTransfers(r, regimes)).filter((a) => a !== undefined);
  // Without the GDPR or the UK GDPR, a recipient outside the EEA and the UK still counts as abroad.
  const transferring = workspace.recipients.filter(
    (r) =>
      r.country &&
      (regimes.gdpr || regimes.ukGdpr ? assessed(r).length > 0 : !isInEeaOrUk(r.country)) &&
      workspace.dataTypes.some((d) => d.recipients?.includes(r.id)),
  );

  const system: Record<string, unknown> = {
    fides_key: systemKey(org.name),
    name: oneLine(org.name),
    description: `Personal data ${oneLine(org.name)} processes, with one privacy declaration per purpose. Exported from Candor.`,
    system_type: 'Application',
  };
  if (org.legalName) system.legal_name = oneLine(org.legalName);
  if (org.address) system.legal_address = plainLines(org.address).join(', ');
  if (org.privacyPolicyUrl) system.privacy_policy = org.privacyPolicyUrl;
  if (org.dpo?.email || org.dpo?.name) system.dpo = oneLine(org.dpo.email ?? org.dpo.name);
  system.responsibility = ['Controller'];
  const joint = workspace.recipients.filter((r) => r.role === 'joint-controller');
  if (joint.length) system.joint_controller_info = joint.map((r) => oneLine(r.name)).join('; ');
  if (org.securityMeasures) system.data_security_practices = oneLine(org.securityMeasures);
  system.does_international_transfers = transferring.length > 0;
  if (transferring.length) {
    system.legal_basis_for_transfers = unique(
      transferring.flatMap((r) => assessed(r).map((a) => transferBasis(a.basis))).filter((b): b is string => !!b),
    );
    system.third_country_transfers = unique(
      transferring.map((r) => countries.alpha2ToAlpha3(r.country as string) ?? (r.country as string)),
    );
  }
  system.uses_profiling = workspace.purposes.some((p) => p.automatedDecision !== undefined);
  if (flows.length) system.egress = flows;
  system.privacy_declarations = declarations;
  return { system, skipped };
}

/** The fideslang system as a YAML manifest (`system:` list), with the taxonomy's attribution. */
export function fideslangSystemYaml(workspace: Workspace): string {
  const { system, skipped } = fideslangSystem(workspace);
  const doc = new Document({ system: [system] });
  const comment = [
    ` fideslang system manifest for ${oneLine(workspace.organization.name)}, exported from Candor.`,
    ` Data categories, data uses and data subjects: ${TAXONOMY_ATTRIBUTION}`,
    ' (https://creativecommons.org/licenses/by/4.0/).',
  ];
  if (skipped.length) {
    comment.push(' Purposes without a privacy declaration:');
    for (const skip of skipped) comment.push(`   - ${skip.purposeId}: ${oneLine(skip.reason)}`);
  }
  doc.commentBefore = comment.join('\n');
  return doc.toString({ lineWidth: 0 });
}

// ---------------------------------------------------------------------------------------------------
// Import

export interface FideslangProblem {
  /** 1-based line and column in the YAML, where known */
  line?: number;
  column?: number;
  /** where in the document: `system[0].privacy_declarations[2].data_categories[1]` */
  path?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface DataTypeSuggestion {
  /** the data type as it would be added: an id unique in the workspace and among the suggestions */
  dataType: DataType;
  /** where it came from: the declaration or dataset field */
  from: { path: string; line?: number; column?: number; label: string };
  /** ids of suggested new purposes (in `FideslangImport.purposes`) that the data type refers to */
  newPurposes: string[];
  /** ids of data types already in the workspace with the same category */
  existing: string[];
  problems: FideslangProblem[];
}

export interface FideslangImport {
  kind: 'system' | 'dataset' | 'system and dataset' | 'none';
  suggestions: DataTypeSuggestion[];
  /** purposes to add with the suggestions: one per data use that no purpose of the workspace has */
  purposes: Purpose[];
  /** problems with the file as a whole or with parts that made no suggestion */
  problems: FideslangProblem[];
}

interface Located {
  path: string;
  line?: number;
  column?: number;
}

class Reader {
  readonly problems: FideslangProblem[] = [];
  readonly suggestions: DataTypeSuggestion[] = [];
  readonly purposes: Purpose[] = [];
  private readonly taken: Set<string>;
  private readonly purposeTaken: Set<string>;
  private readonly purposeForUse = new Map<string, string>();

  constructor(
    private readonly workspace: Workspace,
    private readonly lines: LineCounter,
  ) {
    this.taken = new Set(workspace.dataTypes.map((d) => d.id));
    this.purposeTaken = new Set(workspace.purposes.map((p) => p.id));
  }

  at(node: YamlNode | null | undefined, path: string): Located {
    const offset = node?.range?.[0];
    if (offset === undefined) return { path };
    const { line, col } = this.lines.linePos(offset);
    return { path, line, column: col };
  }

  problem(where: Located, message: string, severity: 'error' | 'warning' = 'error'): FideslangProblem {
    return { ...where, message, severity };
  }

  report(where: Located, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push(this.problem(where, message, severity));
  }

  /** The strings of a list node, each with its location; reports items that are not text. */
  strings(node: unknown, path: string): { value: string; where: Located }[] {
    if (node === undefined || node === null) return [];
    if (!isSeq(node)) {
      this.report(
        this.at(node as YamlNode, path),
        `"${path}" must be a list of keys, such as [user.contact.email]; write it as a YAML list.`,
      );
      return [];
    }
    return node.items.flatMap((item, i) => {
      const where = this.at(item as YamlNode, `${path}[${i}]`);
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) return [{ value: item.value.trim(), where }];
      this.report(where, `${where.path} must be a key such as "user.contact.email"; remove it or write the key.`);
      return [];
    });
  }

  text(map: YAMLMap, key: string): string | undefined {
    const node = map.get(key, true);
    return isScalar(node) && node.value !== null && node.value !== undefined && String(node.value).trim()
      ? plainText(String(node.value))
      : undefined;
  }

  /** Known categories only; unknown ones are reported where they are. */
  categories(node: unknown, path: string): { key: string; where: Located }[] {
    return this.strings(node, path).flatMap(({ value, where }) => {
      if (CATEGORY_BY_KEY.has(value)) return [{ key: value, where }];
      this.report(
        where,
        `"${value}" is not a data category in the fideslang taxonomy Candor knows, so no data type is suggested for it; use a key such as "user.contact.email", or add the data type by hand.`,
      );
      return [];
    });
  }

  subjects(node: unknown, path: string): string[] {
    return this.strings(node, path).flatMap(({ value, where }) => {
      if (SUBJECT_BY_KEY.has(value)) return [value];
      this.report(
        where,
        `"${value}" is not a data subject in the fideslang taxonomy; it is left out. Use a key such as "customer" or "employee".`,
        'warning',
      );
      return [];
    });
  }

  /** The workspace purposes a data use stands for, or a new purpose suggested for it. */
  purposesFor(
    use: string,
    declarationName: string | undefined,
    lawfulBasis: LawfulBasis | undefined,
    where: Located,
  ): { ids: string[]; created: string[]; problems: FideslangProblem[] } {
    const matching = this.workspace.purposes.filter((p) => p.use === use);
    const byName = declarationName ? matching.filter((p) => oneLine(p.name).toLowerCase() === declarationName.toLowerCase()) : [];
    if (byName.length) return { ids: byName.map((p) => p.id), created: [], problems: [] };
    if (matching.length === 1) return { ids: [matching[0].id], created: [], problems: [] };
    if (matching.length > 1) {
      return {
        ids: matching.map((p) => p.id),
        created: [],
        problems: [
          this.problem(
            where,
            `${matching.length} purposes have the data use "${use}" (${matching.map((p) => oneLine(p.name)).join('; ')}); all are suggested, so remove those that do not apply.`,
            'warning',
          ),
        ],
      };
    }
    // Each declaration is a processing activity of its own, even where several share a data use.
    const key = `${use}\n${declarationName ?? ''}`;
    let id = this.purposeForUse.get(key);
    if (!id) {
      const name = declarationName ?? USE_BY_KEY.get(use)?.name ?? use;
      id = uniqueId(name, this.purposeTaken);
      this.purposeTaken.add(id);
      this.purposeForUse.set(key, id);
      const purpose: Purpose = { id, name, use };
      if (lawfulBasis) purpose.lawfulBasis = lawfulBasis;
      this.purposes.push(purpose);
    }
    return { ids: [id], created: [id], problems: [] };
  }

  suggest(
    name: string,
    category: string,
    purposes: string[],
    newPurposes: string[],
    from: DataTypeSuggestion['from'],
    extra: Partial<DataType>,
    problems: FideslangProblem[],
  ): DataTypeSuggestion {
    const id = uniqueId(name, this.taken);
    this.taken.add(id);
    const dataType: DataType = { id, name, category, ...extra, purposes };
    const own = [...problems];
    if (purposes.length === 0) {
      own.push(
        this.problem(from, `Nothing in the file says what "${name}" is used for; choose at least one purpose for it before adding it.`),
      );
    }
    const suggestion: DataTypeSuggestion = {
      dataType,
      from,
      newPurposes,
      existing: this.workspace.dataTypes.filter((d) => d.category === category).map((d) => d.id),
      problems: own,
    };
    this.suggestions.push(suggestion);
    return suggestion;
  }

  system(node: YAMLMap, path: string): void {
    const systemName = this.text(node, 'name') ?? this.text(node, 'fides_key') ?? 'the system';
    const declarations = node.get('privacy_declarations', true);
    if (!isSeq(declarations)) {
      this.report(
        this.at(node, path),
        `The system "${systemName}" has no privacy_declarations list, so it declares no data; nothing is suggested from it.`,
        'warning',
      );
      return;
    }
    // One data type per category: a category declared for several purposes is one kind of data used for each.
    const byCategory = new Map<string, DataTypeSuggestion>();
    declarations.items.forEach((item, i) => {
      const at = `${path}.privacy_declarations[${i}]`;
      if (!isMap(item)) {
        this.report(this.at(item as YamlNode, at), `${at} must be a privacy declaration (a map with data_categories and data_use).`);
        return;
      }
      const declarationName = this.text(item, 'name');
      const label = declarationName
        ? `privacy declaration "${declarationName}" of system "${systemName}"`
        : `privacy declaration ${i + 1} of system "${systemName}"`;
      const useNode = item.get('data_use', true);
      const use = isScalar(useNode) && typeof useNode.value === 'string' ? useNode.value.trim() : undefined;
      const useWhere = this.at(useNode ?? item, `${at}.data_use`);
      let purposeIds: string[] = [];
      let created: string[] = [];
      const shared: FideslangProblem[] = [];
      if (!use) {
        shared.push(
          this.problem(
            useWhere,
            `The ${label} has no data_use, so its purpose is unknown; choose a purpose for the data types it suggests.`,
            'warning',
          ),
        );
      } else if (!USE_BY_KEY.has(use)) {
        shared.push(
          this.problem(
            useWhere,
            `"${use}" is not a data use in the fideslang taxonomy; choose a purpose for the data types it suggests.`,
            'warning',
          ),
        );
      } else {
        const basis = this.text(item, 'legal_basis_for_processing');
        const lawfulBasis = basis ? (LEGAL_BASIS_BY_LABEL.get(basis.toLowerCase()) as LawfulBasis | undefined) : undefined;
        const found = this.purposesFor(use, declarationName, lawfulBasis, useWhere);
        purposeIds = found.ids;
        created = found.created;
        shared.push(...found.problems);
      }
      const subjects = this.subjects(item.get('data_subjects', true), `${at}.data_subjects`);
      const specialText = this.text(item, 'special_category_legal_basis');
      const condition = specialText ? SPECIAL_BASIS_BY_LABEL.get(specialText.toLowerCase()) : undefined;
      const categoriesNode = item.get('data_categories', true);
      if (!categoriesNode) this.report(this.at(item, at), `The ${label} has no data_categories, so it suggests no data type.`, 'warning');
      for (const { key, where } of this.categories(categoriesNode, `${at}.data_categories`)) {
        const existing = byCategory.get(key);
        if (existing) {
          existing.dataType.purposes = unique([...existing.dataType.purposes, ...purposeIds]);
          existing.newPurposes = unique([...existing.newPurposes, ...created]);
          if (subjects.length) existing.dataType.subjects = unique([...(existing.dataType.subjects ?? ['customer']), ...subjects]);
          existing.problems = existing.problems.filter(
            (p) => !(existing.dataType.purposes.length && p.message.startsWith('Nothing in the file says')),
          );
          existing.problems.push(...shared);
          continue;
        }
        const extra: Partial<DataType> = { notes: `Suggested from the fideslang ${label}.` };
        if (subjects.length) extra.subjects = subjects;
        if (condition && deriveClassification({ category: key }).gdprSpecial)
          extra.specialCondition = condition as DataType['specialCondition'];
        byCategory.set(key, this.suggest(categoryLabel(key), key, purposeIds, created, { ...where, label }, extra, shared));
      }
    });
  }

  dataset(node: YAMLMap, path: string): void {
    const datasetName = this.text(node, 'name') ?? this.text(node, 'fides_key') ?? 'the dataset';
    const inherited = {
      uses: this.uses(node, path),
      subjects: this.subjects(node.get('data_subjects', true), `${path}.data_subjects`),
    };
    this.declared(node, datasetName, `dataset "${datasetName}"`, path, inherited, undefined);
    const collections = node.get('collections', true);
    if (!isSeq(collections)) {
      this.report(
        this.at(node, path),
        `The dataset "${datasetName}" has no collections list, so it describes no fields; nothing is suggested from it.`,
        'warning',
      );
      return;
    }
    collections.items.forEach((collection, i) => {
      const at = `${path}.collections[${i}]`;
      if (!isMap(collection)) {
        this.report(this.at(collection as YamlNode, at), `${at} must be a collection (a map with a name and fields).`);
        return;
      }
      const collectionName = this.text(collection, 'name') ?? `collection ${i + 1}`;
      const context = {
        uses: this.uses(collection, at) ?? inherited.uses,
        subjects: this.subjects(collection.get('data_subjects', true), `${at}.data_subjects`),
      };
      if (!context.subjects.length) context.subjects = inherited.subjects;
      this.declared(collection, collectionName, `collection "${collectionName}" of dataset "${datasetName}"`, at, context, undefined);
      this.fields(collection.get('fields', true), collectionName, datasetName, `${at}.fields`, context);
    });
  }

  private fields(
    node: unknown,
    parent: string,
    datasetName: string,
    path: string,
    context: { uses?: { value: string; where: Located }[]; subjects: string[] },
  ): void {
    if (node === undefined || node === null) return;
    if (!isSeq(node)) {
      this.report(this.at(node as YamlNode, path), `${path} must be a list of fields.`);
      return;
    }
    node.items.forEach((field, i) => {
      const at = `${path}[${i}]`;
      if (!isMap(field)) {
        this.report(this.at(field as YamlNode, at), `${at} must be a field (a map with a name).`);
        return;
      }
      const name = `${parent}.${this.text(field, 'name') ?? `field-${i + 1}`}`;
      const own = {
        uses: this.uses(field, at) ?? context.uses,
        subjects: this.subjects(field.get('data_subjects', true), `${at}.data_subjects`),
      };
      if (!own.subjects.length) own.subjects = context.subjects;
      this.declared(field, name, `field "${name}" of dataset "${datasetName}"`, at, own, this.text(field, 'description'));
      this.fields(field.get('fields', true), name, datasetName, `${at}.fields`, own);
    });
  }

  /** The data uses of a dataset, collection or field (`data_uses`, or the older `data_purposes`), undefined when it names none. */
  private uses(node: YAMLMap, path: string): { value: string; where: Located }[] | undefined {
    const key = node.has('data_uses') ? 'data_uses' : node.has('data_purposes') ? 'data_purposes' : undefined;
    if (!key) return undefined;
    const values = this.strings(node.get(key, true), `${path}.${key}`).filter(({ value, where }) => {
      if (USE_BY_KEY.has(value)) return true;
      this.report(where, `"${value}" is not a data use in the fideslang taxonomy; it is left out, so choose a purpose by hand.`, 'warning');
      return false;
    });
    return values.length ? values : undefined;
  }

  /** Data types for the categories a dataset, collection or field declares, named after where they are declared. */
  private declared(
    node: YAMLMap,
    name: string,
    label: string,
    path: string,
    context: { uses?: { value: string; where: Located }[]; subjects: string[] },
    description: string | undefined,
  ): void {
    const categories = this.categories(node.get('data_categories', true), `${path}.data_categories`);
    for (const { key, where } of categories) {
      const ids: string[] = [];
      const created: string[] = [];
      const problems: FideslangProblem[] = [];
      for (const use of context.uses ?? []) {
        const found = this.purposesFor(use.value, undefined, undefined, use.where);
        ids.push(...found.ids);
        created.push(...found.created);
        problems.push(...found.problems);
      }
      const extra: Partial<DataType> = { notes: `Suggested from the fideslang ${label}.` };
      if (description) extra.description = description;
      if (context.subjects.length) extra.subjects = context.subjects;
      const title = categories.length > 1 ? `${name} (${categoryLabel(key)})` : name;
      this.suggest(title, key, unique(ids), unique(created), { ...where, label }, extra, problems);
    }
  }
}

/**
 * Reads a fideslang file (a `system:` or `dataset:` manifest, or a bare system or dataset) as suggested
 * data types. Nothing is changed: pass the chosen suggestions to `addFideslangSuggestions`.
 */
export function parseFideslang(text: string, workspace: Workspace): FideslangImport {
  const lines = new LineCounter();
  const reader = new Reader(workspace, lines);
  const documents = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  let systems = 0;
  let datasets = 0;
  for (const error of list.flatMap((d) => d.errors)) {
    const { line, col } = lines.linePos(error.pos[0]);
    reader.report(
      { path: '', line, column: col },
      `The file is not valid YAML at line ${line}, column ${col}: ${error.message.split('\n')[0]}. Fix the YAML and read it again.`,
    );
  }
  if (reader.problems.length === 0) {
    for (const doc of list) {
      const root = doc.contents;
      const visit = (node: unknown, path: string) => {
        if (isMap(node) && node.has('privacy_declarations')) {
          systems += 1;
          reader.system(node, path);
        } else if (isMap(node) && node.has('collections')) {
          datasets += 1;
          reader.dataset(node, path);
        } else {
          reader.report(
            reader.at(node as YamlNode, path),
            `${path || 'The document'} is neither a fideslang system (with privacy_declarations) nor a dataset (with collections); it is skipped.`,
            'warning',
          );
        }
      };
      if (isMap(root) && (root.has('system') || root.has('dataset'))) {
        for (const key of ['system', 'dataset'] as const) {
          const items = root.get(key, true);
          if (items === undefined) continue;
          if (!isSeq(items)) {
            reader.report(reader.at(items as YamlNode, key), `"${key}" must be a list, with "- " before each ${key}.`);
            continue;
          }
          items.items.forEach((item, i) => visit(item, `${key}[${i}]`));
        }
      } else if (isSeq(root)) {
        root.items.forEach((item, i) => visit(item, `[${i}]`));
      } else if (root !== null && root !== undefined) {
        visit(root, '');
      }
    }
    if (systems === 0 && datasets === 0 && list.length > 0 && reader.problems.every((p) => p.severity === 'warning')) {
      reader.report(
        { path: '' },
        'The file has no fideslang system or dataset: expect a "system:" list of systems with privacy_declarations, or a "dataset:" list of datasets with collections.',
      );
    }
  }
  // Candor writes no subjects for the default, customers alone.
  for (const { dataType } of reader.suggestions) {
    if (dataType.subjects?.length === 1 && dataType.subjects[0] === 'customer') delete dataType.subjects;
  }
  const kind = systems && datasets ? 'system and dataset' : systems ? 'system' : datasets ? 'dataset' : 'none';
  // Top to bottom, as people read the file.
  const problems = [...reader.problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
  return { kind, suggestions: reader.suggestions, purposes: reader.purposes, problems };
}

export type AddSuggestionsResult =
  | { ok: true; workspace: Workspace; added: string[]; purposesAdded: string[] }
  | { ok: false; problems: { suggestion?: number; message: string }[] };

/**
 * The workspace with the chosen suggestions added (in the order given), and the suggested purposes they
 * refer to. Ids are made unique again against the workspace as it is now, and references follow. The
 * result is validated; if a suggestion would make the workspace invalid (no purpose chosen, say),
 * nothing is added and the problems say which suggestion and why.
 */
export function addFideslangSuggestions(
  workspace: Workspace,
  chosen: readonly DataTypeSuggestion[],
  suggestedPurposes: readonly Purpose[] = [],
): AddSuggestionsResult {
  const purposeIds = new Set(workspace.purposes.map((p) => p.id));
  const dataTypeIds = new Set(workspace.dataTypes.map((d) => d.id));
  const renamed = new Map<string, string>();
  const purposes = [...workspace.purposes];
  const purposesAdded: string[] = [];
  const wanted = new Set(chosen.flatMap((s) => s.dataType.purposes));
  for (const purpose of suggestedPurposes) {
    if (!wanted.has(purpose.id)) continue;
    // Added already, by an earlier pick from the same file: the data types refer to it as it is.
    if (workspace.purposes.some((p) => p.id === purpose.id && p.use === purpose.use && p.name === purpose.name)) continue;
    const id = uniqueId(purpose.id, purposeIds);
    purposeIds.add(id);
    renamed.set(purpose.id, id);
    purposes.push({ ...purpose, id });
    purposesAdded.push(id);
  }
  const dataTypes = [...workspace.dataTypes];
  const added: string[] = [];
  for (const suggestion of chosen) {
    const id = uniqueId(suggestion.dataType.id, dataTypeIds);
    dataTypeIds.add(id);
    dataTypes.push({ ...suggestion.dataType, id, purposes: suggestion.dataType.purposes.map((p) => renamed.get(p) ?? p) });
    added.push(id);
  }
  const next: Workspace = { ...workspace, purposes, dataTypes };
  // What was incomplete before (now allowed in a saved workspace) does not hold the suggestions back.
  const known = new Set(validateComplete(workspace).problems.map((p) => `${p.path}\n${p.message}`));
  const introduced = validateComplete(next).problems.filter((p) => !known.has(`${p.path}\n${p.message}`));
  if (introduced.length > 0) {
    const first = workspace.dataTypes.length;
    return {
      ok: false,
      problems: introduced.map((p) => {
        const match = /^dataTypes\[(\d+)\]/.exec(p.path);
        const index = match ? Number(match[1]) - first : -1;
        return index >= 0
          ? {
              suggestion: index,
              message: `"${chosen[index].dataType.name}": ${p.path.replace(/^dataTypes\[\d+\]\.?/, '') || 'the data type'} ${p.message}.`,
            }
          : { message: `${p.path}: ${p.message}.` };
      }),
    };
  }
  return { ok: true, workspace: next, added, purposesAdded };
}
