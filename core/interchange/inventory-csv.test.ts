import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import sampleJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { serializeWorkspace } from '../canonical';
import { deleteEntity } from '../ids';
import type { DataType, Workspace } from '../schema';
import { workspaceArbitrary } from '../testing/arbitraries';
import { minimalWorkspace } from '../testing/fixtures';
import { validateWorkspace } from '../validate';
import {
  INVENTORY_COLUMNS,
  applyInventoryImport,
  formatImportLocation,
  inventoryCsv,
  joinListCell,
  parseInventoryCsv,
  protectCell,
  splitListCell,
  unprotectCell,
  type InventoryImportPreview,
} from './inventory-csv';
import { golden } from '../testing/golden';

function valid(input: unknown): Workspace {
  const result = validateWorkspace(input);
  if (!result.ok) throw new Error(`not a valid workspace: ${JSON.stringify(result.problems)}`);
  return result.workspace;
}

const sample = valid(sampleJson);
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\0'];

function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/\r\n$/, ''), { newline: '\r\n', delimiter: ',' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function csv(rows: string[][]): string {
  return `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}

/** The exported CSV of a workspace as rows of cells, to edit a cell and write it back. */
function exported(ws: Workspace): {
  header: string[];
  rows: string[][];
  set(id: string, column: string, value: string): void;
  text(): string;
} {
  const [header, ...rows] = parseCsv(inventoryCsv(ws));
  return {
    header,
    rows,
    set(id, column, value) {
      const row = rows.find((r) => r[0] === id);
      if (!row) throw new Error(`no row ${id}`);
      row[header.indexOf(column)] = value;
    },
    text: () => csv([header, ...rows]),
  };
}

function problemsOf(preview: InventoryImportPreview) {
  return preview.rows.flatMap((row) => row.problems.map((p) => ({ id: row.id, line: p.line, column: p.column, message: p.message })));
}

describe('inventoryCsv', () => {
  it('has a header of field names and one row per data type', () => {
    const [header, ...rows] = parseCsv(inventoryCsv(sample));
    expect(header).toEqual(INVENTORY_COLUMNS.map((c) => c.name));
    expect(header.slice(0, 10)).toEqual([
      'id',
      'name',
      'category',
      'description',
      'subjects',
      'source',
      'sourceDetail',
      'purposes',
      'benefit',
      'retention.period.value',
    ]);
    expect(rows.map((r) => r[0])).toEqual(sample.dataTypes.map((d) => d.id));
    for (const row of rows) expect(row).toHaveLength(header.length);
    const email = rows[0];
    const cell = (name: string) => email[header.indexOf(name)];
    expect(cell('purposes')).toBe('account;subscriptions;newsletter;support');
    expect(cell('retention.period.value')).toBe('30');
    expect(cell('retention.period.unit')).toBe('days');
    expect(cell('retention.after')).toBe('account-closure');
    expect(cell('required')).toBe('true');
    expect(cell('tracking')).toBe('');
  });

  it('matches the golden file', () => golden(import.meta.url, 'inventory.csv', inventoryCsv(sample)));

  it('neutralises formulas, and import gives the text back', () => {
    const ws = minimalWorkspace();
    const names = ['=HYPERLINK("https://evil.example","x")', '+cmd', '-2+3', '@SUM(1)', '\t=1', '\r=1', "'=already quoted", "'plain quote"];
    ws.dataTypes = names.map((name, i) => ({ ...ws.dataTypes[0], id: `d${i}`, name, benefit: name, notes: name }));
    const text = inventoryCsv(valid(ws));
    const [header, ...rows] = parseCsv(text);
    for (const cell of [...header, ...rows.flat()]) expect(TRIGGERS, JSON.stringify(cell)).not.toContain(cell[0]);
    const nameAt = header.indexOf('name');
    expect(rows.map((r) => r[nameAt])).toEqual([
      `'=HYPERLINK("https://evil.example","x")`,
      "'+cmd",
      "'-2+3",
      "'@SUM(1)",
      "'\t=1",
      "'\r=1",
      "''=already quoted",
      "'plain quote",
    ]);
    const preview = parseInventoryCsv(text, { ...ws, dataTypes: [] });
    expect(preview.rows.map((r) => r.dataType?.name)).toEqual(names);
    expect(preview.rows.map((r) => r.dataType?.notes)).toEqual(names);
  });

  it('escapes ; and \\ inside list items, and import splits only on unescaped ;', () => {
    expect(joinListCell(['a;b', 'c\\d', 'e'])).toBe('a\\;b;c\\\\d;e');
    expect(splitListCell('a\\;b;c\\\\d;e')).toEqual(['a;b', 'c\\d', 'e']);
    expect(splitListCell(' a ; ;b;')).toEqual(['a', 'b']);
    expect(splitListCell('')).toEqual([]);
    expect(splitListCell('a\\b')).toEqual(['a\\b']);

    const ws = minimalWorkspace();
    ws.dataTypes[0].subjects = ['customer;employee', 'next_of_kin\\x'];
    const text = inventoryCsv(ws);
    expect(parseCsv(text)[1][INVENTORY_COLUMNS.findIndex((c) => c.name === 'subjects')]).toBe('customer\\;employee;next_of_kin\\\\x');
    const preview = parseInventoryCsv(text, ws);
    expect(preview.rows[0].dataType?.subjects).toEqual(['customer;employee', 'next_of_kin\\x']);
    // Such a subject is no taxonomy key, and the preview says so at its column.
    expect(problemsOf(preview)).toEqual([
      expect.objectContaining({ column: 'subjects', message: expect.stringMatching(/^"customer;employee" is not a data subject/) }),
      expect.objectContaining({ column: 'subjects', message: expect.stringMatching(/^"next_of_kin\\x" is not a data subject/) }),
    ]);
  });

  it('protectCell and unprotectCell are inverses for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const cell = protectCell(text);
        expect(TRIGGERS).not.toContain(cell[0]);
        expect(unprotectCell(cell)).toBe(text);
      }),
      { numRuns: 2000 },
    );
    expect(unprotectCell("''=x")).toBe("'=x");
    expect(unprotectCell("'x")).toBe("'x");
  });
});

