// The command line's grammar: commands, options, help and the exit codes of usage errors.
// Each command is a plain function (validate.ts, format.ts, …); this file only parses and dispatches.
import { Argument, Command, CommanderError, InvalidArgumentError } from 'commander';
import { BUILD_GROUP_IDS, describeBuildGroup, EXPORT_KINDS, type BuildGroup, type ExportKind } from '../../core/catalogue';
import { diffCommand, textconvCommand } from './diff';
import { exportCommand, exportHelp } from './export';
import { formatCommand } from './format';
import type { NewIncidentOptions } from './incident';
import { lintCommand } from './lint';
import { mergeCommand } from './merge';
import { newCommand, type NewDependencies } from './new';
import { unexpectedErrorLine, type Output } from './output';
import type { ServeDependencies } from './serve';
import { validateCommand } from './validate';
import { EXIT_ERROR } from './workspace-file';

export interface CliDependencies extends NewDependencies {
  version: string;
  /** the clock `publish` records the time of publication with; the system's by default */
  now?: () => Date;
  /** prepared only when `serve` runs */
  serve(): ServeDependencies;
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError('must be a whole number from 0 to 65535 (0 picks a free port).');
  }
  return Number(value);
}

function parseOnlyOption(value: string): BuildGroup[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !(BUILD_GROUP_IDS as string[]).includes(id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`must list outputs from ${BUILD_GROUP_IDS.join(', ')}, separated by commas.`);
  }
  return ids as BuildGroup[];
}

