#!/usr/bin/env node
// Runs the command line straight from the TypeScript sources, so `npx candor` works right after
// `npm install` with no build step. tsx compiles each module on first use and caches the result.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const args = process.argv.slice(2);
// The first `serve` compiles the server and the editor's handlers, which takes seconds on a cold cache:
// say something at once (on stderr, so stdout keeps its one line with the address).
if (args[0] === 'serve' && !args.includes('--help') && !args.includes('-h')) {
  process.stderr.write('Starting Candor…\n');
}

try {
  const { main } = await tsImport('../electron/cli/main.ts', {
    parentURL: import.meta.url,
    // Candor's own settings, not those of whatever project the command is run from.
    tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
  });
  process.exitCode = await main(args);
} catch (error) {
  // Only a broken installation gets here (main() catches everything else): one line, no stack.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Candor could not start: ${message.split('\n')[0]}. Run "npm install" in the Candor folder and try again.\n`);
  process.exitCode = 2;
}
