import { describe, expect, it } from 'vitest';
import { readWorkspaceText } from './read';
import { serializeWorkspace } from './canonical';
import { minimalWorkspace } from './testing/fixtures';

const valid = serializeWorkspace(minimalWorkspace());

describe('readWorkspaceText', () => {
  it('reads a valid workspace, with or without a byte-order mark', () => {
    expect(readWorkspaceText(valid).kind).toBe('ok');
    expect(readWorkspaceText(`\uFEFF${valid}`).kind).toBe('ok');
  });

  it.each([
    ['empty', '', /is empty/],
    ['blank', ' \n\t', /only blank space/],
    ['null', 'null', /contains null/],
    ['a list', '[]', /contains a list/],
    ['a number', '42', /a single number/],
    ['truncated', valid.slice(0, valid.length / 2), /cut short/],
    ['NUL bytes', '\u0000'.repeat(4096), /NUL bytes/],
    ['NUL inside', valid.replace('Acme', 'Ac\u0000me'), /NUL bytes/],
    ['broken JSON', '{"format": "candor/workspace",, }', /not valid JSON at line 1, column/],
    ['another format', '{"format": "something/else"}', /not a Candor workspace/],
  ])('refuses a file that is %s, saying why', (_label, text, reason) => {
    const result = readWorkspaceText(text);
    expect(result.kind).toBe('unreadable');
    if (result.kind === 'unreadable') expect(result.reason).toMatch(reason);
  });

  it.each([
    ['a password file', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n'],
    ['a key file', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n'],
    ['JSON with a secret then a mistake', '{"format": "candor/workspace", "secret": "hunter2" oops}'],
  ])('never repeats what %s holds in its reason', (_label, text) => {
    const result = readWorkspaceText(text);
    expect(result.kind).toBe('unreadable');
    const reason = result.kind === 'unreadable' ? result.reason : '';
    expect(reason).toMatch(/not valid JSON/);
    for (const piece of ['root', 'daemon', 'BEGIN', 'b3Bl', 'hunter2', 'oops', 'secret']) expect(reason).not.toContain(piece);
  });

  it('reports the line of a syntax error', () => {
    const broken = valid.replace('"Acme Notes"', '"Acme Notes" oops');
    const result = readWorkspaceText(broken);
    expect(result.kind === 'unreadable' && result.reason).toMatch(/line 5, column \d+/);
  });

  it('names both versions for a file from a newer Candor', () => {
    const newer = JSON.stringify({ ...minimalWorkspace(), version: 3, newThing: true });
    const result = readWorkspaceText(newer);
    expect(result.kind).toBe('newer-version');
    if (result.kind === 'newer-version') {
      expect(result.reason).toMatch(/format version 3/);
      expect(result.reason).toMatch(/reads format version 1/);
      expect(result.data.newThing).toBe(true);
    }
  });

  it('returns the problems of an invalid workspace', () => {
    const result = readWorkspaceText(JSON.stringify({ ...minimalWorkspace(), organization: { name: 7 } }));
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(result.problems.map((p) => p.path)).toEqual(['organization.name', 'organization.jurisdictions']);
  });
});
