// The breach register export (Art 33(5)): one row per incident with facts, effects, remedial action and the
// notification decisions with their reasons; the CSV is a golden file, and no cell can start a formula.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import ridgelineJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import type { Workspace } from '../schema';
import { golden } from '../testing/golden';
import { validateWorkspace } from '../validate';
import { INCIDENT_FIXTURES } from './fixtures';
import { INCIDENT_REGISTER_COLUMNS, incidentRegisterCsv, incidentRegisterRows } from './register-export';
import { emptyRegister, type Incident, type IncidentRegister } from './schema';

function valid(input: unknown): Workspace {
  const result = validateWorkspace(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.workspace;
}

const ridgeline = valid(ridgelineJson);
const register: IncidentRegister = {
  ...emptyRegister('ridgeline.candor.json'),
  incidents: INCIDENT_FIXTURES.filter((f) => f.workspace === 'ridgeline').map((f) => f.incident),
};

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
}

describe('the breach register export', () => {
  it('matches its reviewed golden file', () => {
    golden(import.meta.url, 'ridgeline.incident-register.csv', incidentRegisterCsv(register, ridgeline));
  });

  it('has a header and one row per incident, earliest first, with decisions and their reasons', () => {
    const rows = parse(incidentRegisterCsv(register, ridgeline));
    expect(rows[0]).toEqual(INCIDENT_REGISTER_COLUMNS.map((c) => c.header));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['lost-laptop', 'processor-health-data']);
    const col = (id: string) => INCIDENT_REGISTER_COLUMNS.findIndex((c) => c.id === id);
    const laptop = rows[1];
    expect(laptop[col('authorityDecision')]).toMatch(/^Do not notify, decided 21 November 2026, 10:30/);
    expect(laptop[col('authorityReasons')]).toContain('encrypted with the key safe');
    expect(laptop[col('protection')]).toMatch(/^Encrypted, key safe\n/);
    expect(laptop[col('log')].split('\n')).toHaveLength(3);
    const processor = rows[2];
    expect(processor[col('authorityDecision')]).toBe('Not decided (Candor proposes: notify)');
    expect(processor[col('peopleDecision')]).toBe('Not decided (Candor proposes: tell them)');
    expect(laptop[col('peopleDecision')]).toMatch(/^Do not tell them, decided/);
    expect(laptop[col('usDecision')]).toBe('No US state law triggered by the recorded facts');
    expect(processor[col('involved')]).toBe('Hetzner Online GmbH (processor)');
    expect(processor[col('dataTypes')]).toBe('Heart rate\nDisplay name\nEmail address');
    expect(processor[col('risk')]).toMatch(/^High risk\n/);
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const hostile: Incident = {
      ...INCIDENT_FIXTURES[0].incident,
      title: '=HYPERLINK("https://evil.example")',
      summary: '+1 lost',
      actionsTaken: '@SUM(A1)',
    };
    const rows = parse(incidentRegisterCsv({ ...register, incidents: [hostile] }, ridgeline));
    const col = (id: string) => INCIDENT_REGISTER_COLUMNS.findIndex((c) => c.id === id);
    expect(rows[1][col('title')]).toBe(`'=HYPERLINK("https://evil.example")`);
    expect(rows[1][col('facts')].startsWith("'+1 lost")).toBe(true);
    expect(rows[1][col('actionsTaken')]).toBe("'@SUM(A1)");
  });

  it('names data types missing from the inventory as such, and works without a workspace', () => {
    const incident: Incident = { ...INCIDENT_FIXTURES[0].incident, dataTypes: ['gone'] };
    expect(incidentRegisterRows({ ...register, incidents: [incident] }, ridgeline)[0].cells.dataTypes).toBe('gone (not in the inventory)');
    const [row] = incidentRegisterRows({ ...register, incidents: [incident] }, undefined);
    expect(row.cells.risk).toBe('');
    expect(row.cells.authorityDecision).toMatch(/^Do not notify/);
  });
});
