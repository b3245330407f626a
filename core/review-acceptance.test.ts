import { describe, expect, it } from 'vitest';
import sampleJson from '../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { coverageMatrix } from './coverage';
import { countFindings, lintWorkspace, type Finding } from './lint';
import { acceptanceFor, applyAcceptances, applyNotApplicable, entityFingerprint, type Acceptance } from './review-acceptance';
import { serializeWorkspace } from './canonical';
import type { Workspace } from './schema';
import { validateWorkspace } from './validate';

function sample(): Workspace {
  const result = validateWorkspace(structuredClone(sampleJson));
  if (!result.ok) throw new Error('the sample is not valid');
  return result.workspace;
}

const ON = '2026-12-05';

function withAccepted(ws: Workspace, accepted: Acceptance[]): Workspace {
  return { ...ws, review: { ...ws.review, accepted } };
}

function firstOf(findings: Finding[], severity: Finding['severity']): Finding {
  const found = findings.find((f) => f.severity === severity && f.path.startsWith('dataTypes['));
  if (!found) throw new Error(`the sample has no ${severity} on a data type`);
  return found;
}

describe('accepting findings', () => {
  it('moves an accepted warning out of the open findings and their counts', () => {
    const ws = sample();
    const findings = lintWorkspace(ws);
    const warning = firstOf(findings, 'warning');
    const accepted = withAccepted(ws, [acceptanceFor(warning, ws, { reason: 'Considered: consent is right here', by: 'Ana', on: ON })]);
    const result = applyAcceptances(lintWorkspace(accepted), accepted);
    expect(result.open).not.toContainEqual(warning);
    expect(result.accepted.map((a) => a.finding)).toEqual([warning]);
    expect(result.accepted[0].acceptance).toMatchObject({ reason: 'Considered: consent is right here', by: 'Ana', on: ON });
    expect(countFindings(result.open).warning).toBe(countFindings(findings).warning - 1);
    expect(result.stale).toEqual([]);
  });

  it('re-opens the finding when the entity it is about changes, and reports the acceptance as stale', () => {
    const ws = sample();
    const warning = firstOf(lintWorkspace(ws), 'warning');
    const index = Number(/^dataTypes\[(\d+)\]/.exec(warning.path)![1]);
    const accepted = withAccepted(ws, [acceptanceFor(warning, ws, { reason: 'Fine', on: ON })]);
    const edited: Workspace = {
      ...accepted,
      dataTypes: accepted.dataTypes.map((d, i) => (i === index ? { ...d, notes: `${d.notes ?? ''} edited` } : d)),
    };
    const result = applyAcceptances(lintWorkspace(edited), edited);
    expect(result.open).toContainEqual(warning);
    expect(result.accepted).toEqual([]);
    expect(result.stale).toEqual(accepted.review!.accepted);
  });

  it('keeps an acceptance when another entity changes', () => {
    const ws = sample();
    const warning = firstOf(lintWorkspace(ws), 'warning');
    const accepted = withAccepted(ws, [acceptanceFor(warning, ws, { reason: 'Fine', on: ON })]);
    const edited: Workspace = { ...accepted, organization: { ...accepted.organization, name: 'Another name' } };
    expect(applyAcceptances(lintWorkspace(edited), edited).accepted.map((a) => a.finding)).toEqual([warning]);
  });

  it('never accepts an error, even when the file says so', () => {
    const ws = sample();
    ws.dataTypes[0].benefit = '';
    const findings = lintWorkspace(ws);
    const error = findings.find((f) => f.severity === 'error');
    expect(error, 'an error to accept').toBeDefined();
    const forged = withAccepted(ws, [acceptanceFor(error!, ws, { reason: 'Not now', on: ON })]);
    const result = applyAcceptances(lintWorkspace(forged), forged);
    expect(result.open).toContainEqual(error);
    expect(result.accepted).toEqual([]);
    expect(result.stale).toHaveLength(1);
  });

  it('reports an acceptance whose finding no longer exists as stale', () => {
    const ws = sample();
    const gone: Acceptance = { rule: 'hard-to-read', path: 'purposes[0].description', fingerprint: 'deadbeef', reason: 'x', on: ON };
    const accepted = withAccepted(ws, [gone]);
    const findings = lintWorkspace(accepted);
    const result = applyAcceptances(findings, accepted);
    expect(result.open).toEqual(findings);
    expect(result.stale).toEqual([gone]);
  });

  it('accepts an info finding as it does a warning', () => {
    const ws = sample();
    const info = firstOf(lintWorkspace(ws), 'info');
    const accepted = withAccepted(ws, [acceptanceFor(info, ws, { reason: 'Web only', on: ON })]);
    expect(applyAcceptances(lintWorkspace(accepted), accepted).open).not.toContainEqual(info);
  });

  it('fingerprints the entity by content: key order and cleared fields do not matter, edits do', () => {
    const ws = sample();
    const reordered: Workspace = {
      ...ws,
      dataTypes: ws.dataTypes.map((d, i) => (i === 0 ? (Object.fromEntries(Object.entries(d).toReversed()) as typeof d) : d)),
    };
    expect(entityFingerprint(reordered, 'dataTypes[0].purposes')).toBe(entityFingerprint(ws, 'dataTypes[0].purposes'));
    const cleared: Workspace = { ...ws, dataTypes: ws.dataTypes.map((d, i) => (i === 0 ? { ...d, sourceDetail: '' } : d)) };
    expect(entityFingerprint(cleared, 'dataTypes[0]')).toBe(entityFingerprint(ws, 'dataTypes[0]'));
    expect(entityFingerprint(ws, 'dataTypes[0]')).not.toBe(entityFingerprint(ws, 'dataTypes[1]'));
    expect(entityFingerprint(ws, 'dataTypes[0]')).toMatch(/^[0-9a-f]{8}$/);
    // The workspace-wide fingerprint leaves the review record out, or accepting would change it.
    expect(entityFingerprint(withAccepted(ws, []), '')).toBe(entityFingerprint(ws, ''));
  });

  it('writes the review record canonically and reads it back valid', () => {
    const ws = sample();
    const warning = firstOf(lintWorkspace(ws), 'warning');
    const accepted = withAccepted(ws, [acceptanceFor(warning, ws, { reason: ' Fine ', by: ' ', on: ON })]);
    const text = serializeWorkspace(accepted);
    const back = validateWorkspace(JSON.parse(text));
    expect(back.ok).toBe(true);
    expect(JSON.parse(text).review.accepted[0]).toEqual({
      rule: warning.rule,
      path: warning.path,
      fingerprint: entityFingerprint(ws, warning.path),
      reason: 'Fine',
      on: ON,
    });
    const bad = validateWorkspace({
      ...JSON.parse(text),
      review: { accepted: [{ rule: 'x', path: '', fingerprint: 'y', reason: 'z', on: 'today' }] },
    });
    expect(bad.ok).toBe(false);
  });
});

describe('coverage items marked not applicable', () => {
  it('shows a marked item as not applicable with the reason, and counts it so', () => {
    const ws = sample();
    const sections = coverageMatrix(ws);
    const section = sections.find((s) => s.requirements.some((r) => r.status !== 'not-applicable'))!;
    const item = section.requirements.find((r) => r.status !== 'not-applicable')!;
    const marked: Workspace = {
      ...ws,
      review: { notApplicable: [{ section: section.id, item: item.id, reason: 'No such feature', on: ON }] },
    };
    const after = applyNotApplicable(coverageMatrix(marked), marked).find((s) => s.id === section.id)!;
    const row = after.requirements.find((r) => r.id === item.id)!;
    expect(row.status).toBe('not-applicable');
    expect(row.why).toBe('No such feature');
    expect(after.counts['not-applicable']).toBe(section.counts['not-applicable'] + 1);
    expect(after.counts[item.status]).toBe(section.counts[item.status] - 1);
    // Other sections are untouched.
    expect(applyNotApplicable(sections, ws)).toEqual(sections);
  });
});
