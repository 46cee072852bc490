import { assignParameters, commandSpec } from '../../protocol/commands/command-table.js';
import type { MultipartDataPartInput } from '../../protocol/http/multipart.js';
import type { CommandStatus } from '../../protocol/schemas/package3.schema.js';
import { COMMAND_HANDLERS, type CommandOutcome } from './commands/index.js';
import { refuse } from './commands/outcome.js';
import type { SessionRecord } from './schemas/client-state.schema.js';
import type { ClientServices, SessionContext } from './services.js';
import { deliverSubscription } from './sub-delivery.js';

/** What running one Package#2 gave: the statuses in package order, GET data parts, and END. */
export interface Package2Result {
  statuses: CommandStatus[];
  parts: MultipartDataPartInput[];
  sawEnd: boolean;
}

/** The outcome reported as 202 Accepted whatever happened; App F attaches data to 200 statuses only, so a part goes. */
function accepted(outcome: CommandOutcome): CommandOutcome {
  const { part: _dropped, ...rest } = outcome;
  return { ...rest, status: 202 };
}

function isCommandEntry(entry: unknown): entry is [string, ...string[]] {
  return Array.isArray(entry) && entry.length > 0 && entry.every((item) => typeof item === 'string');
}

async function runOne(entry: unknown, index: number, services: ClientServices, session: SessionContext): Promise<CommandOutcome | 'END'> {
  if (!isCommandEntry(entry)) return refuse(400, 'a command must be a non-empty array of strings');
  const [name, ...params] = entry;
  if (name === 'END') return 'END';
  const spec = commandSpec(name);
  if (!spec || spec.name === 'END') return refuse(501, `unknown command ${JSON.stringify(name)}`);
  if (!assignParameters(spec, params)) return refuse(400, `${name} takes other parameters than ${params.length}`);
  if (services.faults.has('skip-command') && index === 1) return { status: 200 };
  try {
    const outcome = await COMMAND_HANDLERS[spec.name](params, services, session);
    if (services.faults.has('async-for-sync-command') && spec.name !== 'EXEC' && outcome.status === 200) {
      return accepted(outcome);
    }
    return outcome;
  } catch (error) {
    return refuse(500, `internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Runs the commands of a Package#2 one after the other, in list order (section 5.2.3), each to
 * completion before the next; after each, changes under a SUB are sent (section 5.3.11). END
 * (anywhere) means every command still runs and no Package#3 follows (section 5.3.9). A command
 * that is not an array of strings, or has the wrong number of parameters, gets 400; an unknown
 * name 501 (App C). Nothing a server sends makes this throw.
 */
export async function runPackage2(
  entries: readonly unknown[],
  packageNumber: number,
  services: ClientServices,
  session: SessionContext,
  record: SessionRecord,
): Promise<Package2Result> {
  const order = entries.map((_, i) => i);
  if (services.faults.has('commands-out-of-order')) order.reverse();
  const outcomes = new Map<number, CommandOutcome>();
  let sawEnd = false;
  for (const index of order) {
    const outcome = await runOne(entries[index], index, services, session);
    const entry = entries[index];
    const command = Array.isArray(entry) ? [...(entry as unknown[])] : [entry];
    if (outcome === 'END') {
      sawEnd = true;
      services.state.recordCommand(record, { package: packageNumber, index, command });
      continue;
    }
    outcomes.set(index, services.faults.has('every-status-202') ? accepted(outcome) : outcome);
    services.state.recordCommand(record, {
      package: packageNumber,
      index,
      command,
      status: outcome.status,
      ...(outcome.uris ? { uris: outcome.uris } : {}),
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
    });
    await services.subscriptions.flush((subscription, locations) => deliverSubscription(services, subscription, locations));
  }
  const statuses: CommandStatus[] = [];
  const parts: MultipartDataPartInput[] = [];
  for (const index of entries.keys()) {
    const outcome = outcomes.get(index);
    if (!outcome) continue;
    if (outcome.part) parts.push({ index: statuses.length, mediaType: outcome.part.mediaType, body: outcome.part.body });
    statuses.push(outcome.uris ? { sc: outcome.status, URI: outcome.uris } : { sc: outcome.status });
  }
  return { statuses, parts, sawEnd };
}
