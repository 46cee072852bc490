import type { CommandModule } from 'yargs';
import { notifyCommand } from './notify.js';
import { packagesCommand } from './packages.js';
import { claimsCommand } from './claims.js';
import { scrCommand } from './scr.js';
import { reportCommand } from './report.js';
import { simCommand } from './sim.js';
import { runCommand } from './run.js';
import { loadCommand } from './load.js';

/** Every top-level `dmct` command. Each module owns one command and its sub-commands. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [runCommand, notifyCommand, packagesCommand, scrCommand, claimsCommand, reportCommand, simCommand, loadCommand];