describe('export then import', () => {
  it('gives back the same data types, for any workspace (hostile text included)', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true, maxDataTypes: 6 }), (ws) => {
        const text = inventoryCsv(ws);
        // Into the same workspace: nothing to do.
        const same = parseInventoryCsv(text, ws);
        expect(same.problems).toEqual([]);
        expect(same.rows.map((r) => [r.id, r.action, r.problems])).toEqual(ws.dataTypes.map((d) => [d.id, 'unchanged', []]));
        // Into the workspace without its data types: every one is created, exactly as it was.
        const bare = { ...ws, dataTypes: [] };
        const fresh = parseInventoryCsv(text, bare);
        expect(fresh.rows.every((r) => r.action === 'create' && r.problems.length === 0)).toBe(true);
        const applied = applyInventoryImport(bare, fresh);
        if (!applied.ok) throw new Error(JSON.stringify(applied.problems));
        expect(serializeWorkspace(applied.workspace)).toBe(serializeWorkspace(ws));
      }),
      { numRuns: 60 },
    );
  });

  it('gives back the sample exactly', () => {
    const applied = applyInventoryImport(
      { ...sample, dataTypes: [] },
      parseInventoryCsv(inventoryCsv(sample), { ...sample, dataTypes: [] }),
    );
    expect(applied.ok && serializeWorkspace(applied.workspace)).toBe(serializeWorkspace(sample));
  });
});

