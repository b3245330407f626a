import { describe, expect, it } from 'vitest';
import { fileName, folderOf, folderPrefix, pathProblem, withWorkspaceExtension, workspaceStem } from './paths';

describe('workspace paths', () => {
  it('appends .candor.json unless the path already ends in .json', () => {
    expect(withWorkspaceExtension(' /a/acme ')).toBe('/a/acme.candor.json');
    expect(withWorkspaceExtension('/a/acme.candor.json')).toBe('/a/acme.candor.json');
    expect(withWorkspaceExtension('/a/acme.JSON')).toBe('/a/acme.JSON');
    expect(withWorkspaceExtension('C:\\Work\\acme')).toBe('C:\\Work\\acme.candor.json');
  });

  it('splits POSIX and Windows paths', () => {
    expect(fileName('/a/b/acme.candor.json')).toBe('acme.candor.json');
    expect(folderOf('/a/b/acme.candor.json')).toBe('/a/b');
    expect(folderOf('/acme.candor.json')).toBe('/');
    expect(folderOf('C:\\Work\\acme.candor.json')).toBe('C:\\Work');
    expect(folderPrefix('C:\\Work')).toBe('C:\\Work\\');
    expect(folderPrefix('/')).toBe('/');
    expect(workspaceStem('/a/acme.candor.json')).toBe('acme');
  });

  it('explains an empty path or a bare folder', () => {
    expect(pathProblem('')).toMatch(/Type the path/);
    expect(pathProblem('/a/b/')).toMatch(/Add a file name after the folder/);
    expect(pathProblem('/a/b/acme')).toBeUndefined();
  });
});
