import { describe, expect, it, vi } from 'vitest';
import { chooseStartupWorkspace } from './startup-workspace';

const never = () => Promise.reject(new Error('must not be called'));

describe('chooseStartupWorkspace', () => {
  it('opens the requested file even if it is missing (the session then says why)', async () => {
    const exists = vi.fn(async () => false);
    const choice = await chooseStartupWorkspace({ requested: '/a.candor.json', recent: never, exists, sampleCopy: never });
    expect(choice).toEqual({ path: '/a.candor.json', reason: 'requested' });
    expect(exists).not.toHaveBeenCalled();
  });

  it('reopens the most recent workspace when it still exists', async () => {
    const choice = await chooseStartupWorkspace({
      recent: async () => ['/last.candor.json', '/older.candor.json'],
      exists: async (path) => path === '/last.candor.json',
      sampleCopy: never,
    });
    expect(choice).toEqual({ path: '/last.candor.json', reason: 'recent' });
  });

  it('falls back to the sample copy when the most recent one is gone', async () => {
    const choice = await chooseStartupWorkspace({
      recent: async () => ['/gone.candor.json', '/older.candor.json'],
      exists: async (path) => path !== '/gone.candor.json',
      sampleCopy: async () => '/data/examples/ridgeline.candor.json',
    });
    expect(choice).toEqual({ path: '/data/examples/ridgeline.candor.json', reason: 'sample' });
  });

  it('falls back to the sample copy with no recent list, or an unreadable one', async () => {
    const sampleCopy = async () => '/data/examples/ridgeline.candor.json';
    await expect(chooseStartupWorkspace({ recent: async () => [], exists: never, sampleCopy })).resolves.toEqual({
      path: '/data/examples/ridgeline.candor.json',
      reason: 'sample',
    });
    await expect(
      chooseStartupWorkspace({ recent: () => Promise.reject(new Error('EACCES')), exists: never, sampleCopy }),
    ).resolves.toMatchObject({ reason: 'sample' });
  });
});
