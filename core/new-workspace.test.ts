import { describe, expect, it } from 'vitest';
import { serializeWorkspace } from './canonical';
import { createEmptyWorkspace } from './new-workspace';
import { readWorkspaceText } from './read';
import { validateWorkspace } from './validate';

describe('createEmptyWorkspace', () => {
  it('is a valid workspace that survives writing and reading back', () => {
    const workspace = createEmptyWorkspace('  Ridgeline  ');
    expect(validateWorkspace(workspace).ok).toBe(true);
    expect(workspace.organization.name).toBe('Ridgeline');
    const back = readWorkspaceText(serializeWorkspace(workspace));
    expect(back).toEqual({ kind: 'ok', workspace });
  });

  it('refuses a blank organization name with a message saying what to give', () => {
    expect(() => createEmptyWorkspace('   ')).toThrow(/name of the organization/);
  });
});
