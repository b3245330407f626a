// The record of processing activities (GDPR and UK GDPR Art 30(1)): one row per purpose, because a
// purpose is what the law calls a processing activity. The columns are the UK ICO's "Documentation
// template for controllers" (docs/reference/formats-and-law.md §5.1) in its order, limited to
// the columns Candor has facts for; the ICO columns that hold links to other records (processor
// contract, legitimate interests assessment, consent record, DPIA, breach log, retention policy) and
// the DPA 2018 Schedule 1 columns are left out rather than exported empty.
//
// The controller, DPO and representative contacts (Art 30(1)(a)) are one block for the whole record,
// as in the ICO sheet's first rows:
// - in the Word table (and the XLSX, electron/services/ropa-xlsx.ts) they stand above the table, as a
//   small table of their own, because people read those top to bottom;
// - in the CSV they are the first three columns of every row, because a CSV is read by programs and
//   must stay one header and one record per line: a row copied, filtered or sorted keeps its controller.
//
// User text is cleaned to one line (`plainText`) before it reaches any cell, so control characters
// cannot corrupt an XLSX or DOCX file, and every CSV cell passes through `neutralizeFormula`.
import Papa from 'papaparse';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { ACCENT, baseParagraphStyles, HEADER_FILL, MUTED, RULE, titleStyle } from './documents/word-style';
import { countryName } from './countries';
import { assessTransfers, basisLabel, type TransferAssessment } from './transfers';
import { plainLines, plainText } from './documents/text';
import { deriveClassification } from './reference';
import { lowerFirst, retentionPhrase } from './retention';
import type { DataType, LawfulBasis, Purpose, Recipient, Workspace } from './schema';
import { neutralizeFormula } from './spreadsheet';
import { DECISION_GROUND_LABELS, profiles } from './profiling';
import { recipientsFor } from './recipient-purposes';
import { SUBJECT_BY_KEY, USE_BY_KEY, categoryLabel } from './taxonomy';
import { count } from './words';

export const ROPA_COLUMN_IDS = [
  'businessFunction',
  'purpose',
  'jointControllers',
  'individuals',
  'personalData',
  'recipients',
  'thirdCountries',
  'safeguards',
  'retention',
  'security',
  'lawfulBasis',
  'specialCondition',
  'legitimateInterests',
  'rights',
  'automatedDecision',
  'source',
] as const;
export type RopaColumnId = (typeof ROPA_COLUMN_IDS)[number];

export interface RopaColumn {
  id: RopaColumnId;
  /** the ICO template's heading */
  header: string;
  /** the column's number in the ICO template (1 = Business function) */
  ico: number;
}

export const ROPA_COLUMNS: readonly RopaColumn[] = [
  { id: 'businessFunction', header: 'Business function', ico: 1 },
  { id: 'purpose', header: 'Purpose of processing', ico: 2 },
  { id: 'jointControllers', header: 'Name and contact details of joint controller (if applicable)', ico: 3 },
  { id: 'individuals', header: 'Categories of individuals', ico: 4 },
  { id: 'personalData', header: 'Categories of personal data', ico: 5 },
  { id: 'recipients', header: 'Categories of recipients', ico: 6 },
  {
    id: 'thirdCountries',
    header: 'Names of third countries or international organisations that personal data are transferred to (if applicable)',
    ico: 8,
  },
  {
    id: 'safeguards',
    header: 'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)',
    ico: 9,
  },
  { id: 'retention', header: 'Retention schedule (if possible)', ico: 10 },
  { id: 'security', header: 'General description of technical and organisational security measures (if possible)', ico: 11 },
  { id: 'lawfulBasis', header: 'Article 6 lawful basis for processing personal data', ico: 12 },
  { id: 'specialCondition', header: 'Article 9 condition for processing special category data', ico: 13 },
  { id: 'legitimateInterests', header: 'Legitimate interests for the processing (if applicable)', ico: 14 },
  { id: 'rights', header: 'Rights available to individuals', ico: 16 },
  { id: 'automatedDecision', header: 'Existence of automated decision-making, including profiling (if applicable)', ico: 17 },
  { id: 'source', header: 'The source of the personal data (if applicable)', ico: 18 },
];