describe('parseInventoryCsv', () => {
  it('reports a bad category, an unknown purpose and a duplicate id with line and column, and changes nothing', () => {
    const file = exported(sample);
    file.set('email-address', 'category', 'user.contact.mail');
    file.set('password', 'purposes', 'account;acount');
    file.rows.splice(3, 0, [...file.rows[2]]); // display-name twice
    file.rows.push(
      ['new-thing', 'New thing', 'user.contact.phone_number', ...Array(file.header.length - 4).fill(''), ''].slice(0, file.header.length),
    );
    file.rows[file.rows.length - 1][file.header.indexOf('purposes')] = 'account';
    const before = serializeWorkspace(sample);
    const preview = parseInventoryCsv(file.text(), sample);
    expect(serializeWorkspace(sample)).toBe(before);
    expect(preview.problems).toEqual([]);
    expect(problemsOf(preview)).toEqual([
      {
        id: 'email-address',
        line: 2,
        column: 'category',
        message: '"user.contact.mail" is not a data category in the fideslang taxonomy; pick one such as "user.contact.email".',
      },
      {
        id: 'password',
        line: 3,
        column: 'purposes',
        message: 'No purpose has the id "acount"; add it under Purposes or remove the reference.',
      },
      {
        id: 'display-name',
        line: 5,
        column: 'id',
        message: 'The id "display-name" is also on line 4; each data type may appear only once, so merge the two rows.',
      },
    ]);
    expect(preview.rows.find((r) => r.id === 'new-thing')?.action).toBe('create');
    expect(preview.rows.find((r) => r.id === 'recorded-routes')?.action).toBe('unchanged');
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: sample.dataTypes.length - 2, skipped: 3 });
    expect(preview.canApply).toBe(true);
    expect(preview.summary).toBe(
      `1 data type will be added, ${sample.dataTypes.length - 2} rows are unchanged. 3 rows have problems and will be skipped: fix them and import the file again (rows already imported then show as unchanged).`,
    );

    // Applying skips the rows with problems and keeps the rest.
    const applied = applyInventoryImport(sample, preview);
    if (!applied.ok) throw new Error(JSON.stringify(applied.problems));
    expect(applied.created).toEqual(['new-thing']);
    expect(applied.updated).toEqual([]);
    expect(applied.skipped).toBe(3);
    expect(applied.workspace.dataTypes.find((d) => d.id === 'email-address')?.category).toBe('user.contact.email');
    expect(applied.workspace.dataTypes.at(-1)).toEqual({
      id: 'new-thing',
      name: 'New thing',
      category: 'user.contact.phone_number',
      purposes: ['account'],
    });
  });

  it('counts lines inside quoted cells, so a problem names the line its row starts on', () => {
    const file = exported(sample);
    file.set('email-address', 'description', 'First line\nsecond line\nthird line');
    file.set('password', 'status', 'done');
    const preview = parseInventoryCsv(file.text(), sample);
    const [problem] = preview.rows.flatMap((r) => r.problems);
    expect(problem).toMatchObject({ line: 5, record: 3, column: 'status' });
    expect(problem.message).toBe('"status" must be one of "draft", "in-review" or "approved" (found "done").');
    expect(formatImportLocation(problem)).toBe('line 5 (row 3), column status');
    expect(preview.rows[0]).toMatchObject({ line: 2, action: 'update' });
  });

  it('updates only the columns the file has, and clears a field whose cell is empty', () => {
    const text = csv([
      ['id', 'name', 'category', 'purposes', 'owner', 'benefit'],
      ['email-address', 'Email address', 'user.contact.email', 'account;support', 'Identity team', ''],
    ]);
    const preview = parseInventoryCsv(text, sample);
    expect(preview.rows[0].action).toBe('update');
    const updated = preview.rows[0].dataType as DataType;
    const before = sample.dataTypes[0];
    expect(updated).toEqual({ ...before, purposes: ['account', 'support'], owner: 'Identity team', benefit: undefined });
    expect('benefit' in updated).toBe(false);
    expect(updated.retention).toEqual(before.retention);
  });

  it('reads TRUE/FALSE and yes/no, and reports other values at their column', () => {
    const file = exported(sample);
    file.set('email-address', 'required', 'FALSE');
    file.set('email-address', 'tracking', 'Yes');
    file.set('password', 'linkedToIdentity', 'maybe');
    file.set('display-name', 'retention.period.value', 'thirty');
    const preview = parseInventoryCsv(file.text(), sample);
    expect(preview.rows[0].dataType).toMatchObject({ required: false, tracking: true });
    expect(problemsOf(preview)).toEqual([
      {
        id: 'password',
        line: 3,
        column: 'linkedToIdentity',
        message: '"maybe" is not true or false; write true, false, or leave the cell empty.',
      },
      {
        id: 'display-name',
        line: 4,
        column: 'retention.period.value',
        message: '"thirty" is not a whole number; write a number of days, weeks, months or years such as 30.',
      },
    ]);
  });

  it('writes which purposes a recipient receives a data type for, reads it back, and reports what it cannot read', () => {
    const file = exported(sample);
    const cell = (id: string) => file.rows.find((r) => r[0] === id)![file.header.indexOf('recipientPurposes')];
    expect(cell('recorded-routes')).toBe('brevo: check-in-alerts;twilio: check-in-alerts;mountain-rescue: rescue-assistance');
    expect(cell('email-address')).toBe('');
    file.set('email-address', 'recipientPurposes', 'brevo: newsletter, support');
    file.set('password', 'recipientPurposes', 'hetzner');
    file.set('display-name', 'recipientPurposes', 'trailkeepers: newsletter');
    const preview = parseInventoryCsv(file.text(), sample);
    expect(preview.rows[0].dataType?.recipientPurposes).toEqual({ brevo: ['newsletter', 'support'] });
    expect(problemsOf(preview)).toEqual([
      {
        id: 'password',
        line: 3,
        column: 'recipientPurposes',
        message:
          '"hetzner" does not say which purposes; write a recipient id, a colon and its purpose ids separated by commas, with entries separated by ";", such as "brevo: newsletter, support; twilio: alerts".',
      },
      {
        id: 'display-name',
        line: 4,
        column: 'recipientPurposes',
        message: expect.stringContaining('"newsletter" is not one of this data type\'s purposes'),
      },
    ]);
  });

  it('accepts short and spaced column names, a byte order mark and ; between cells', () => {
    const text = `\uFEFF${['Id;Name;Category;Purposes;gdprSpecial;Retention After', 'heart;Heart rate;user.biometric.health;account;TRUE;consent-withdrawal'].join('\r\n')}\r\n`;
    const preview = parseInventoryCsv(text, sample);
    expect(preview.problems).toEqual([]);
    expect(preview.columns.map((c) => c.column)).toEqual([
      'id',
      'name',
      'category',
      'purposes',
      'sensitivity.gdprSpecial',
      'retention.after',
    ]);
    expect(preview.rows[0].dataType).toEqual({
      id: 'heart',
      name: 'Heart rate',
      category: 'user.biometric.health',
      purposes: ['account'],
      sensitivity: { gdprSpecial: true },
      retention: { after: 'consent-withdrawal' },
    });
  });

  it('blocks the whole file when a required column is missing or named twice, and warns of unknown columns', () => {
    const missing = parseInventoryCsv(
      csv([
        ['id', 'name', 'category', 'benefits'],
        ['x', 'X', 'user.contact.email', 'b'],
      ]),
      sample,
    );
    expect(missing.canApply).toBe(false);
    expect(missing.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        column: 'benefits',
        message: expect.stringMatching(/^The column "benefits" is not an inventory field and will be ignored/),
      }),
      expect.objectContaining({
        severity: 'error',
        line: 1,
        message: expect.stringMatching(/^The file has no "purposes" column; add it to the header/),
      }),
    ]);
    expect(missing.summary).toBe('Nothing will be imported until the problems with the file are fixed.');
    const result = applyInventoryImport(sample, missing);
    expect(result.ok).toBe(false);

    const twice = parseInventoryCsv(csv([['id', 'name', 'category', 'purposes', 'gdprSpecial', 'sensitivity.gdprSpecial']]), sample);
    expect(twice.canApply).toBe(false);
    expect(twice.problems[0].message).toBe(
      'The columns "gdprSpecial" and "sensitivity.gdprSpecial" both fill "sensitivity.gdprSpecial"; delete one of them.',
    );
  });

  it('says what is wrong with an empty or unreadable file', () => {
    expect(parseInventoryCsv('', sample).problems[0].message).toMatch(/^The file is empty/);
    const broken = parseInventoryCsv('id,name,category,purposes\r\nx,"Unclosed,user.contact.email,account\r\n', sample);
    expect(broken.canApply).toBe(false);
    expect(broken.problems[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^The CSV cannot be read at line 2: a quoted cell is never closed/),
    });
  });

  it('reports an empty id and a missing required value', () => {
    const file = exported(sample);
    file.set('email-address', 'id', '');
    file.set('password', 'purposes', '');
    file.set('display-name', 'name', '');
    const problems = problemsOf(parseInventoryCsv(file.text(), sample));
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, column: 'id', message: expect.stringMatching(/^The id is empty; give the row the id/) }),
      { id: 'password', line: 3, column: 'purposes', message: '"purposes" is empty; this column must have a value.' },
      { id: 'display-name', line: 4, column: 'name', message: '"name" is empty; this column must have a value.' },
    ]);
  });

  it('refuses to apply a preview to a workspace that changed so that rows no longer fit', () => {
    const file = exported(sample);
    file.set('email-address', 'owner', 'Identity team');
    const preview = parseInventoryCsv(file.text(), sample);
    expect(preview.counts.update).toBe(1);
    // Meanwhile someone deleted the newsletter purpose (and its references) in the app.
    const changed = structuredClone(sample);
    deleteEntity(changed, 'purposes', 'newsletter');
    expect(validateWorkspace(changed).ok).toBe(true);
    const result = applyInventoryImport(changed, preview);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0].message).toMatch(/no purpose has the id "newsletter".*The workspace changed after the preview was made/);
    const applied = applyInventoryImport(sample, preview);
    expect(applied.ok && applied.workspace.dataTypes[0].owner).toBe('Identity team');
    expect(applied.ok && applied.updated).toEqual(['email-address']);
  });
});
