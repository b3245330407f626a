import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize, serializeWorkspace } from './canonical';
import { mergeWorkspaces } from './merge';
import { conflictValueWords, mergeConflictsOf, resolveConflict, shortValue } from './merge-conflicts';
import type { Workspace } from './schema';
import { semanticDiff, workspaceText } from './semantic-diff';
import { editedTripleArbitrary } from './testing/workspace-edits';
import { validateWorkspace } from './validate';
import { deleteEntity } from './ids';

const SAMPLE = join(__dirname, '..', 'resources', 'examples', 'ridgeline.candor.json');

function sample(): Workspace {
  return JSON.parse(readFileSync(SAMPLE, 'utf8')) as Workspace;
}

function withoutConflicts(workspace: Workspace): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...workspace };
  delete copy.mergeConflicts;
  return canonicalize(copy);
}

/** Two concurrent edits of the sample: some merge cleanly, three fields and the order of the purposes conflict. */
function concurrentEdits(): [Workspace, Workspace, Workspace] {
  const base = sample();
  const ours = sample();
  const theirs = sample();
  ours.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
  theirs.dataTypes[0].retention = { period: { value: 60, unit: 'days' }, after: 'account-closure' };
  ours.organization.dpo = { ...ours.organization.dpo, email: 'dpo@ours.example' };
  theirs.organization.dpo = { ...theirs.organization.dpo, email: 'dpo@theirs.example' };
  ours.dataTypes[2].name = '';
  theirs.dataTypes[2].name = 'Public name';
  ours.purposes.reverse();
  theirs.purposes.push(theirs.purposes.shift()!);
  // Clean edits on each side.
  ours.dataTypes[1].owner = 'Security team';
  theirs.recipients[1].sells = true;
  theirs.purposes.push({ id: 'trail-tips', name: 'Suggest trails near you' });
  return [base, ours, theirs];
}