/** The contact columns that open every CSV row (Art 30(1)(a)). */
export const ROPA_CONTACT_HEADERS = [
  'Controller (name and contact details)',
  'Data protection officer (name and contact details)',
  'Representative (name and contact details)',
] as const;

export interface RopaContact {
  /** "Controller", "Data protection officer", "Representative in the EU (Art 27)", … */
  role: string;
  name: string;
  address: string;
  email: string;
}

export interface RopaRow {
  purposeId: string;
  /** each cell as its entries, one per line: a recipient group, a data type's retention, a right */
  cells: Record<RopaColumnId, string[]>;
}

const NOT_RECORDED = 'Not recorded';
const NOT_APPLICABLE = 'Not applicable';

const LAWFUL_BASIS_TEXT: Record<LawfulBasis, string> = {
  consent: 'Art 6(1)(a) consent',
  contract: 'Art 6(1)(b) contract',
  'legal-obligation': 'Art 6(1)(c) legal obligation',
  'vital-interests': 'Art 6(1)(d) vital interests',
  'public-task': 'Art 6(1)(e) public task',
  'legitimate-interests': 'Art 6(1)(f) legitimate interests',
};

const SPECIAL_CONDITION_TEXT: Record<string, string> = {
  'explicit-consent': 'Art 9(2)(a) explicit consent',
  employment: 'Art 9(2)(b) employment, social security and social protection law',
  'vital-interests': 'Art 9(2)(c) vital interests',
  'not-for-profit': 'Art 9(2)(d) not-for-profit body',
  'made-public': 'Art 9(2)(e) made manifestly public by the individual',
  'legal-claims': 'Art 9(2)(f) legal claims or judicial acts',
  'substantial-public-interest': 'Art 9(2)(g) substantial public interest',
  'health-care': 'Art 9(2)(h) health or social care',
  'public-health': 'Art 9(2)(i) public health',
  research: 'Art 9(2)(j) archiving, research or statistics',
};

/** A transfer's mechanism under each regime, named as the notice and the coverage matrix name it. */
function transferMechanism(recipient: Recipient, regimes: { gdpr: boolean; ukGdpr: boolean }): string {
  const { eu, uk } = assessTransfers(recipient, regimes);
  const label = (a: TransferAssessment) => basisLabel(a.basis);
  if (eu && uk) return label(eu) === label(uk) ? label(eu) : `GDPR: ${label(eu)}; UK GDPR: ${label(uk)}`;
  return label((eu ?? uk)!);
}

const ROLE_ORDER = ['processor', 'joint-controller', 'controller', 'public-authority', 'other'] as const;
const ROLE_GROUP: Record<(typeof ROLE_ORDER)[number], string> = {
  processor: 'Processors',
  'joint-controller': 'Joint controllers',
  controller: 'Independent controllers',
  'public-authority': 'Public authorities',
  other: 'Other recipients',
};

const SOURCE_GROUP = {
  user: 'Provided by the individual',
  automatic: 'Observed by the product',
  'third-party': 'Obtained from third parties',
  unknown: 'Source not recorded',
} as const;

// Which rights apply depends on the lawful basis: the ICO's table in its guidance on lawful bases
// (erasure, portability and objection are the ones that vary). Informed, access, rectification and
// restriction apply to every basis.
function rightsFor(purpose: Purpose): string[] {
  const basis = purpose.lawfulBasis;
  if (!basis) return [];
  const rights = ['Be informed (Art 13/14)', 'Access (Art 15)', 'Rectification (Art 16)'];
  if (basis !== 'legal-obligation' && basis !== 'public-task') rights.push('Erasure (Art 17)');
  rights.push('Restriction (Art 18)');
  if (basis === 'consent' || basis === 'contract') rights.push('Data portability (Art 20)');
  if (basis === 'public-task' || basis === 'legitimate-interests') rights.push('Object (Art 21(1))');
  // The right to object to direct marketing is absolute, whatever the basis.
  if (purpose.use?.startsWith('marketing')) rights.push('Object to direct marketing (Art 21(2))');
  if (basis === 'consent') rights.push('Withdraw consent at any time (Art 7(3))');
  if (purpose.automatedDecision)
    rights.push('Not to be subject to a solely automated decision; human review, to express their view and to contest it (Art 22)');
  return rights;
}

