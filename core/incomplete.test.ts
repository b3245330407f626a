// A workspace being filled in is saved as typed (only its structure is validated), so everything that
// reads one must cope with what is still missing: the preview renders while someone types. Any valid
// workspace is made incomplete in the ways the editor allows, and every generator must still run.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageMatrix } from './coverage';
import { generateInAppText } from './documents/in-app';
import { androidStringsXml, inAppMarkdown, infoPlistStrings } from './documents/in-app-export';
import { DOCUMENT_WRITERS } from './documents/formats';
import { availableDocuments, renderDocument } from './documents/render';
import { resolveTemplates } from './documents/templates';
import type { TemplateSource } from './documents/types';
import { fideslangSystemYaml } from './interchange/fideslang';
import { inventoryCsv } from './interchange/inventory-csv';
import { lintWorkspace } from './lint';
import { ropaCsv, ropaDocx } from './ropa';
import type { Workspace } from './schema';
import { appStoreAnswersMarkdown, applePrivacyManifestXml } from './stores/apple';
import { playDataSafetyCsv } from './stores/play';
import { workspaceArbitrary } from './testing/arbitraries';
import { validateWorkspace } from './validate';

const builtIn: TemplateSource[] = ['privacy-notice.md', 'notice-at-collection.md'].map((name) => ({
  file: `templates/${name}`,
  text: readFileSync(new URL(`../templates/${name}`, import.meta.url), 'utf8'),
  origin: 'built-in',
}));
const { templates } = resolveTemplates(builtIn, []);

/** The ways a workspace is incomplete while it is being filled in, each of which validation now accepts. */
const GAPS: ((w: Workspace) => void)[] = [
  (w) => (w.organization.name = ''),
  (w) => (w.organization.jurisdictions = []),
  (w) => (w.organization.website = 'stillwater.app'),
  (w) => (w.organization.privacyPolicyUrl = 'not an address'),
  (w) => (w.organization.contactEmail = 'privacy@'),
  (w) => (w.organization.supervisoryAuthority = { url: 'dataprotection.ie' }),
  (w) => (w.organization.representatives = [{ region: 'eu', name: '' }]),
  (w) => w.purposes.forEach((p) => (p.name = '')),
  (w) => w.purposes.forEach((p) => (p.use = 'not.a.use')),
  (w) => w.purposes.forEach((p) => (p.automatedDecision = { logic: '', consequences: '' })),
  (w) => w.recipients.forEach((r) => ((r.name = ''), (r.trackingDomains = ['']))),
  (w) => w.collectionPoints.forEach((c) => (c.name = '')),
  (w) => w.dataTypes.forEach((d) => (d.name = '')),
  (w) => w.dataTypes.forEach((d) => (d.category = '')),
  (w) => w.dataTypes.forEach((d) => (d.category = 'user.not_a_category')),
  (w) => w.dataTypes.forEach((d) => (d.subjects = ['', 'martian'])),
  (w) =>
    w.dataTypes.forEach((d) => {
      d.purposes = [];
      delete d.recipientPurposes;
    }),
  (w) => w.dataTypes.forEach((d) => (d.retention = {})),
  (w) => w.dataTypes.forEach((d) => (d.retention = { period: { value: 3, unit: 'months' }, criteria: '' })),
  (w) => w.dataTypes.forEach((d) => (d.recipientPurposes = Object.fromEntries((d.recipients ?? []).map((r) => [r, []])))),
];

const incompleteArbitrary = fc
  .tuple(
    workspaceArbitrary(),
    fc.subarray(
      GAPS.map((_, i) => i),
      { minLength: 1 },
    ),
  )
  .map(([workspace, gaps]) => {
    const copy = structuredClone(workspace);
    // The organization's name is always left out, so there is always something for the review to report.
    copy.organization.name = '';
    for (const i of gaps) GAPS[i](copy);
    return copy;
  });

describe('an incomplete workspace', () => {
  it('is valid, and every document, store answer, export and the review can still be made from it', async () => {
    await fc.assert(
      fc.asyncProperty(incompleteArbitrary, async (workspace) => {
        expect(validateWorkspace(workspace).problems).toEqual([]);
        const findings = lintWorkspace(workspace);
        expect(findings).toContainEqual(expect.objectContaining({ path: 'organization.name', rule: 'name-missing', severity: 'error' }));
        coverageMatrix(workspace);
        for (const info of availableDocuments(workspace, templates)) {
          const template = templates.find((t) => t.info.id === info.id);
          if (!template) continue;
          const rendered = renderDocument(workspace, template);
          expect(rendered.ok, JSON.stringify(!rendered.ok && rendered.error)).toBe(true);
          if (!rendered.ok) continue;
          for (const write of Object.values(DOCUMENT_WRITERS)) await write(rendered.document);
        }
        const inApp = generateInAppText(workspace);
        inAppMarkdown(inApp, workspace);
        androidStringsXml(inApp);
        infoPlistStrings(inApp);
        appStoreAnswersMarkdown(workspace);
        applePrivacyManifestXml(workspace);
        playDataSafetyCsv(workspace);
        ropaCsv(workspace);
        await ropaDocx(workspace);
        fideslangSystemYaml(workspace);
        inventoryCsv(workspace);
      }),
      { numRuns: 15 },
    );
  });

  it('prints a web address typed without a scheme as https://', () => {
    const workspace = structuredClone(
      fc.sample(
        workspaceArbitrary().filter((w) => w.organization.jurisdictions.includes('ccpa')),
        { numRuns: 1, seed: 7 },
      )[0],
    );
    workspace.organization.privacyPolicyUrl = 'stillwater.app/privacy';
    const notice = templates.find((t) => t.info.id === 'notice-at-collection');
    if (!notice) throw new Error('no notice at collection template');
    const rendered = renderDocument(workspace, notice);
    expect(rendered.ok && rendered.document.markdown).toContain('<https://stillwater.app/privacy>');
  });
});