describe('the conflicts in the merged file', () => {
  it('are written into the result with base, ours and theirs, and the result validates and holds ours', () => {
    const [base, ours, theirs] = concurrentEdits();
    const { workspace, conflicts } = mergeWorkspaces(base, ours, theirs);
    expect(validateWorkspace(workspace).ok).toBe(true);
    expect(workspace.mergeConflicts).toEqual(conflicts);
    // In file order.
    expect(conflicts.map((c) => c.path)).toEqual([
      '/organization/dpo/email',
      '/purposes',
      '/dataTypes/email-address/retention',
      '/dataTypes/display-name/name',
    ]);
    expect(conflicts[1]).toMatchObject({ where: 'Purposes order', order: true });
    // An empty name is a value: it is kept through writing and reading the file.
    const read = JSON.parse(serializeWorkspace(workspace)) as Workspace;
    expect(read.mergeConflicts![3]).toEqual({
      path: '/dataTypes/display-name/name',
      // Named by its id: the name the merge keeps for it is ours, which is empty.
      where: 'display-name: name',
      base: 'Display name',
      ours: '',
      theirs: 'Public name',
    });
    expect(read.dataTypes[2].name).toBe('');
    expect(read.organization.dpo?.email).toBe('dpo@ours.example');
  });

  it('resolved each with theirs give the workspace a merge where theirs wins gives', () => {
    const [base, ours, theirs] = concurrentEdits();
    let { workspace } = mergeWorkspaces(base, ours, theirs);
    while (mergeConflictsOf(workspace).length > 0) {
      const result = resolveConflict(workspace, 0, 'theirs');
      if (!result.ok) throw new Error(result.message);
      workspace = result.workspace;
    }
    expect(workspace.mergeConflicts).toBeUndefined();
    expect(validateWorkspace(workspace).ok).toBe(true);
    const theirsWins = mergeWorkspaces(base, theirs, ours).workspace;
    expect(canonicalize(workspace)).toEqual(withoutConflicts(theirsWins));
    expect(workspace.purposes.map((p) => p.id)).toEqual(theirs.purposes.map((p) => p.id));
  });

  it('resolved each with ours give the merged file without the list', () => {
    const [base, ours, theirs] = concurrentEdits();
    let { workspace } = mergeWorkspaces(base, ours, theirs);
    const merged = workspace;
    for (let n = mergeConflictsOf(merged).length; n > 0; n--) {
      const result = resolveConflict(workspace, n - 1, 'ours');
      expect(result.ok).toBe(true);
      if (result.ok) workspace = result.workspace;
    }
    expect(canonicalize(workspace)).toEqual(withoutConflicts(merged));
  });

  it('use base sets the value from before both changes, and removes the field where base had none', () => {
    const [base, ours, theirs] = concurrentEdits();
    ours.dataTypes[0].notes = 'Ours';
    theirs.dataTypes[0].notes = 'Theirs';
    const { workspace } = mergeWorkspaces(base, ours, theirs);
    const at = (path: string) => mergeConflictsOf(workspace).findIndex((c) => c.path === path);
    const retention = resolveConflict(workspace, at('/dataTypes/email-address/retention'), 'base');
    expect(retention.ok && retention.workspace.dataTypes[0].retention).toEqual(base.dataTypes[0].retention);
    const notes = resolveConflict(workspace, at('/dataTypes/email-address/notes'), 'base');
    expect(notes.ok).toBe(true);
    if (notes.ok) {
      expect(notes.workspace.dataTypes[0]).not.toHaveProperty('notes');
      expect(mergeConflictsOf(notes.workspace).map((c) => c.path)).not.toContain('/dataTypes/email-address/notes');
      expect(mergeConflictsOf(notes.workspace)).toHaveLength(mergeConflictsOf(workspace).length - 1);
    }
  });

  it('brings back an entry theirs kept and ours removed, at the end of its list, and removes it again with ours', () => {
    const base = sample();
    const ours = sample();
    const theirs = sample();
    ours.recipients = ours.recipients.filter((r) => r.id !== 'tax-office');
    for (const d of ours.dataTypes) d.recipients = d.recipients?.filter((r) => r !== 'tax-office');
    for (const d of ours.dataTypes) if (d.recipientPurposes) delete d.recipientPurposes['tax-office'];
    ours.recipients.push(ours.recipients.shift()!);
    theirs.recipients.find((r) => r.id === 'tax-office')!.country = 'AT';
    const { workspace, conflicts } = mergeWorkspaces(base, ours, theirs);
    expect(conflicts).toEqual([
      {
        path: '/recipients/tax-office',
        where: 'Recipient Finanzamt München',
        base: base.recipients.find((r) => r.id === 'tax-office'),
        theirs: theirs.recipients.find((r) => r.id === 'tax-office'),
      },
    ]);
    expect(conflictValueWords(workspace, conflicts[0], 'ours')).toBe('removed');
    const theirsChosen = resolveConflict(workspace, 0, 'theirs');
    expect(theirsChosen.ok).toBe(true);
    if (!theirsChosen.ok) return;
    expect(theirsChosen.workspace.recipients.at(-1)).toMatchObject({ id: 'tax-office', country: 'AT' });
    expect(theirsChosen.workspace.mergeConflicts).toBeUndefined();
    const oursChosen = resolveConflict(workspace, 0, 'ours');
    expect(oursChosen.ok && oursChosen.workspace.recipients.map((r) => r.id)).not.toContain('tax-office');
  });

  it('refuses a choice that would leave the workspace invalid, saying why and what to do', () => {
    const base = sample();
    const ours = sample();
    const theirs = sample();
    const purpose = base.purposes.find((p) => !base.dataTypes[0].purposes.includes(p.id))!;
    deleteEntity(ours, 'purposes', purpose.id);
    theirs.dataTypes[0].purposes = [...theirs.dataTypes[0].purposes, purpose.id];
    const { workspace } = mergeWorkspaces(base, ours, theirs);
    const index = mergeConflictsOf(workspace).findIndex((c) => c.path === `/purposes/${purpose.id}`);
    expect(index).toBeGreaterThanOrEqual(0);
    const result = resolveConflict(workspace, index, 'ours');
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/^Cannot use ours for .*would not be valid .*remove its uses.*choose again/),
    });
    expect(resolveConflict(workspace, index, 'theirs').ok).toBe(true);
    expect(resolveConflict(workspace, 99, 'theirs')).toMatchObject({ ok: false });
  });

  it('words each side for messages: formats the field has, names for ids, not set for none', () => {
    const [base, ours, theirs] = concurrentEdits();
    const { workspace } = mergeWorkspaces(base, ours, theirs);
    const [email, order, retention, name] = mergeConflictsOf(workspace);
    expect(shortValue(workspace, retention, 'ours')).toBe('90 days after account closure');
    expect(shortValue(workspace, name, 'ours')).toBe('""');
    expect(shortValue(workspace, email, 'theirs')).toBe('dpo@theirs.example');
    expect(conflictValueWords(workspace, order, 'theirs')).toMatch(/^Create your account and sign you in, Keep accounts/);
    const cut = shortValue(workspace, order, 'theirs', 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toMatch(/^Create your account and sign.*…$/);
    expect(conflictValueWords(workspace, { path: '/settings/locale', where: 'Settings: locale', ours: 'en' }, 'theirs')).toBe('not set');
  });
});

describe('the conflicts in git diff', () => {
  it('reads as one line per conflict in the text git compares, and as resolved in the diff once chosen', () => {
    const [base, ours, theirs] = concurrentEdits();
    const { workspace } = mergeWorkspaces(base, ours, theirs);
    const lines = workspaceText(workspace)
      .split('\n')
      .filter((line) => line.startsWith('Merge conflicts: '));
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      'Merge conflicts: unresolved: Email address: retention: {"base":{"period":{"value":30,"unit":"days"},"after":"account-closure"},"ours":{"period":{"value":90,"unit":"days"},"after":"account-closure"},"theirs":{"period":{"value":60,"unit":"days"},"after":"account-closure"}}',
    );
    const resolved = resolveConflict(workspace, 2, 'theirs');
    if (!resolved.ok) throw new Error(resolved.message);
    expect(semanticDiff(workspace, resolved.workspace).changes.map((c) => c.line)).toEqual([
      'Email address: retention 90 days after account closure → 60 days after account closure',
      'Merge conflicts: resolved: Email address: retention',
    ]);
    expect(
      semanticDiff(ours, workspace)
        .changes.filter((c) => c.entity.name === 'Merge conflicts')
        .map((c) => c.line),
    ).toHaveLength(4);
  });
});