function profilingText(purpose: Purpose): string {
  if (purpose.profiling === true) return 'Profiling: Yes';
  return `Profiling: Yes (its data use, ${oneLine(USE_BY_KEY.get(purpose.use ?? '')?.name ?? purpose.use)}, profiles people)`;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v.length > 0))];
}

function oneLine(text: string | undefined): string {
  return text ? plainText(text) : '';
}

/** "12 Harbour Street\nDublin" → "12 Harbour Street, Dublin" */
function addressLine(address: string | undefined): string {
  return address ? plainLines(address).join(', ') : '';
}

function recipientName(recipient: Recipient): string {
  const name = oneLine(recipient.name);
  return recipient.country ? `${name} (${countryName(recipient.country)})` : name;
}

function dataTypeLabel(dataType: DataType, special: boolean): string {
  const name = oneLine(dataType.name);
  const label = categoryLabel(dataType.category);
  const withCategory = label.toLowerCase() === name.toLowerCase() ? name : `${name} (${oneLine(label)})`;
  return special ? `${withCategory}: special category data` : withCategory;
}

/**
 * How long data is kept, as an entry of a retention schedule: the phrase notices use ("for 30 days after
 * you close your account"), with criteria given on their own read as they were written.
 */
export function retentionText(retention: DataType['retention']): string {
  const phrase = oneLine(retentionPhrase(retention));
  // A note written as a sentence ("We keep it until …") follows "Email address: " as the other entries do, in lower case.
  return phrase.startsWith('as follows: ') ? lowerFirst(oneLine(retention?.criteria).replace(/[.;:,\s]+$/, '')) : phrase;
}

/** The contact block (Art 30(1)(a)): controller, DPO and each representative; parties not recorded are left out. */
export function ropaContacts(workspace: Workspace): RopaContact[] {
  const org = workspace.organization;
  const contacts: RopaContact[] = [
    {
      role: 'Controller',
      name: oneLine(org.legalName ?? org.name),
      address: addressLine(org.address),
      email: oneLine(org.contactEmail),
    },
  ];
  const dpo = org.dpo;
  if (dpo && (dpo.name || dpo.email || dpo.address)) {
    contacts.push({
      role: 'Data protection officer',
      name: oneLine(dpo.name),
      address: addressLine(dpo.address),
      email: oneLine(dpo.email),
    });
  }
  for (const rep of org.representatives ?? []) {
    contacts.push({
      role: rep.region === 'uk' ? 'Representative in the UK (UK GDPR Art 27)' : 'Representative in the EU (GDPR Art 27)',
      name: oneLine(rep.name),
      address: addressLine(rep.address),
      email: oneLine(rep.email),
    });
  }
  return contacts;
}

