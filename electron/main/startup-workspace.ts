// Which workspace the window opens with. A path the user asked for is opened even when missing, so
// the session can say what is wrong with it; a remembered one only if it still exists, since the
// user did not ask for it this time; otherwise a fresh copy of the sample, so the app never opens empty.
export interface StartupSources {
  /** from the command line or the OS (macOS open-file) */
  requested?: string;
  /** most recent first */
  recent: () => Promise<string[]>;
  exists: (path: string) => Promise<boolean>;
  sampleCopy: () => Promise<string>;
}

export type StartupChoice = { path: string; reason: 'requested' | 'recent' | 'sample' };

export async function chooseStartupWorkspace(sources: StartupSources): Promise<StartupChoice> {
  if (sources.requested) return { path: sources.requested, reason: 'requested' };
  let recent: string[];
  try {
    recent = await sources.recent();
  } catch {
    // An unreadable recent list must not keep the app from starting; the sample still opens.
    recent = [];
  }
  const last = recent[0];
  if (last !== undefined && (await sources.exists(last))) return { path: last, reason: 'recent' };
  return { path: await sources.sampleCopy(), reason: 'sample' };
}