describe('merging files that carry unresolved conflicts', () => {
  it('keeps the conflicts neither side resolved, drops those one side resolved, and adds the new ones', () => {
    const [base, ours, theirs] = concurrentEdits();
    const first = mergeWorkspaces(base, ours, theirs).workspace;
    const [email, order, retention, name] = mergeConflictsOf(first);
    // Two clones of the conflicted file: one resolves the name, the other the e-mail, and both make a new conflict.
    const a = resolveConflict(first, 3, 'theirs');
    const b = resolveConflict(first, 0, 'ours');
    if (!a.ok || !b.ok) throw new Error('not resolved');
    // Resolving shares what it did not change with the file it started from, as the app's edits do.
    const [left, right] = [structuredClone(a.workspace), structuredClone(b.workspace)];
    left.dataTypes[3].owner = 'A';
    right.dataTypes[3].owner = 'B';
    const second = mergeWorkspaces(first, left, right);
    expect(second.conflicts.map((c) => c.path)).toEqual(['/dataTypes/recorded-routes/owner']);
    expect(second.workspace.mergeConflicts).toEqual([order, retention, ...second.conflicts]);
    expect(second.workspace.dataTypes[2].name).toBe(name.theirs);
    expect(second.workspace.organization.dpo?.email).toBe(email.ours);
    expect(validateWorkspace(second.workspace).ok).toBe(true);
    // The same the other way round, but for which side the new conflict keeps.
    const backward = mergeWorkspaces(first, right, left);
    expect(backward.workspace.mergeConflicts!.slice(0, 2)).toEqual([order, retention]);
  });

  it('drops a carried conflict whose entry is gone, and one a new conflict replaces', () => {
    const [base, ours, theirs] = concurrentEdits();
    const first = mergeWorkspaces(base, ours, theirs).workspace;
    const a = structuredClone(first);
    const b = structuredClone(first);
    // Ours removes the display name altogether; theirs changes the retention of the email address again.
    a.dataTypes = a.dataTypes.filter((d) => d.id !== 'display-name');
    a.dataTypes[0].retention = { period: { value: 7, unit: 'days' }, after: 'account-closure' };
    b.dataTypes[0].retention = { period: { value: 8, unit: 'days' }, after: 'account-closure' };
    const second = mergeWorkspaces(first, a, b);
    const paths = mergeConflictsOf(second.workspace).map((c) => c.path);
    expect(paths).toEqual(['/organization/dpo/email', '/purposes', '/dataTypes/email-address/retention']);
    expect(mergeConflictsOf(second.workspace).at(-1)).toMatchObject({ ours: { period: { value: 7 } }, theirs: { period: { value: 8 } } });
  });

  it('returns a side that carries conflicts as it is when the other side is unchanged', () => {
    const [base, ours, theirs] = concurrentEdits();
    const first = mergeWorkspaces(base, ours, theirs).workspace;
    expect(mergeWorkspaces(base, base, first)).toEqual({ workspace: canonicalize(first), conflicts: [] });
    expect(mergeWorkspaces(first, first, first).workspace).toEqual(canonicalize(first));
  });

  it('keeps the merge properties for inputs that carry conflicts', () => {
    const [base0, ours0, theirs0] = concurrentEdits();
    const carried = mergeConflictsOf(mergeWorkspaces(base0, ours0, theirs0).workspace).filter((c) => c.path.startsWith('/organization'));
    fc.assert(
      fc.property(editedTripleArbitrary(), fc.boolean(), ([base, ours, theirs], inBase) => {
        // The same conflict carried by both sides (and base or not): it stays, whatever else is merged,
        // unless this merge finds a new conflict at the same place, which replaces it (as above).
        const tag = (ws: Workspace): Workspace => ({ ...ws, mergeConflicts: carried });
        const b = inBase ? tag(base) : base;
        const forward = mergeWorkspaces(b, tag(ours), tag(theirs));
        const backward = mergeWorkspaces(b, tag(theirs), tag(ours));
        expect(validateWorkspace(forward.workspace).ok).toBe(true);
        const replaced = new Set(forward.conflicts.map((c) => c.path));
        const kept = carried.filter((c) => !replaced.has(c.path));
        expect(mergeConflictsOf(forward.workspace).slice(0, kept.length)).toEqual(kept);
        if (forward.conflicts.length === 0) expect(forward.workspace).toEqual(backward.workspace);
        expect(mergeWorkspaces(b, b, tag(ours)).workspace).toEqual(canonicalize(tag(ours)));
      }),
      { numRuns: 25 },
    );
  });
});
