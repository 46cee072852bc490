import type { CommandName } from '../../../protocol/commands/command-table.js';
import type { ClientServices, SessionContext } from '../services.js';
import { runDelete } from './delete.js';
import { runExec } from './exec.js';
import { runGet } from './get.js';
import { runHget } from './hget.js';
import { runCont, runDefault, runShow } from './navigation.js';
import type { CommandOutcome } from './outcome.js';
import { runSub, runUnsub } from './subscribe.js';
import { runUpload } from './upload.js';

export type { CommandOutcome } from './outcome.js';

type Handler = (params: readonly string[], services: ClientServices, session: SessionContext) => CommandOutcome | Promise<CommandOutcome>;

/** The client's handler of every command that gets a status (section 5.3; END is the runner's). */
export const COMMAND_HANDLERS: Readonly<Record<Exclude<CommandName, 'END'>, Handler>> = {
  HGET: runHget,
  HPUT: (params, services, session) => runUpload('HPUT', params, services, session),
  HPOST: (params, services, session) => runUpload('HPOST', params, services, session),
  DELETE: runDelete,
  EXEC: runExec,
  GET: runGet,
  SHOW: runShow,
  CONT: runCont,
  DEFAULT: runDefault,
  SUB: runSub,
  UNSUB: runUnsub,
};
