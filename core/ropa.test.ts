// @vitest-environment jsdom
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sampleJson from '../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { ROPA_COLUMNS, ROPA_CONTACT_HEADERS, ropaContacts, ropaCsv, ropaDocx, ropaRows, type RopaRow } from './ropa';
import type { Workspace } from './schema';
import { workspaceArbitrary } from './testing/arbitraries';
import { minimalWorkspace } from './testing/fixtures';
import { validateWorkspace } from './validate';
import { golden } from './testing/golden';

function valid(input: unknown): Workspace {
  const result = validateWorkspace(input);
  if (!result.ok) throw new Error(`not a valid workspace: ${JSON.stringify(result.problems)}`);
  return result.workspace;
}

const sample = valid(sampleJson);
const rows = ropaRows(sample);

function row(purposeId: string): RopaRow {
  const found = rows.find((r) => r.purposeId === purposeId);
  if (!found) throw new Error(`no row for ${purposeId}`);
  return found;
}

function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(0, -2), { newline: '\r\n', delimiter: ',' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

// The ICO template's headings as docs/reference/formats-and-law.md §5.1 lists them, by column number.
const ICO_HEADINGS: Record<number, string> = {
  1: 'Business function',
  2: 'Purpose of processing',
  3: 'Name and contact details of joint controller (if applicable)',
  4: 'Categories of individuals',
  5: 'Categories of personal data',
  6: 'Categories of recipients',
  8: 'Names of third countries or international organisations that personal data are transferred to (if applicable)',
  9: 'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)',
  10: 'Retention schedule (if possible)',
  11: 'General description of technical and organisational security measures (if possible)',
  12: 'Article 6 lawful basis for processing personal data',
  13: 'Article 9 condition for processing special category data',
  14: 'Legitimate interests for the processing (if applicable)',
  16: 'Rights available to individuals',
  17: 'Existence of automated decision-making, including profiling (if applicable)',
  18: 'The source of the personal data (if applicable)',
};

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\0'];
const INJECTIONS = ['=HYPERLINK("https://evil.example","Click")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1'];

/** A workspace whose every text field that reaches the record starts like a formula. */
function injected(): Workspace {
  const ws = minimalWorkspace();
  const [a, b, c, d, e, f] = INJECTIONS;
  ws.organization.name = a;
  ws.organization.legalName = b;
  ws.organization.address = c;
  ws.organization.securityMeasures = d;
  ws.organization.dpo = { name: e, address: f };
  ws.organization.representatives = [{ region: 'eu', name: a, address: b }];
  ws.purposes[0] = { ...ws.purposes[0], name: a, description: b, lawfulBasis: 'legitimate-interests', legitimateInterest: c };
  ws.purposes[0].automatedDecision = { logic: d, consequences: e };
  ws.recipients[0] = { ...ws.recipients[0], name: f, role: 'joint-controller', country: 'US', transferSafeguard: 'sccs' };
  ws.dataTypes[0] = {
    ...ws.dataTypes[0],
    name: c,
    owner: a,
    source: 'third-party',
    sourceDetail: b,
    retention: { criteria: d },
  };
  return valid(ws);
}

describe('ropaRows', () => {
  it('names each transfer mechanism as the notice does, per regime when they differ, and the UK as a GDPR transfer', () => {
    const ws = structuredClone(sample);
    ws.organization.jurisdictions = ['gdpr', 'uk-gdpr'];
    const cells = ropaRows(ws).flatMap((row) => row.cells.safeguards);
    expect(cells).toContain(
      'Zendesk, Inc. (United States): GDPR: EU standard contractual clauses (Art 46(2)(c)); UK GDPR: UK International Data Transfer Agreement (Art 46(2)(d))',
    );
    expect(cells).toContain('MapTiler AG (Switzerland): adequacy decision (Art 45)');
    ws.organization.jurisdictions = ['gdpr'];
    ws.recipients.find((r) => r.id === 'maptiler')!.country = 'GB';
    expect(ropaRows(ws).flatMap((row) => row.cells.safeguards)).toContain('MapTiler AG (United Kingdom): adequacy decision (Art 45)');
  });

  it('has one row per purpose, in the workspace order', () => {
    expect(rows.map((r) => r.purposeId)).toEqual(sample.purposes.map((p) => p.id));
  });

  it('uses the ICO template headings, in the template order', () => {
    const numbers = ROPA_COLUMNS.map((c) => c.ico);
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    for (const column of ROPA_COLUMNS) expect(column.header, `column ${column.ico}`).toBe(ICO_HEADINGS[column.ico]);
    // Every Art 30(1)(b)–(g) item has its column.
    expect(ROPA_COLUMNS.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'purpose',
        'individuals',
        'personalData',
        'recipients',
        'thirdCountries',
        'safeguards',
        'retention',
        'security',
      ]),
    );
  });

  it('names the controller, the DPO and the representative (Art 30(1)(a))', () => {
    expect(ropaContacts(sample)).toEqual([
      {
        role: 'Controller',
        name: 'Ridgeline Outdoor GmbH',
        address: 'Sendlinger Straße 28, 80331 München, Germany',
        email: 'privacy@ridgeline.example',
      },
      {
        role: 'Data protection officer',
        name: 'Dr. Miriam Albrecht',
        address: 'Albrecht Datenschutzberatung, Leopoldstraße 71, 80802 München, Germany',
        email: 'dpo@ridgeline.example',
      },
      {
        role: 'Representative in the UK (UK GDPR Art 27)',
        name: 'Fellside Privacy Representatives Ltd',
        address: '14 Lake Road, Keswick CA12 5BX, United Kingdom',
        email: 'ridgeline@fellside-rep.example',
      },
    ]);
  });

  it('gives the purpose, its lawful basis and its legitimate interest', () => {
    const security = row('protect-service').cells;
    expect(security.purpose[0]).toBe('Keep accounts and the service secure');
    expect(security.purpose[1]).toMatch(/^Spot sign-ins from unusual places/);
    expect(security.lawfulBasis).toEqual(['Art 6(1)(f) legitimate interests']);
    expect(security.legitimateInterests[0]).toMatch(/^Protecting our users' accounts/);
    expect(row('account').cells.legitimateInterests).toEqual(['Not applicable']);
  });

  it('names the third country and the safeguard of a transfer', () => {
    const alerts = row('check-in-alerts').cells;
    expect(alerts.thirdCountries).toEqual(['United States: Twilio Inc.']);
    expect(alerts.safeguards).toEqual(['Twilio Inc. (United States): binding corporate rules (Art 47)']);
    const suggestions = row('route-suggestions').cells;
    expect(suggestions.thirdCountries).toContain('Switzerland: MapTiler AG');
    expect(suggestions.safeguards).toContain('MapTiler AG (Switzerland): adequacy decision (Art 45)');
    // Recipients in the EEA are no transfer.
    expect(row('effort-insights').cells.thirdCountries).toEqual(['None']);
    expect(row('effort-insights').cells.safeguards).toEqual(['Not applicable']);
  });

  it('shows the Art 9 condition of special category data, and says when there is none', () => {
    const heart = row('effort-insights').cells;
    expect(heart.personalData).toEqual(['Heart rate (Biometric Health Data): special category data']);
    expect(heart.specialCondition).toEqual(['Heart rate: Art 9(2)(a) explicit consent']);
    expect(row('account').cells.specialCondition).toEqual(['Not applicable: no special category data']);

    const missing = structuredClone(sample);
    delete missing.dataTypes.find((d) => d.id === 'heart-rate')!.specialCondition;
    const withoutCondition = ropaRows(missing).find((r) => r.purposeId === 'effort-insights')!;
    expect(withoutCondition.cells.specialCondition).toEqual(['Heart rate: no condition recorded']);
  });

  it('lists recipients by category, joint controllers with their contact, and individuals by fideslang name', () => {
    const alerts = row('check-in-alerts').cells;
    expect(alerts.recipients).toEqual(['Processors: Hetzner Online GmbH (Germany); Brevo SAS (France); Twilio Inc. (United States)']);
    expect(row('rescue-assistance').cells.recipients).toEqual([
      'Processors: Hetzner Online GmbH (Germany)',
      'Public authorities: Police and mountain rescue services',
    ]);
    expect(alerts.individuals).toEqual(['Customer', 'Next of Kin']);
    const ads = row('ad-measurement').cells;
    expect(ads.recipients).toEqual(['Joint controllers: Meta Platforms Ireland Limited (Ireland)']);
    expect(ads.jointControllers).toEqual([
      'Meta Platforms Ireland Limited (Ireland), privacy notice: https://www.facebook.com/privacy/policy/',
    ]);
    expect(row('account').cells.jointControllers).toEqual(['Not applicable']);
  });

  it('lists per purpose only the recipients that receive data for it (recipientPurposes; by default all)', () => {
    // Recorded routes go to the rescue services only to help a search, and subscription records to the tax office only as accounting records.
    expect(row('check-in-alerts').cells.recipients.join('\n')).not.toMatch(/mountain rescue/);
    expect(row('record-activities').cells.recipients.join('\n')).not.toMatch(/Brevo|Twilio|mountain rescue/);
    expect(row('subscriptions').cells.recipients.join('\n')).not.toMatch(/Finanzamt/);
    expect(row('tax-records').cells.recipients).toEqual([
      'Processors: Hetzner Online GmbH (Germany)',
      'Public authorities: Finanzamt München (Germany)',
    ]);
    // Without the map, every recipient of a data type counts for each of its purposes.
    const ws = structuredClone(sample);
    for (const d of ws.dataTypes) delete d.recipientPurposes;
    const all = ropaRows(ws).find((r) => r.purposeId === 'check-in-alerts')!.cells.recipients;
    expect(all).toContain('Public authorities: Police and mountain rescue services');
  });

  it('says Yes for profiling purposes and gives an automated decision its Art 22(2) ground', () => {
    expect(row('route-suggestions').cells.automatedDecision).toEqual([
      'Profiling: Yes (its data use, Targeted Content Personalization, profiles people)',
      'No solely automated decision with legal or similarly significant effect',
    ]);
    const challenge = row('challenge-verification').cells.automatedDecision;
    expect(challenge).toContain('Art 22(2) ground: Necessary for a contract (Art 22(2)(a))');
    expect(challenge).toContain('Profiling: Yes');
    expect(challenge.some((e) => e.startsWith('Significance: It decides whether your entry counts'))).toBe(true);
    expect(row('account').cells.automatedDecision).toEqual(['No']);
    const ws = structuredClone(sample);
    const suggestions = ws.purposes.find((p) => p.id === 'route-suggestions')!;
    suggestions.profiling = false;
    expect(ropaRows(ws).find((r) => r.purposeId === 'route-suggestions')!.cells.automatedDecision).toEqual(['No']);
    delete ws.purposes.find((p) => p.id === 'challenge-verification')!.automatedDecision!.ground;
    expect(ropaRows(ws).find((r) => r.purposeId === 'challenge-verification')!.cells.automatedDecision).toContain(
      'Art 22(2) ground: Not recorded',
    );
  });

  it('gives each data type its retention, and the same security measures on every row', () => {
    expect(row('tax-records').cells.retention).toEqual([
      'Subscriptions and invoices: for 8 years. German tax and commercial law (§147 AO, §257 HGB) require us to keep invoices and accounting records for 8 years from the end of the year in which they were issued',
    ]);
    // Criteria on their own read as written, not after "as follows:".
    expect(row('record-activities').cells.retention).toContain(
      'Map area and nearby search: Not stored: used only to answer the map or search request and discarded as soon as the answer is sent',
    );
    for (const r of rows) expect(r.cells.security).toEqual([sample.organization.securityMeasures]);
  });

  it('lists the rights that the lawful basis gives, and automated decisions', () => {
    const tax = row('tax-records').cells.rights;
    expect(tax).not.toContain('Erasure (Art 17)');
    expect(tax).not.toContain('Data portability (Art 20)');
    expect(row('newsletter').cells.rights).toEqual(
      expect.arrayContaining(['Withdraw consent at any time (Art 7(3))', 'Object to direct marketing (Art 21(2))']),
    );
    expect(row('protect-service').cells.rights).toContain('Object (Art 21(1))');
    const challenge = row('challenge-verification').cells;
    expect(challenge.automatedDecision[0]).toMatch(/^Yes\. Logic: When you submit an activity/);
    expect(challenge.rights.at(-1)).toMatch(/Art 22/);
    expect(row('account').cells.automatedDecision).toEqual(['No']);
  });

  it('groups sources and names who third-party data comes from', () => {
    expect(row('check-in-alerts').cells.source).toEqual([
      'Observed by the product: Recorded routes',
      'Obtained from third parties: Emergency contact (from the Ridgeline user who names them as emergency contact)',
    ]);
  });

  it('says what is missing rather than leaving Art 30 cells empty', () => {
    const ws = minimalWorkspace();
    delete ws.purposes[0].lawfulBasis;
    ws.purposes.push({ id: 'unused', name: 'Unused purpose' });
    const [first, , unused] = ropaRows(valid(ws));
    expect(first.cells.lawfulBasis).toEqual(['Not recorded']);
    expect(first.cells.security).toEqual(['Not recorded']);
    expect(first.cells.rights).toEqual(['Depends on the lawful basis, which is not recorded']);
    expect(unused.cells.personalData).toEqual(['None recorded: no data type uses this purpose']);
  });
});

