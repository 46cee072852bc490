import type { CommandModule } from 'yargs';
import { simAdminCommand } from './sim/admin.js';
import { simClientCommand } from './sim/client.js';
import { simFaultsCommand } from './sim/faults.js';
import { simServerCommand } from './sim/server.js';
import { COMMAND_CATALOG } from './catalog.js';

/** `dmct sim`: the reference peers (the embedded default targets) and their fault switches. */
export const simCommand: CommandModule = {
  ...COMMAND_CATALOG.sim,
  builder: (yargs) =>
    yargs
      .command(simServerCommand)
      .command(simClientCommand)
      .command(simAdminCommand)
      .command(simFaultsCommand)
      .demandCommand(1, 'name a sim command: server, client, admin or faults'),
  handler: () => {},
};
