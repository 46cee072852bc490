import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commands } from './commands/index.js';
import { installPrecompiledValidators } from '../build/precompiled-validators.js';
import { EXIT, UsageError } from './errors.js';
import { DMCT_VERSION } from '../package-root.js';

installPrecompiledValidators();

/** Prints a user error as one line and exits 2; anything else is a dmct bug and keeps its stack. */
function reportError(err: unknown): void {
  if (err instanceof UsageError) {
    process.stderr.write(`dmct: ${err.message}\n`);
  } else {
    process.stderr.write(`dmct: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exitCode = EXIT.usage;
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
  .help()
  .wrap(Math.min(110, process.stdout.columns ?? 110))
  .fail((message, err) => {
    throw err ?? new UsageError(message.replace(/\s*\n\s*/g, ' ').trim());
  });
for (const command of commands) cli.command(command);

try {
  await cli.parseAsync();
} catch (err) {
  reportError(err);
}
