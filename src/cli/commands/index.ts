import type { CommandModule } from 'yargs';

/** Every top-level `dmct` command. Each module owns one command and its sub-commands. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [];