describe('ropaCsv', () => {
  const table = parseCsv(ropaCsv(sample));

  it('has the contact columns, then the ICO columns, and one row per purpose', () => {
    expect(table[0]).toEqual([...ROPA_CONTACT_HEADERS, ...ROPA_COLUMNS.map((c) => c.header)]);
    expect(table).toHaveLength(sample.purposes.length + 1);
    for (const r of table) expect(r).toHaveLength(table[0].length);
    expect(table[1][0]).toBe('Ridgeline Outdoor GmbH\nSendlinger Straße 28, 80331 München, Germany\nprivacy@ridgeline.example');
    expect(table[1][2]).toMatch(/^Representative in the UK \(UK GDPR Art 27\):\nFellside Privacy Representatives Ltd/);
    const alerts = table.find((r) => r[4].startsWith('Alert your emergency contact'))!;
    expect(alerts[3 + ROPA_COLUMNS.findIndex((c) => c.id === 'thirdCountries')]).toBe('United States: Twilio Inc.');
  });

  it('matches the golden file', () => golden(import.meta.url, 'ropa.csv', ropaCsv(sample)));

  it('never writes a cell that a spreadsheet would run as a formula', () => {
    const [header, first] = parseCsv(ropaCsv(injected()));
    for (const cell of [...header, ...first]) expect(TRIGGERS, JSON.stringify(cell)).not.toContain(cell[0]);
    const cell = (heading: string) => first[header.indexOf(heading)];
    // The text is kept, behind a quote that tells the spreadsheet it is text.
    expect(cell('Business function')).toBe(`'${INJECTIONS[0]}`);
    expect(cell('Purpose of processing')).toBe(`'${INJECTIONS[0]}\n${INJECTIONS[1]}`);
    expect(cell('Controller (name and contact details)')).toBe(`'${INJECTIONS[1]}\n${INJECTIONS[2]}\nprivacy@acme.example`);
    expect(cell('Legitimate interests for the processing (if applicable)')).toBe("'-2+3");
    expect(cell('General description of technical and organisational security measures (if possible)')).toBe("'@SUM(1+1)");
    // A leading tab or carriage return is whitespace, removed from the one-line text; what follows is still neutralised.
    expect(cell('Data protection officer (name and contact details)')).toBe("'=1+1\n=1+1");
  });

  it('never writes a formula cell for any workspace, hostile text included', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true, maxDataTypes: 4 }), (ws) => {
        const table = parseCsv(ropaCsv(ws));
        expect(table).toHaveLength(ws.purposes.length + 1);
        for (const cell of table.flat()) expect(TRIGGERS).not.toContain(cell[0]);
      }),
      { numRuns: 40 },
    );
  });
});

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
// jsdom (this file's environment) parses XML strictly: anything malformed gives a <parsererror> document.
const parser = new DOMParser();

