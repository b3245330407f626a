// Candor's house style for Word files, shared by the notices (documents/docx.ts) and the record of
// processing (ropa.ts), so every Word file Candor writes looks like it comes from one place.
import { LineRuleType } from 'docx';

export const FONT = 'Calibri';
export const INK = '1F2328';
export const MUTED = '5B6570';
export const ACCENT = '1F3A5F';
export const RULE = 'A9B1BA';
export const HEADER_FILL = 'E6ECF2';
export const LINK = '0563C1';

/** The document title: large, bold, in the accent colour. Sizes are in half-points, spacing in twips. */
export function titleStyle(size: number, after: number) {
  return {
    run: { font: FONT, size, bold: true, color: ACCENT },
    paragraph: { spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO } },
  };
}

/**
 * Normal (the base every other paragraph style builds on; docx replaces its own Normal with it), the
 * organisation line above the title, and the line of facts (date, version) under it.
 */
export function baseParagraphStyles(size: number, spacing: { after: number; line: number; organizationAfter: number; factsAfter: number }) {
  return [
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: { font: FONT, size, color: INK },
      paragraph: { spacing: { after: spacing.after, line: spacing.line, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'Organization',
      name: 'Organization',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size, color: MUTED, allCaps: true, characterSpacing: 20 },
      paragraph: { spacing: { after: spacing.organizationAfter } },
    },
    {
      id: 'Facts',
      name: 'Document Facts',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: size - 2, color: MUTED },
      paragraph: { spacing: { after: spacing.factsAfter } },
    },
  ];
}
