import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSecondInstanceData, withWorkspaceExtension, workspacePathFromArgv } from './workspace-path';

const cwd = resolve('/home/me/work');

describe('workspacePathFromArgv', () => {
  it('skips the executable and, in development, the app folder', () => {
    expect(workspacePathFromArgv(['/usr/bin/electron', '.', 'team.candor.json'], cwd, false)).toBe(resolve(cwd, 'team.candor.json'));
    expect(workspacePathFromArgv(['/opt/Candor/candor', '/data/team.candor.json'], cwd, true)).toBe('/data/team.candor.json');
  });

  it('finds nothing when no workspace is given', () => {
    expect(workspacePathFromArgv(['/usr/bin/electron', '.'], cwd, false)).toBeUndefined();
    expect(workspacePathFromArgv(['/opt/Candor/candor'], cwd, true)).toBeUndefined();
  });

  it('ignores Chromium switches wherever they are', () => {
    const argv = ['/opt/Candor/candor', '--enable-logging', 'a.candor.json', '--original-process-start-time=123'];
    expect(workspacePathFromArgv(argv, cwd, true)).toBe(resolve(cwd, 'a.candor.json'));
  });

  it('does not take the app folder for a workspace, even one ending in .json', () => {
    expect(workspacePathFromArgv(['/usr/bin/electron', 'app.json'], cwd, false)).toBeUndefined();
  });

  it('takes the last workspace named and ignores other files', () => {
    const argv = ['/opt/Candor/candor', 'notes.txt', 'a.candor.json', 'b.JSON'];
    expect(workspacePathFromArgv(argv, cwd, true)).toBe(resolve(cwd, 'b.JSON'));
  });
});

describe('withWorkspaceExtension', () => {
  it('adds .candor.json to a bare name and keeps a json name as typed', () => {
    expect(withWorkspaceExtension('/x/team')).toBe('/x/team.candor.json');
    expect(withWorkspaceExtension('/x/team.candor.json')).toBe('/x/team.candor.json');
    expect(withWorkspaceExtension('/x/team.json')).toBe('/x/team.json');
  });
});

describe('readSecondInstanceData', () => {
  it('accepts an absolute workspace path and nothing else', () => {
    expect(readSecondInstanceData({ workspacePath: '/data/a.candor.json' })).toEqual({
      workspacePath: '/data/a.candor.json',
    });
    expect(readSecondInstanceData({ workspacePath: 'relative.candor.json' })).toEqual({});
    expect(readSecondInstanceData({ workspacePath: '/etc/passwd' })).toEqual({});
    expect(readSecondInstanceData({ workspacePath: 42 })).toEqual({});
    expect(readSecondInstanceData(null)).toEqual({});
    expect(readSecondInstanceData('x')).toEqual({});
  });
});
