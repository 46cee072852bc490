import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commands } from './commands/index.js';
import { installPrecompiledValidators } from '../build/precompiled-validators.js';
import { EXIT, UsageError } from './errors.js';
import { DMCT_VERSION } from '../package-root.js';
import { fileSystemProblem } from './output-paths.js';

installPrecompiledValidators();

/**
 * Prints a user error (or a file system error on a path the user named) as one line and exits 2;
 * anything else is a dmct bug and keeps its stack.
 */
function reportError(err: unknown): void {
  const fileProblem = fileSystemProblem(err);
  if (err instanceof UsageError || (err instanceof Error && err.name === 'YError')) {
    // YError: yargs' own validation, which some paths (async command builders) throw past .fail().
    process.stderr.write(`dmct: ${err.message.replace(/\s*\n\s*/g, ' ').trim()}\n`);
  } else if (fileProblem !== undefined) {
    process.stderr.write(`dmct: ${fileProblem}\n`);
  } else {
    process.stderr.write(`dmct: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exitCode = EXIT.usage;
}

/** The text given for `--flag` on the command line (`--flag value` or `--flag=value`). */
function rawValue(flag: string, args: readonly string[]): string | undefined {
  for (const [index, arg] of args.entries()) {
    if (arg.startsWith(`--${flag}=`)) return arg.slice(flag.length + 3);
    if (arg === `--${flag}`) return args[index + 1];
  }
  return undefined;
}

/** A number option given something that is not a number (yargs makes it NaN): name the option and what was given. */
function rejectNotANumber(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (typeof value === 'number' && Number.isNaN(value) && !/[A-Z]/.test(key)) {
      const given = rawValue(key, hideBin(process.argv));
      throw new UsageError(`--${key} ${given === undefined ? '(no value)' : JSON.stringify(given)}: expected a number`);
    }
  }
}

// `dmct … | head` closes the pipe early; that is the reader's choice, not an error of dmct.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const cli = yargs(hideBin(process.argv))
  .scriptName('dmct')
  .usage('$0 <command> [options]\n\nConformance test harness and SCR checker for OMA DM 2.0.')
  .strict()
  .demandCommand(1, 'name a command (see dmct --help)')
  .recommendCommands()
  .version(DMCT_VERSION)
  .alias('version', 'v')
  .help()
  .alias('help', 'h')
  .middleware(rejectNotANumber, true)
  .wrap(Math.min(110, process.stdout.columns ?? 110))
  .fail((message, err) => {
    // yargs' own validation errors (YError) are usage errors too; other errors come from a command.
    if (err !== undefined && err !== null && err.name !== 'YError') throw err;
    throw new UsageError((message ?? err?.message ?? 'invalid command line').replace(/\s*\n\s*/g, ' ').trim());
  });
for (const command of commands) cli.command(command);

try {
  await cli.parseAsync();
} catch (err) {
  reportError(err);
}
