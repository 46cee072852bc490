import { existsSync, writeFileSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { buildClaimsTemplate, DEFAULT_EDITION, loadEdition, ROLES, type ScrRole } from '../../scr/index.js';
import { EXIT, UsageError } from '../errors.js';
import { withScrInputErrors } from './scr.js';
import { COMMAND_CATALOG } from './catalog.js';
import { checkOutputFile } from '../output-paths.js';

interface InitArgs {
  role: ScrRole;
  out?: string;
  edition: string;
  force: boolean;
}

const init: CommandModule<object, InitArgs> = {
  command: 'init',
  describe: 'write a complete claims template (ICS + IXIT) for a client or server under test',
  builder: (yargs: Argv) =>
    yargs
      .option('role', { choices: ROLES, demandOption: true, describe: 'the role of the implementation under test' })
      .option('out', { type: 'string', describe: 'file to write (default: standard output)' })
      .option('edition', { type: 'string', default: DEFAULT_EDITION, describe: 'SCR table edition whose items the template lists' })
      .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing --out file' }) as unknown as Argv<InitArgs>,
  handler: (argv) =>
    withScrInputErrors(() => {
      const text = `${JSON.stringify(buildClaimsTemplate(loadEdition(argv.edition), argv.role), null, 2)}\n`;
      if (argv.out === undefined) {
        process.stdout.write(text);
      } else {
        if (existsSync(argv.out) && !argv.force) throw new UsageError(`${argv.out}: already exists (use --force to overwrite)`);
        checkOutputFile('--out', argv.out);
        writeFileSync(argv.out, text);
        process.stderr.write(`wrote ${argv.out}\n`);
      }
      process.exitCode = EXIT.ok;
    }),
};

/** `dmct claims init`: the claims file (ICS/IXIT) vendors fill in. */
export const claimsCommand: CommandModule<object, object> = {
  ...COMMAND_CATALOG.claims,
  builder: (yargs: Argv) => yargs.command(init).demandCommand(1, 'name a claims command: init') as unknown as Argv<object>,
  handler: () => undefined,
};