/** One record per purpose, in the workspace's order, each cell as its entries in the ICO columns. */
export function ropaRows(workspace: Workspace): RopaRow[] {
  const recipientsById = new Map(workspace.recipients.map((r) => [r.id, r]));
  const special = new Map(workspace.dataTypes.map((d) => [d.id, deriveClassification(d).gdprSpecial]));
  const security = oneLine(workspace.organization.securityMeasures);
  const jurisdictions = new Set(workspace.organization.jurisdictions);
  const regimes = { gdpr: jurisdictions.has('gdpr'), ukGdpr: jurisdictions.has('uk-gdpr') };

  return workspace.purposes.map((purpose) => {
    const dataTypes = workspace.dataTypes.filter((d) => d.purposes.includes(purpose.id));
    // A recipient counts for this purpose when it receives a data type for it (by default, for all of the data type's purposes).
    const recipients = unique(dataTypes.flatMap((d) => recipientsFor(d, purpose.id)))
      .map((id) => recipientsById.get(id))
      .filter((r): r is Recipient => r !== undefined);

    const recipientGroups = ROLE_ORDER.flatMap((role) => {
      const members = recipients.filter((r) => (r.role ?? 'other') === role);
      return members.length ? [`${ROLE_GROUP[role]}: ${members.map(recipientName).join('; ')}`] : [];
    });

    // A transfer under either regime that applies (the UK is a third country for the GDPR, and adequate).
    const transfers = recipients.filter((r) => {
      const { eu, uk } = assessTransfers(r, regimes);
      return eu !== undefined || uk !== undefined;
    });
    const countries = unique(transfers.map((r) => r.country as string)).map((code) => {
      const names = transfers.filter((r) => r.country === code).map((r) => oneLine(r.name));
      return `${countryName(code)}: ${names.join('; ')}`;
    });
    const safeguards = transfers.map((r) => {
      return `${oneLine(r.name)} (${countryName(r.country as string)}): ${transferMechanism(r, regimes)}`;
    });

    const specialTypes = dataTypes.filter((d) => special.get(d.id));
    const conditions = specialTypes.map((d) => {
      const condition = d.specialCondition ? SPECIAL_CONDITION_TEXT[d.specialCondition] : 'no condition recorded';
      return `${oneLine(d.name)}: ${condition}`;
    });

    const subjects = unique(dataTypes.flatMap((d) => d.subjects ?? ['customer'])).map((key) =>
      oneLine(SUBJECT_BY_KEY.get(key)?.name ?? key),
    );

    const sources = (Object.keys(SOURCE_GROUP) as (keyof typeof SOURCE_GROUP)[]).flatMap((source) => {
      const members = dataTypes.filter((d) => (d.source ?? 'unknown') === source);
      if (members.length === 0) return [];
      const names = members.map((d) => {
        const detail = source === 'third-party' ? lowerFirst(oneLine(d.sourceDetail).replace(/[.;:,\s]+$/, '')) : '';
        return detail ? `${oneLine(d.name)} (from ${detail})` : oneLine(d.name);
      });
      return [`${SOURCE_GROUP[source]}: ${names.join('; ')}`];
    });

    const interest = oneLine(purpose.legitimateInterest);
    const decision = purpose.automatedDecision;
    const decisionEntries = decision
      ? [
          `Yes. Logic: ${oneLine(decision.logic)}`,
          ...(decision.significance ? [`Significance: ${oneLine(decision.significance)}`] : []),
          `Consequences: ${oneLine(decision.consequences)}`,
          `Art 22(2) ground: ${decision.ground ? `${DECISION_GROUND_LABELS[decision.ground].label} (Art 22(2)(${DECISION_GROUND_LABELS[decision.ground].point}))` : NOT_RECORDED}`,
        ]
      : [];
    const profilingEntry = profiles(purpose) ? [profilingText(purpose)] : [];

    const cells: Record<RopaColumnId, string[]> = {
      businessFunction: unique(dataTypes.map((d) => oneLine(d.owner))),
      purpose: [oneLine(purpose.name), oneLine(purpose.description)].filter(Boolean),
      jointControllers: recipients
        .filter((r) => r.role === 'joint-controller')
        .map((r) => (r.privacyPolicyUrl ? `${recipientName(r)}, privacy notice: ${oneLine(r.privacyPolicyUrl)}` : recipientName(r))),
      individuals: subjects,
      personalData: dataTypes.map((d) => dataTypeLabel(d, special.get(d.id) ?? false)),
      recipients: recipientGroups.length ? recipientGroups : ['None'],
      thirdCountries: countries.length ? countries : ['None'],
      safeguards: safeguards.length ? safeguards : [NOT_APPLICABLE],
      retention: dataTypes.map((d) => `${oneLine(d.name)}: ${retentionText(d.retention) || 'not recorded'}`),
      security: [security || NOT_RECORDED],
      lawfulBasis: [purpose.lawfulBasis ? LAWFUL_BASIS_TEXT[purpose.lawfulBasis] : NOT_RECORDED],
      specialCondition: conditions.length ? conditions : [`${NOT_APPLICABLE}: no special category data`],
      legitimateInterests:
        purpose.lawfulBasis === 'legitimate-interests' ? [interest || NOT_RECORDED] : interest ? [interest] : [NOT_APPLICABLE],
      rights: rightsFor(purpose),
      automatedDecision:
        decisionEntries.length + profilingEntry.length > 0
          ? [
              ...decisionEntries,
              ...profilingEntry,
              ...(decision ? [] : ['No solely automated decision with legal or similarly significant effect']),
            ]
          : ['No'],
      source: sources,
    };
    if (cells.personalData.length === 0) cells.personalData = ['None recorded: no data type uses this purpose'];
    if (cells.jointControllers.length === 0) cells.jointControllers = [NOT_APPLICABLE];
    if (cells.individuals.length === 0) cells.individuals = [NOT_RECORDED];
    if (cells.rights.length === 0) cells.rights = ['Depends on the lawful basis, which is not recorded'];
    return { purposeId: purpose.id, cells };
  });
}

