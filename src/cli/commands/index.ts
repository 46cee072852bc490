import type { Argv, CommandModule } from 'yargs';
import { COMMAND_CATALOG, type CommandName } from './catalog.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = CommandModule<any, any>;

/** Each command's module, imported only when that command runs (or its help is shown). */
const MODULES: Record<CommandName, () => Promise<AnyCommand>> = {
  run: async () => (await import('./run.js')).runCommand,
  notify: async () => (await import('./notify.js')).notifyCommand,
  packages: async () => (await import('./packages.js')).packagesCommand,
  scr: async () => (await import('./scr.js')).scrCommand,
  claims: async () => (await import('./claims.js')).claimsCommand,
  report: async () => (await import('./report.js')).reportCommand,
  sim: async () => (await import('./sim.js')).simCommand,
  judge: async () => (await import('./judge.js')).judgeCommand,
  monitor: async () => (await import('./monitor.js')).monitorCommand,
  matrix: async () => (await import('./matrix.js')).matrixCommand,
  load: async () => (await import('./load.js')).loadCommand,
};

/**
 * A top-level command whose module loads in its (async) builder, which yargs calls only for the
 * command on the line: start-up pays for one command, not for all of them.
 */
function lazyCommand(name: CommandName): AnyCommand {
  let loaded: AnyCommand | undefined;
  return {
    ...COMMAND_CATALOG[name],
    builder: async (yargs: Argv) => {
      loaded = await MODULES[name]();
      const builder = loaded.builder;
      if (typeof builder === 'function') return builder(yargs);
      return builder === undefined ? yargs : yargs.options(builder);
    },
    handler: async (argv) => {
      if (loaded === undefined) throw new Error(`dmct: the ${name} command ran before its module was loaded`);
      await loaded.handler(argv);
    },
  };
}

/** Every top-level `dmct` command. Each module owns one command and its sub-commands. */
export const commands: AnyCommand[] = (Object.keys(COMMAND_CATALOG) as CommandName[]).map(lazyCommand);
