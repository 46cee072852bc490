import chalk from 'chalk';
import type { CommandModule } from 'yargs';
import { allFaults, type FaultRole } from '../../../reference/faults/index.js';
import { EXIT } from '../../errors.js';

interface FaultsArgs {
  role?: FaultRole;
  json: boolean;
}

/** `dmct sim faults`: the fault switches of both reference peers, with the rule each breaks. */
export const simFaultsCommand: CommandModule<object, FaultsArgs> = {
  command: 'faults',
  describe: "list the reference peers' fault switches (mutants) and the rule each breaks",
  builder: (yargs) =>
    yargs
      .option('role', { choices: ['server', 'client'] as const, describe: 'only the switches of this peer' })
      .option('json', { type: 'boolean', default: false, describe: 'print the registry as JSON' }),
  handler: (argv) => {
    const faults = allFaults.filter((fault) => argv.role === undefined || fault.role === argv.role);
    if (argv.json) {
      process.stdout.write(`${JSON.stringify(faults, null, 2)}\n`);
    } else {
      const width = Math.max(...faults.map((fault) => fault.name.length), 4);
      const lines = faults.map(
        (fault) =>
          `${chalk.bold(fault.name.padEnd(width))}  ${fault.role.padEnd(6)}  ${chalk.cyan(fault.breaks)}  §${fault.section.padEnd(8)} ${chalk.dim(fault.description)}\n`,
      );
      process.stdout.write(`${lines.join('')}${faults.length} fault switch${faults.length === 1 ? '' : 'es'}\n`);
    }
    process.exitCode = EXIT.ok;
  },
};