/** A contact as the text of one cell: name, address and email on their own lines. */
export function contactText(contact: RopaContact | undefined): string {
  if (!contact) return '';
  return [contact.name, contact.address, contact.email].filter(Boolean).join('\n');
}

/** The record as a cell grid: the header row, then one row per purpose (contact columns first). */
export function ropaTable(workspace: Workspace): string[][] {
  const contacts = ropaContacts(workspace);
  const controller = contactText(contacts[0]);
  const dpo = contactText(contacts.find((c) => c.role === 'Data protection officer'));
  const representatives = contacts
    .filter((c) => c.role.startsWith('Representative'))
    .map((c) => `${c.role}:\n${contactText(c)}`)
    .join('\n\n');
  const header = [...ROPA_CONTACT_HEADERS, ...ROPA_COLUMNS.map((c) => c.header)];
  const rows = ropaRows(workspace).map((row) => [
    controller,
    dpo,
    representatives,
    ...ROPA_COLUMNS.map((column) => row.cells[column.id].join('\n')),
  ]);
  return [header, ...rows];
}

/** The record as CSV (RFC 4180, CRLF), every cell neutralised so no spreadsheet runs it as a formula. */
export function ropaCsv(workspace: Workspace): string {
  const table = ropaTable(workspace).map((row) => row.map(neutralizeFormula));
  return `${Papa.unparse(table, { newline: '\r\n', quotes: false })}\r\n`;
}

// ---------------------------------------------------------------------------------------------------
// Word

const LABEL_FILL = 'F4F6F8';

// A4 landscape, 2 cm margins: the text is 297 − 40 = 257 mm wide.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.height - 2 * PAGE.margin;

type Entry = { label?: string; text: string; bold?: boolean };

const entries = (values: string[], label?: string): Entry[] => values.map((text, k) => ({ label: k === 0 ? label : undefined, text }));
const applicable = (values: string[]) => values.filter((v) => !v.startsWith(NOT_APPLICABLE));

/**
 * The Word table's columns: the ICO columns in their order, with the pairs that read as one fact joined
 * (third country and its safeguard; Art 6 basis, legitimate interest and Art 9 condition) so that the
 * table fits a landscape page. Security measures are the same for every activity and stand above it.
 */
const WORD_COLUMNS: { header: string; render: (cells: RopaRow['cells']) => Entry[] }[] = [
  {
    header: 'Purpose of processing',
    render: (c) => [
      ...c.purpose.map((text, k) => ({ text, bold: k === 0 })),
      ...(c.businessFunction.length ? [{ label: 'Business function', text: c.businessFunction.join(', ') }] : []),
    ],
  },
  { header: 'Joint controller', render: (c) => entries(c.jointControllers) },
  { header: 'Categories of individuals', render: (c) => entries(c.individuals) },
  { header: 'Categories of personal data', render: (c) => entries(c.personalData) },
  { header: 'Categories of recipients', render: (c) => entries(c.recipients) },
  { header: 'Third countries and safeguards', render: (c) => entries(applicable(c.safeguards).length ? c.safeguards : ['None']) },
  { header: 'Retention schedule', render: (c) => entries(c.retention) },
  {
    header: 'Lawful basis',
    render: (c) => [
      ...entries(c.lawfulBasis),
      ...entries(applicable(c.legitimateInterests), 'Legitimate interests'),
      ...entries(applicable(c.specialCondition), 'Special category data'),
    ],
  },
  { header: 'Rights available to individuals', render: (c) => entries(c.rights) },
  { header: 'Automated decision-making', render: (c) => entries(c.automatedDecision) },
  { header: 'Source of the personal data', render: (c) => entries(c.source) },
];

