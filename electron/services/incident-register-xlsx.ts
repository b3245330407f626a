// The breach register (GDPR Art 33(5)) as an Excel workbook: a title, then one row per incident with the
// columns of core/incidents/register-export.ts, laid out as the record of processing's (xlsx-sheet.ts).
import { INCIDENT_REGISTER_COLUMNS, incidentRegisterRows } from '../../core/incidents/register-export';
import type { IncidentRegister } from '../../core/incidents/schema';
import type { Workspace } from '../../core/schema';
import { createTextSheet, finishTable, widthFor, writeTable, writeTitle } from './xlsx-sheet';

export const INCIDENT_REGISTER_SHEET_NAME = 'Breach register';

/** The register as the bytes of an .xlsx file. `asOf` is printed under the title (YYYY-MM-DD). */
export async function incidentRegisterXlsx(
  register: IncidentRegister,
  workspace: Workspace | undefined,
  asOf?: string,
): Promise<Uint8Array> {
  const rows = incidentRegisterRows(register, workspace);
  const organization = workspace ? workspace.organization.legalName || workspace.organization.name : '';
  const target = createTextSheet('The breach register', 'Breach register', INCIDENT_REGISTER_SHEET_NAME);

  const count = rows.length === 1 ? '1 incident' : `${rows.length} incidents`;
  const headerRow = writeTitle(
    target,
    organization ? `Breach register: ${organization}` : 'Breach register',
    `Personal data breaches documented under Article 33(5) GDPR, notified or not: ${count}${asOf ? `, as of ${asOf}` : ''}`,
  );
  const table = rows.map((row) => INCIDENT_REGISTER_COLUMNS.map((column) => row.cells[column.id]));
  const lastRow = writeTable(
    target,
    headerRow,
    INCIDENT_REGISTER_COLUMNS.map((column) => column.header),
    table,
  );

  // Headings wrap, so they count only by their longest word.
  INCIDENT_REGISTER_COLUMNS.forEach((column, i) => {
    target.sheet.getColumn(i + 1).width = widthFor([...table.map((cells) => cells[i]), ...column.header.split(/\s+/)]);
  });
  // The header stays in view while scrolling, and so do the reference and the incident's title.
  return finishTable(target, headerRow, lastRow, INCIDENT_REGISTER_COLUMNS.length);
}