async function unpackDocx(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) files[name] = await zip.files[name].async('string');
  return files;
}

function wellFormed(files: Record<string, string>): Record<string, Document> {
  const parts = Object.keys(files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  expect(parts).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']));
  const docs: Record<string, Document> = {};
  for (const name of parts) {
    const doc = parser.parseFromString(files[name], 'application/xml');
    expect(doc.getElementsByTagName('parsererror').length, `${name} is well-formed XML`).toBe(0);
    // eslint-disable-next-line no-control-regex -- the characters XML forbids are what this looks for
    expect(files[name], `${name} has no character XML forbids`).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    docs[name] = doc;
  }
  return docs;
}

const cellText = (cell: Element) => [...cell.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join('');

describe('ropaDocx', () => {
  let document: Document;
  beforeAll(async () => {
    document = wellFormed(await unpackDocx(await ropaDocx(sample)))['word/document.xml'];
  });

  it('is a landscape page', () => {
    const size = document.getElementsByTagNameNS(W, 'pgSz')[0];
    expect(size.getAttributeNS(W, 'orient')).toBe('landscape');
    expect(Number(size.getAttributeNS(W, 'w'))).toBeGreaterThan(Number(size.getAttributeNS(W, 'h')));
  });

  it('has the contact block, then the record table with a repeating header row and one row per purpose', () => {
    const tables = [...document.getElementsByTagNameNS(W, 'tbl')];
    expect(tables).toHaveLength(2);
    const [contacts, record] = tables;
    const contactRows = [...contacts.getElementsByTagNameNS(W, 'tr')].map((tr) => [...tr.getElementsByTagNameNS(W, 'tc')].map(cellText));
    expect(contactRows.map((r) => r[0])).toEqual([
      '',
      'Controller',
      'Data protection officer',
      'Representative in the UK (UK GDPR Art 27)',
    ]);
    expect(contactRows[1]).toEqual([
      'Controller',
      'Ridgeline Outdoor GmbH',
      'Sendlinger Straße 28, 80331 München, Germany',
      'privacy@ridgeline.example',
    ]);

    const recordRows = [...record.getElementsByTagNameNS(W, 'tr')];
    expect(recordRows).toHaveLength(sample.purposes.length + 1);
    expect(recordRows[0].getElementsByTagNameNS(W, 'tblHeader')).toHaveLength(1);
    expect(recordRows.slice(1).every((tr) => tr.getElementsByTagNameNS(W, 'tblHeader').length === 0)).toBe(true);
    const header = [...recordRows[0].getElementsByTagNameNS(W, 'tc')].map(cellText);
    expect(header[0]).toBe('Purpose of processing');
    expect(header).toContain('Third countries and safeguards');
    expect(header).toContain('Lawful basis');
    const purposes = recordRows.slice(1).map((tr) => cellText(tr.getElementsByTagNameNS(W, 'tc')[0]));
    sample.purposes.forEach((p, i) => expect(purposes[i].startsWith(p.name)).toBe(true));
    const heart = recordRows[1 + sample.purposes.findIndex((p) => p.id === 'effort-insights')];
    expect(cellText(heart)).toContain('Special category data: Heart rate: Art 9(2)(a) explicit consent');
  });

  it('stays well-formed for hostile text', async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArbitrary({ hostile: true, maxDataTypes: 3 }), async (ws) => {
        const docs = wellFormed(await unpackDocx(await ropaDocx(ws)));
        const tables = docs['word/document.xml'].getElementsByTagNameNS(W, 'tbl');
        expect(tables[tables.length - 1].getElementsByTagNameNS(W, 'tr')).toHaveLength(ws.purposes.length + 1);
      }),
      { numRuns: 10 },
    );
  });
});

