// `candor validate <file>`: checks a workspace file and never writes.
import { count } from '../../core/words';
import type { Output } from './output';
import { EXIT_OK, loadWorkspaceFile } from './workspace-file';

export async function validateCommand(file: string, output: Output): Promise<number> {
  const loaded = await loadWorkspaceFile(file);
  if (!loaded.ok) {
    for (const line of loaded.lines) output.err(line);
    return loaded.exitCode;
  }
  const ws = loaded.workspace;
  output.out(
    `${file} is valid: ${count(ws.dataTypes.length, 'data type')}, ${count(ws.purposes.length, 'purpose')}, ` +
      `${count(ws.recipients.length, 'recipient')}, ${count(ws.collectionPoints.length, 'collection point')}.`,
  );
  return EXIT_OK;
}
