/**
 * The names and one-line descriptions of the top-level `dmct` commands: the only part of a
 * command that `dmct --help` needs, kept apart from the command modules so that start-up loads
 * just the module of the command being run (see index.ts).
 */
export const COMMAND_CATALOG = {
  run: {
    command: 'run',
    describe: 'run the conformance scenarios against a target (default: the embedded reference peers) and write the report',
  },
  notify: { command: 'notify', describe: 'encode, decode and check Package#0 DM Notifications' },
  packages: { command: 'packages', describe: 'validate DM 2.0 packages (#1–#3, MO data, Generic Alerts) and list the DM commands' },
  scr: { command: 'scr', describe: 'SCR tables (Appendix B): list and show items, check a claims file' },
  claims: { command: 'claims', describe: 'claims files (ICS + IXIT): write a template' },
  report: { command: 'report', describe: 'show a saved run, or merge the runs of shards' },
  sim: { command: 'sim', describe: 'run and drive the reference DM server and client, and list their fault switches' },
  judge: {
    command: 'judge <capture>',
    describe: 'judge a captured DM session (HAR) between a real client and a real server, both sides, and write the report',
  },
  monitor: {
    command: 'monitor',
    describe: 'stand between a real DM client and a real DM server: forward unchanged, judge both sides live, write the report',
  },
  matrix: {
    command: 'matrix',
    describe: 'run every DM client against every DM server through the monitor, judge each pair passively, and write the matrix page',
  },
  load: {
    command: 'load',
    describe: 'run simulated devices against a DM server and report sessions/s, latencies and violations per SCR item',
  },
} as const;

export type CommandName = keyof typeof COMMAND_CATALOG;