/**
 * Fixed widths, each column's share growing with the square root of the text it holds on average, but
 * never below a readable minimum: a long automated-decision explanation widens its column without
 * squeezing the others to a word per line.
 */
function wordWidths(rendered: Entry[][][]): number[] {
  const weights = WORD_COLUMNS.map((column, i) => {
    const lengths = rendered.map((row) => row[i].reduce((n, e) => n + e.text.length + (e.label?.length ?? 0), 0));
    const average = lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0;
    // One very long cell (an automated decision's logic) counts too, or its column stays a word wide.
    const longest = Math.max(0, ...lengths);
    return Math.sqrt(Math.min(Math.max(average, longest / 3, column.header.length, 12), 600));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const minimum = 950;
  const raw = weights.map((w) => Math.max(minimum, Math.floor((w / sum) * TEXT_WIDTH)));
  const excess = raw.reduce((a, b) => a + b, 0) - TEXT_WIDTH;
  if (excess > 0) {
    const room = raw.reduce((a, w) => a + (w - minimum), 0) || 1;
    for (let i = 0; i < raw.length; i += 1) raw[i] -= Math.floor(((raw[i] - minimum) / room) * excess);
  }
  raw[raw.length - 1] += TEXT_WIDTH - raw.reduce((a, b) => a + b, 0);
  return raw;
}

function cellParagraphs(items: Entry[]): Paragraph[] {
  return items.map(
    (entry) =>
      new Paragraph({
        style: 'RecordText',
        children: [
          ...(entry.label ? [new TextRun({ text: `${entry.label}: `, bold: true, color: MUTED })] : []),
          new TextRun({ text: entry.text, bold: entry.bold || undefined }),
        ],
      }),
  );
}

function wordCell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
    verticalAlign: header ? VerticalAlign.BOTTOM : VerticalAlign.TOP,
    children: children.length ? children : [new Paragraph({ style: 'RecordText', children: [] })],
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const TABLE_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function contactsTable(contacts: RopaContact[]): Table {
  const widths = [3100, 3700, 4700, TEXT_WIDTH - 3100 - 3700 - 4700];
  const headerRow = new TableRow({
    tableHeader: true,
    children: ['', 'Name', 'Address', 'Email'].map((text, i) => wordCell(cellParagraphs([{ text, bold: true }]), widths[i], true)),
  });
  const rows = contacts.map(
    (contact) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: widths[0], type: WidthType.DXA },
            shading: { type: ShadingType.CLEAR, fill: LABEL_FILL, color: 'auto' },
            children: cellParagraphs([{ text: contact.role, bold: true }]),
          }),
          wordCell(cellParagraphs([{ text: contact.name || NOT_RECORDED }]), widths[1]),
          wordCell(cellParagraphs([{ text: contact.address || NOT_RECORDED }]), widths[2]),
          wordCell(cellParagraphs([{ text: contact.email || NOT_RECORDED }]), widths[3]),
        ],
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 50, bottom: 50, left: 90, right: 90 },
    borders: TABLE_BORDERS,
    rows: [headerRow, ...rows],
  });
}

function recordTable(rows: RopaRow[]): Table {
  const rendered = rows.map((row) => WORD_COLUMNS.map((column) => column.render(row.cells)));
  const widths = wordWidths(rendered);
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: WORD_COLUMNS.map((column, i) => wordCell(cellParagraphs([{ text: column.header, bold: true }]), widths[i], true)),
  });
  const bodyRows = rendered.map(
    (cells) =>
      new TableRow({
        // Word and LibreOffice still split a row taller than a page; shorter ones move whole.
        cantSplit: true,
        children: cells.map((items, i) => wordCell(cellParagraphs(items), widths[i])),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 50, bottom: 50, left: 70, right: 70 },
    borders: TABLE_BORDERS,
    rows: [headerRow, ...bodyRows],
  });
}

