// Noticing that a file changed on disk. The folder is watched rather than the file: git, editors and
// Candor itself replace the file by renaming a new one over it, and a watch on the old file would
// go silent after the first such replacement.
import { watch, watchFile, unwatchFile, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

const SETTLE_MS = 60;
const POLL_MS = 1_000;

/** Calls `onChange` (debounced) whenever `path` may have changed. Returns the function that stops watching. */
export function watchPath(path: string, onChange: () => void): () => void {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let watcher: FSWatcher | undefined;
  let polling = false;

  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    // A save by another program is often several events (create temp, write, rename); wait for the
    // burst to end and look once.
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) onChange();
    }, SETTLE_MS);
    timer.unref();
  };

  const poll = () => {
    if (polling || stopped) return;
    polling = true;
    watchFile(path, { interval: POLL_MS, persistent: false }, schedule);
  };

  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, filename) => {
      // Some platforms do not report the name; then any change in the folder is worth a look.
      if (!filename || filename.toString() === name) schedule();
    });
    watcher.on('error', () => {
      // The folder vanished or the watch limit was hit: fall back to polling the file's stat.
      watcher?.close();
      watcher = undefined;
      poll();
    });
  } catch {
    poll();
  }

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    watcher?.close();
    if (polling) unwatchFile(path, schedule);
  };
}