/** The build help's list of outputs, by the ids --only takes. */
function buildHelp(): string {
  const width = Math.max(...BUILD_GROUP_IDS.map((id) => id.length));
  return ['', 'Outputs:', ...BUILD_GROUP_IDS.map((id) => `  ${id.padEnd(width)}  ${describeBuildGroup(id)}`)].join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

const EXAMPLES = {
  validate: ['candor validate ridgeline.candor.json'],
  lint: ['candor lint ridgeline.candor.json', 'candor lint ridgeline.candor.json --json > findings.json   # in CI: fails on errors'],
  format: ['candor format ridgeline.candor.json', 'candor format --check ridgeline.candor.json   # in CI: fails if not canonical'],
  diff: [
    'candor diff published/ridgeline-2.0.candor.json ridgeline.candor.json',
    'candor diff old.candor.json new.candor.json --json > changes.json',
    'candor diff ridgeline.versions/2.0.candor.json ridgeline.candor.json --redline changes.docx',
  ],
  merge: [
    'candor merge base.candor.json ours.candor.json theirs.candor.json -o merged.candor.json',
    'git config merge.candor.driver "candor merge %O %A %B -o %A --name %P"   # with "*.candor.json merge=candor" in .gitattributes',
  ],
  publish: [
    'candor publish ridgeline.candor.json --effective 2027-03-01 --note "Location for trail suggestions"   # proposes the next minor version',
    'candor publish ridgeline.candor.json --version 3.0 --effective 2027-06-01',
  ],
  versions: [
    'candor versions ridgeline.candor.json',
    'candor versions ridgeline.candor.json --on 2027-04-15   # the version in force that day',
  ],
  new: ['candor new ridgeline.candor.json --name "Ridgeline"', 'candor new try-me.candor.json --example'],
  serve: ['candor serve ridgeline.candor.json', 'candor serve --example --open', 'candor serve --example --port 8765'],
  incident: [
    'candor incident new ridgeline.incidents.candor.json --workspace ridgeline.candor.json --discovered 2026-12-05T09:30:00+01:00 --data-types email-address,password --people 1200 --residence eu,us-ca --summary "Password hashes and emails were copied from a backup."',
    'candor incident list ridgeline.incidents.candor.json',
    'candor incident show ridgeline.incidents.candor.json 2026-12-05-password-hashes-and-emails-were',
    'candor incident draft ridgeline.incidents.candor.json 2026-12-05-password-hashes-and-emails-were --out drafts',
  ],
  build: [
    'candor build ridgeline.candor.json --out docs/privacy',
    'candor build ridgeline.candor.json --out build --only privacy-notice,ios',
    'candor build ridgeline.candor.json --out drafts --allow-errors   # a draft to discuss; review errors become warnings',
  ],
} as const;

function examples(lines: readonly string[]): string {
  return `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

export function buildProgram(output: Output, deps: CliDependencies, setExitCode: (code: number) => void): Command {
  const program = new Command('candor');
  program
    .description('Candor: catalog the personal data your product collects and generate privacy documents from it.')
    .version(deps.version, '-v, --version', 'print the version of Candor')
    // `candor publish … --version 2.1` is the version to publish: the program's own --version counts only
    // before the command name.
    .enablePositionalOptions()
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => output.out(text.replace(/\n$/, '')),
      writeErr: (text) => output.err(text.replace(/\n$/, '')),
      // Usage errors stay on one line, with the way out.
      outputError: (text, write) => write(`${oneLine(text)} Run "candor --help" for usage.\n`),
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .addHelpText(
      'after',
      [
        '',
        'Exit codes:',
        '  0  success',
        '  1  the workspace has problems; lint: the review found an error; merge: there are conflicts; build, export, publish: the review found an error, so nothing was written; publish: the version number or effective date is refused; versions --on: no version was in force; format --check: the file is not canonical; new: the file already exists; import: rows were left out; incident: the register has problems',
        '  2  the file cannot be read or has a newer format version, or the command line is wrong',
        examples([...EXAMPLES.validate, EXAMPLES.lint[0], EXAMPLES.format[1], ...EXAMPLES.new, ...EXAMPLES.serve]),
      ].join('\n'),
    );

  program
    .command('validate')
    .summary('check a workspace file and list its problems')
    .description(
      'Check a workspace file against the workspace format: its structure (types, ids, references, dates), which is all a save needs. Prints one summary line when it is valid, or one line per problem (field path: message). What a valid file still lacks (an empty name, a data type without a purpose) is for "candor lint". Never writes.',
    )
    .argument('<file>', 'the workspace file (*.candor.json)')
    .addHelpText('after', examples(EXAMPLES.validate))
    .action(async (file: string) => setExitCode(await validateCommand(file, output)));

  program
    .command('lint')
    .summary('review a workspace: missing disclosures, wrong store answers, judgement calls')
    .description(
      'Run the review rules on a workspace and list what they find, grouped by severity (errors, warnings, info), one line each: field path: what to do [rule]. When the incident register (<name>.incidents.candor.json) is beside the workspace, its incidents are reviewed too, at paths starting with incidents[ (an open incident past its 72 hours without a decision on notifying the authority is an error). Exits 1 when an error is found, 0 when there are only warnings or info. An invalid workspace lists its validation problems and exits 1. Never writes.',
    )
    .argument('<workspace>', 'the workspace file (*.candor.json)')
    .option('--json', 'print a JSON array of { "rule", "severity", "path", "message" } instead')
    .addHelpText('after', examples(EXAMPLES.lint))
    .action(async (workspace: string, options: { json?: boolean }) =>
      setExitCode(await lintCommand(workspace, { json: options.json }, output, deps.now)),
    );

  program
    .command('format')
    .summary('rewrite a workspace file in canonical form')
    .description(
      'Rewrite a workspace file in the canonical form Candor saves (key order, two-space indent, final newline), atomically. Refuses a file that is invalid or cannot be read.',
    )
    .argument('<file>', 'the workspace file (*.candor.json)')
    .option('--check', 'only report whether the file is canonical (exit 1 if not); never write')
    .addHelpText('after', examples(EXAMPLES.format))
    .action(async (file: string, options: { check?: boolean }) => setExitCode(await formatCommand(file, { check: options.check }, output)));

  program
    .command('diff')
    .summary('say what changed between two workspace files, by entry and field')
    .description(
      'Compare two workspace files and print what changed, grouped by section and entry, one line each: "Email address: retention 30 days after collection → 90 days after collection". Entries are matched by id, so a renamed one is changed, not removed and added. Exits 0 whether or not they differ, 1 when a file is not a valid workspace, 2 when one cannot be read. As git\'s external diff (diff.candor.command) it takes the seven arguments git passes (path old-file old-hex old-mode new-file new-hex new-mode); /dev/null stands for a file that does not exist on one side, and a path git passes alone (a file a merge left conflicted) gets a note instead of a comparison. See "Using Candor with git" in the README. Never writes.',
    )
    .argument('<old>', 'the older workspace file (*.candor.json)')
    .argument('[new]', 'the newer workspace file (*.candor.json)')
    .argument('[git-args...]', "the rest of git's external-diff arguments, when git runs it")
    .option(
      '--json',
      'print { "old", "new", "same", "changes": [{ "kind", "path", "entity", "field", "before", "after", "beforeText", "afterText", "line" }] } instead',
    )
    .option(
      '--redline <file>',
      'also write the notice with its changes marked: a .docx of tracked changes (by "Candor") or an .html comparison page',
    )
    .option('--document <id>', 'the document the redline compares (default: privacy-notice)')
    .addHelpText('after', examples(EXAMPLES.diff))
    .action(
      async (
        oldFile: string,
        newFile: string | undefined,
        gitArgs: string[],
        options: { json?: boolean; redline?: string; document?: string },
      ) => {
        const args = newFile === undefined ? [oldFile] : [oldFile, newFile, ...gitArgs];
        // Git sets GIT_DIFF_PATH_TOTAL for an external diff; it then passes a conflicted path alone.
        const calledByGit = process.env.GIT_DIFF_PATH_TOTAL !== undefined;
        setExitCode(
          await diffCommand(args, { json: options.json, calledByGit, redline: options.redline, document: options.document }, output),
        );
      },
    );

  program
    .command('merge')
    .summary('merge two versions of a workspace made from a common one (a git merge driver)')
    .description(
      'Merge the changes from <base> to <ours> and from <base> to <theirs> by entry id and field, and write the result, canonical and valid, to --out. Edits to different entries, or to different fields of one entry, merge cleanly (exit 0). A field both sides changed to different values is a conflict: the result holds ours there and lists the conflicts (mergeConflicts) for Candor\'s Review screen to choose from, each conflict is printed with its base, ours and theirs, and the exit code is 1, so that git marks the file as conflicted. An entry one side removed while the other still uses it is kept, as a conflict. Set it as git\'s merge driver for *.candor.json (see "Using Candor with git" in the README). When a file cannot be read, nothing is written (exit 2).',
    )
    .argument('<base>', 'the common ancestor (git: %O)')
    .argument('<ours>', 'our version (git: %A)')
    .argument('<theirs>', 'their version (git: %B)')
    .requiredOption('-o, --out <file>', 'the file to write the result to (git: %A); replaced atomically')
    .option('--name <path>', "the workspace's name in the messages (git: %P)")
    .addHelpText('after', examples(EXAMPLES.merge))
    .action(async (base: string, ours: string, theirs: string, options: { out: string; name?: string }) =>
      setExitCode(await mergeCommand([base, ours, theirs], options, output)),
    );

  program
    .command('publish')
    .summary('publish a version: archive the inventory and its documents with a number and an effective date')
    .description(
      'Record a published version of a workspace in the archive beside it (ridgeline.candor.json → ridgeline.versions/): the inventory exactly as published (<version>.candor.json), its documents as customers read them (<version>/*.md and *.html, saying "Version 2.1 · effective 1 March 2027 · last updated …"), and an entry in versions.json with the number, effective date, time of publication, note and build id. Without --version Candor proposes the next minor version (1.0 first; --major: the next major). Refused (exit 1, nothing written) when the number is not greater than every published one, the effective date is before the latest version\'s, or the review finds errors (unless --allow-errors). A published version is never replaced. Commit the archive with the workspace.',
    )
    .argument('<workspace>', 'the workspace file (*.candor.json)')
    .requiredOption('--effective <date>', 'the day the version takes effect (YYYY-MM-DD)')
    .option('--version <number>', 'the version number, such as 2.1 (one to three whole numbers separated by dots)')
    .option('--major', 'propose the next major version (2.1 → 3.0) instead of the next minor (2.1 → 2.2)')
    .option('--note <text>', 'a short internal note about the version (kept in the index, never printed on documents)')
    .option('--allow-errors', 'publish even when the review finds errors, printing each as a warning')
    .addHelpText('after', examples(EXAMPLES.publish))
    .action(
      async (
        workspace: string,
        options: { effective: string; version?: string; major?: boolean; note?: string; allowErrors?: boolean },
      ) => {
        const { publishCommand } = await import('./publish');
        setExitCode(await publishCommand(workspace, options, output, deps.now));
      },
    );

  program
    .command('versions')
    .summary('list the published versions of a workspace, or say which was in force on a day')
    .description(
      'List the versions published with "candor publish" (number, effective date, time of publication, build id, note), or with --on the version in force on that day (the latest effective on or before it) and the files that reproduce its documents. Exits 1 when no version was in force on that day. Never writes.',
    )
    .argument('<workspace>', 'the workspace file (*.candor.json)')
    .option('--on <date>', 'the day to look up (YYYY-MM-DD)')
    .option('--json', 'print the index entries (or the one in force, or null) as JSON instead')
    .addHelpText('after', examples(EXAMPLES.versions))
    .action(async (workspace: string, options: { on?: string; json?: boolean }) => {
      const { versionsCommand } = await import('./publish');
      setExitCode(await versionsCommand(workspace, options, output));
    });

  program
    .command('textconv')
    .summary("print a workspace as text, one line per field, for git's diff")
    .description(
      'Print a workspace file as stable text, one line per field, grouped by entry, each line starting with the entry\'s name ("Email address: retention: 30 days after collection"), so that git\'s line diff of two versions reads as what changed. Set it as diff.candor.textconv (see "Using Candor with git" in the README). A file that is not a workspace Candor can read is printed as it is, after a line saying why. Never writes.',
    )
    .argument('<file>', 'the workspace file (*.candor.json)')
    .addHelpText('after', examples(['git config diff.candor.textconv "candor textconv"']))
    .action(async (file: string) => setExitCode(await textconvCommand(file, output)));

  program
    .command('new')
    .summary('create a workspace file, empty or from the sample')
    .description('Create a new workspace file: an empty one, or a copy of the bundled sample. Never overwrites an existing file.')
    .argument('<file>', 'the workspace file to create (*.candor.json)')
    .option('--example', 'copy the bundled sample workspace instead of starting empty')
    .option('--name <name>', 'the organization name used in the documents')
    .addHelpText('after', examples(EXAMPLES.new))
    .action(async (file: string, options: { example?: boolean; name?: string }) =>
      setExitCode(await newCommand(file, options, output, deps)),
    );

  const incident = program
    .command('incident')
    .summary('record a breach, see the 72-hour deadline and what to notify, write the drafts')
    .description(
      'The incident register (<name>.incidents.candor.json beside the workspace, kept apart so the inventory can be shared while incidents stay restricted): record a personal data breach, list the incidents with their 72-hour deadlines (GDPR Art 33), show one with what Candor proposes to notify and why, and write its drafts. The register is written as the app writes it (validated, canonical, atomically, with a backup of the version replaced) and refused while Candor has it open.',
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes:',
        '  0  done',
        '  1  the register or the workspace has problems (listed one per line)',
        '  2  a file cannot be read, the register is open in Candor, no such incident, or the command line is wrong',
        examples(EXAMPLES.incident),
      ].join('\n'),
    );

  incident
    .command('new')
    .summary('record an incident and print its id')
    .description(
      'Record a new incident in the register, creating the register if needed, and print its id on one line (the deadline and the next step go to stderr). The data types are checked against the workspace; where people live is given by jurisdiction (gdpr or eu, uk-gdpr or uk, ccpa or us-ca, us-<state>, other).',
    )
    .argument('<register>', 'the incident register (<name>.incidents.candor.json)')
    .requiredOption('--workspace <file>', 'the workspace whose inventory the data types come from (*.candor.json)')
    .requiredOption('--discovered <date-time>', 'when the organisation became aware, with its offset: 2026-12-05T09:30:00+01:00')
    .requiredOption('--data-types <ids>', 'the affected data types, by id, separated by commas')
    .requiredOption('--people <n>', 'about how many people are affected')
    .option('--records <n>', 'about how many records are affected')
    .option('--encrypted', 'the data was encrypted or otherwise unintelligible to whoever got it')
    .option('--key-safe', 'the key to the encrypted data was not compromised (with --encrypted)')
    .option(
      '--residence <places>',
      'where the people affected live, separated by commas, each optionally with its approximate number of people: eu, uk, us-ca:620, us-ny, other …',
    )
    .requiredOption('--summary <text>', 'what happened, in plain words')
    .option('--title <text>', 'a short title (by default the first sentence of the summary)')
    .option('--time-zone <zone>', 'the time zone the team works in, for showing times and the deadline: Europe/Berlin')
    .addHelpText('after', examples([EXAMPLES.incident[0]]))
    .action(async (register: string, options: NewIncidentOptions) => {
      const { incidentNewCommand } = await import('./incident');
      setExitCode(await incidentNewCommand(register, options, output, { now: deps.now }));
    });

  incident
    .command('list')
    .summary('list the incidents with their status and deadline')
    .description(
      'List every incident in the register: id, status, title, when it was discovered and how the 72-hour deadline stands. Never writes.',
    )
    .argument('<register>', 'the incident register (<name>.incidents.candor.json)')
    .option('--json', 'print a JSON array of { "id", "title", "status", "discoveredAt", "clock" } instead')
    .addHelpText('after', examples([EXAMPLES.incident[1]]))
    .action(async (register: string, options: { json?: boolean }) => {
      const { incidentListCommand } = await import('./incident');
      setExitCode(await incidentListCommand(register, options, output, { now: deps.now }));
    });

  incident
    .command('show')
    .summary('show one incident, its deadline and what Candor proposes to notify, with the reasons')
    .description(
      "Show one incident: the facts, the 72-hour deadline, the risk assessment following the EDPB's guidelines with each factor, the proposals (notify the supervisory authority, tell the people affected, the US state laws triggered and whether California's Attorney General gets a copy) with their reasons, the decisions recorded and the log. The proposals are worked out from the workspace beside the register (or --workspace). Never writes.",
    )
    .argument('<register>', 'the incident register (<name>.incidents.candor.json)')
    .argument('<id>', 'the incident id (see "candor incident list")')
    .option('--workspace <file>', 'the workspace, when it is not <name>.candor.json beside the register')
    .option('--json', 'print { "incident", "clock", "assessment" } as JSON instead')
    .addHelpText('after', examples([EXAMPLES.incident[2]]))
    .action(async (register: string, id: string, options: { json?: boolean; workspace?: string }) => {
      const { incidentShowCommand } = await import('./incident');
      setExitCode(await incidentShowCommand(register, id, options, output, { now: deps.now }));
    });

  incident
    .command('draft')
    .summary('write the drafts for one incident (Markdown, HTML, Word) and the breach register (CSV, XLSX)')
    .description(
      'Write into a folder every draft for one incident, each in Markdown, HTML and Word: the notification to the supervisory authority (Art 33(3)), the notice to the people affected (Art 34(2)) and the US Notice of Data Breach; and the breach register of every incident (Art 33(5)) as CSV and XLSX. The files appear all at once; drafts are written from the workspace beside the register (or --workspace).',
    )
    .argument('<register>', 'the incident register (<name>.incidents.candor.json)')
    .argument('<id>', 'the incident id (see "candor incident list")')
    .requiredOption('-o, --out <dir>', 'the folder to write into (created if needed)')
    .option('--workspace <file>', 'the workspace, when it is not <name>.candor.json beside the register')
    .addHelpText('after', examples([EXAMPLES.incident[3]]))
    .action(async (register: string, id: string, options: { out: string; workspace?: string }) => {
      const { incidentDraftCommand } = await import('./incident');
      setExitCode(await incidentDraftCommand(register, id, options, output, { now: deps.now }));
    });

  program
    .command('build')
    .summary('write the notices, in-app texts, store disclosures and record of processing')
    .description(
      'Build every document and text from a workspace into a folder (the outputs are listed below). An invalid workspace or a broken template writes nothing; the files appear all at once. When the review (candor lint) finds an error, nothing is written and each error is listed as field path: message (exit 1): the documents would state something known to be wrong. Fix the errors, or pass --allow-errors to write anyway. Warnings never stop a build.',
    )
    .argument('<workspace>', 'the workspace file (*.candor.json)')
    .requiredOption('-o, --out <dir>', 'the folder to write into (created if needed)')
    .option('--only <ids>', `comma-separated outputs to build: ${BUILD_GROUP_IDS.join(', ')}`, parseOnlyOption)
    .option('--allow-errors', 'write even when the review finds errors, printing each as a warning')
    .addHelpText('after', `${buildHelp()}\n${examples(EXAMPLES.build)}`)
    .action(async (workspace: string, options: { out: string; only?: BuildGroup[]; allowErrors?: boolean }) => {
      const { buildCommand } = await import('./build');
      setExitCode(await buildCommand(workspace, options, output));
    });

  program
    .command('export')
    .summary('write one store disclosure, record of processing or interchange file')
    .description(
      'Write one file from a workspace: a store disclosure, the record of processing or an interchange file (the kinds are listed below). The file is replaced atomically; an invalid workspace writes nothing. When the review (candor lint) finds an error, a store disclosure or record of processing is not written and each error is listed as field path: message (exit 1); pass --allow-errors to write it anyway. The interchange files (inventory-csv, fideslang) are written whatever the review says, since they are how a workspace is edited elsewhere.',
    )
    .addArgument(new Argument('<kind>', 'what to write (see Kinds below)').choices(EXPORT_KINDS))
    .argument('<workspace>', 'the workspace file (*.candor.json)')
    .requiredOption('-o, --out <file>', 'the file to write (replaced if it exists)')
    .option('--allow-errors', 'write even when the review finds errors, printing each as a warning')
    .addHelpText('after', exportHelp())
    .action(async (kind: ExportKind, workspace: string, options: { out: string; allowErrors?: boolean }) =>
      setExitCode(await exportCommand(kind, workspace, options, output)),
    );

  program
    .command('import')
    .summary('bring an inventory CSV or a fideslang file into a workspace')
    .description(
      'Import an inventory CSV (rows create or update data types, matched by id) or a fideslang system or dataset (.yml, .yaml: its declarations or fields become new data types, each noting where it came from) into a workspace. Prints one line per row or suggestion with its problems (line and column), then what changed. Rows with problems are left out and the others imported; a problem with the file itself stops the whole import. The workspace is saved as Candor saves it: validated, canonical, atomically, with a backup of the previous version; it is refused while Candor has it open.',
    )
    .argument('<file>', 'the file to import: *.csv (inventory), *.yml or *.yaml (fideslang)')
    .requiredOption('--into <workspace>', 'the workspace file to import into (*.candor.json)')
    .option('--dry-run', 'only print what would change; write nothing (exit 1 if any row has problems)')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes:',
        '  0  everything was imported (with --dry-run: would be)',
        '  1  the workspace is invalid, or rows or parts of the file have problems (without --dry-run the others are imported)',
        '  2  a file cannot be read, the workspace is open in Candor, or the command line is wrong',
        examples([
          'candor export inventory-csv ridgeline.candor.json -o inventory.csv   # edit it in a spreadsheet, then:',
          'candor import inventory.csv --into ridgeline.candor.json --dry-run',
          'candor import inventory.csv --into ridgeline.candor.json',
          'candor import fides/system.yml --into ridgeline.candor.json',
        ]),
      ].join('\n'),
    )
    .action(async (file: string, options: { into: string; dryRun?: boolean }) => {
      // The session, its lock and the parsers load only for `import`.
      const { importCommand } = await import('./import');
      setExitCode(await importCommand(file, { into: options.into, dryRun: options.dryRun }, output));
    });

  program
    .command('serve')
    .summary('open a workspace in your browser (local web mode)')
    .description(
      'Start the local web mode on 127.0.0.1 and print the address to open, with its access token. Opens the given workspace, or with --example (or no workspace) a copy of the sample in the data folder. Stop it with Ctrl+C.',
    )
    .argument('[workspace]', 'the workspace file to open (*.candor.json)')
    .option('-p, --port <number>', 'port to listen on; 0 picks a free one', parsePort, 0)
    .option('--example', 'open a copy of the sample workspace')
    .option('--open', 'also open the link in the default web browser')
    .option(
      '--root <folder>',
      "the folder the app may read and write files in (opening, exporting, importing); the workspace's folder by default",
    )
    .addHelpText('after', examples(EXAMPLES.serve))
    .action(async (workspace: string | undefined, options: { port: number; example?: boolean; open?: boolean; root?: string }) => {
      // The server, the session and their libraries load only for `serve`, so the checking
      // commands start quickly.
      const { serveCommand } = await import('./serve');
      setExitCode(await serveCommand(workspace, options, output, deps.serve()));
    });

  return program;
}

/** Runs the command line on `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], output: Output, deps: CliDependencies): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(output, deps, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every usage error exits 2, as the help says.
      return error.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    output.err(unexpectedErrorLine(error, `running "candor ${argv.join(' ')}"`));
    return EXIT_ERROR;
  }
}