function pageLine(left: string, right: (string | TextRun)[], position: 'top' | 'bottom'): Paragraph {
  const rule = { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 };
  return new Paragraph({
    style: position === 'top' ? 'Header' : 'Footer',
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    border: position === 'top' ? { bottom: rule } : { top: rule },
    children: [
      new TextRun(left),
      new TextRun({ children: [new Tab()] }),
      ...right.map((r) => (typeof r === 'string' ? new TextRun(r) : r)),
    ],
  });
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const TITLE = 'Record of processing activities';

/** The record as a Word file: A4 landscape, the contact block, then one table whose header row repeats on every page. */
export async function ropaDocx(workspace: Workspace): Promise<Uint8Array> {
  const org = workspace.organization;
  const controller = oneLine(org.legalName ?? org.name);
  const contacts = ropaContacts(workspace);
  const rows = ropaRows(workspace);
  const laws = org.jurisdictions.filter((j) => j === 'gdpr' || j === 'uk-gdpr').map((j) => (j === 'gdpr' ? 'GDPR' : 'UK GDPR'));
  const facts = [`Article 30(1) ${laws.length ? laws.join(' and ') : 'GDPR'}`];
  if (workspace.settings.effectiveDate) facts.push(`As of ${workspace.settings.effectiveDate}`);
  facts.push(count(rows.length, 'processing activity', 'processing activities'));
  const security = oneLine(org.securityMeasures);

  const body = [
    new Paragraph({ style: 'Organization', children: [new TextRun(controller)] }),
    new Paragraph({ style: 'Title', children: [new TextRun(TITLE)] }),
    new Paragraph({ style: 'Facts', children: [new TextRun(facts.join('   ·   '))] }),
    new Paragraph({ style: 'SectionHeading', children: [new TextRun('Controller, data protection officer and representatives')] }),
    contactsTable(contacts),
    new Paragraph({ style: 'SectionHeading', children: [new TextRun('Technical and organisational security measures (all activities)')] }),
    new Paragraph({
      style: 'BodyText',
      children: [new TextRun(security || `${NOT_RECORDED}: describe them under Organisation › Security measures.`)],
    }),
    new Paragraph({ style: 'SectionHeading', pageBreakBefore: rows.length > 0, children: [new TextRun('Processing activities')] }),
    rows.length
      ? recordTable(rows)
      : new Paragraph({ style: 'BodyText', children: [new TextRun('No purposes are recorded yet: add them under Purposes.')] }),
  ];

  const file = new Document({
    title: shorten(`${TITLE}: ${controller}`, 255),
    creator: 'Candor',
    lastModifiedBy: 'Candor',
    subject: 'Record of processing activities under Article 30(1) GDPR',
    // No updateFields: Word works out the page numbers of the footer by itself, without asking first.
    styles: wordStyles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
          },
        },
        headers: { default: new Header({ children: [pageLine(TITLE, [shorten(controller, 90)], 'top')] }) },
        footers: {
          default: new Footer({
            children: [
              pageLine(facts[0], [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })], 'bottom'),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.pack(file, 'uint8array');
}

function wordStyles() {
  return {
    default: {
      title: titleStyle(40, 80),
    },
    paragraphStyles: [
      ...baseParagraphStyles(20, { after: 120, line: 264, organizationAfter: 40, factsAfter: 240 }),
      {
        id: 'SectionHeading',
        name: 'Section Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 24, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true, outlineLevel: 0 },
      },
      { id: 'BodyText', name: 'Body Text', basedOn: 'Normal', next: 'Normal' },
      {
        id: 'RecordText',
        name: 'Record Table Text',
        basedOn: 'Normal',
        run: { size: 15 },
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 40, line: 228, lineRule: LineRuleType.AUTO } },
      },
      { id: 'Header', name: 'header', basedOn: 'Normal', run: { size: 16, color: MUTED }, paragraph: { spacing: { after: 0 } } },
      { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: 16, color: MUTED }, paragraph: { spacing: { after: 0 } } },
    ],
  };
}