// LibreOffice proves the file opens in a real word processor (apt-get install -y libreoffice-writer
// poppler-utils); without it the check is skipped and says why.
function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (existsSync(join(dir, command))) return join(dir, command);
  return undefined;
}
const office = onPath('soffice') ?? onPath('libreoffice');
const pdftotext = onPath('pdftotext');
const run = promisify(execFile);

describe('the Word record in LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'candor-ropa-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!office || !pdftotext)(
    `converts to a PDF with the record in it${office && pdftotext ? '' : ' (skipped: LibreOffice or pdftotext is not on PATH)'}`,
    async () => {
      const file = join(dir, 'ropa.docx');
      await writeFile(file, await ropaDocx(sample));
      await run(
        office as string,
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
        { timeout: 120_000 },
      );
      expect((await readFile(join(dir, 'ropa.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
      const { stdout } = await run(pdftotext as string, [join(dir, 'ropa.pdf'), '-'], { timeout: 60_000, maxBuffer: 20_000_000 });
      const text = stdout.replace(/\s+/g, ' ');
      expect(text).toContain('Record of processing activities');
      expect(text).toContain('Fellside Privacy Representatives Ltd');
      expect(text).toContain('Keep accounting records');
      expect(text).toMatch(/Page 2 of \d/);
    },
    150_000,
  );
});
