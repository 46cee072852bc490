import type { ManagementTree } from '../../protocol/tree/management-tree.js';
import { resolveClientUriText } from '../../protocol/tree/resolve.js';
import { setLeafLocally } from '../../protocol/tree/local-update.js';
import type { NodeLocation } from '../../protocol/tree/location.js';
import { MIIDS, MOIDS } from './device-tree.js';

/** What running an executable node gave: the final status (App C) and the result data. */
export interface ExecOutcome {
  status: number;
  /** Data of the Generic Alert that reports the result asynchronously (section 5.4.1). */
  result: Record<string, unknown>;
}

/**
 * The behaviour behind an executable node (section 5.3.5). `completion: 'immediate'` nodes finish
 * within the command; `'later'` nodes finish after a delay and are always reported
 * asynchronously (202, then a Generic Alert: section 5.4.1, the client's choice without ServerURI).
 */
export interface Executable {
  completion: 'immediate' | 'later';
  run(tree: ManagementTree): ExecOutcome;
}

/** AlertType of the sample MO's asynchronous results (an MO-defined type, App D). */
export const SAMPLE_RESULT_ALERT_TYPE = 'urn:dmct:at:sample:1.0:OperationComplete';

/** App C recommends 12xx for application-specific success; DM 1.x used 1200 for it too. */
const RESULT_SUCCESS = 1200;

function increment(tree: ManagementTree, leafName: string): number {
  const found = resolveClientUriText(tree, `${MOIDS.sample}/${MIIDS.sample}/${leafName}`);
  const location = found.ok ? (found.locations[0] as NodeLocation) : undefined;
  const next = typeof location?.node.value === 'number' ? location.node.value + 1 : 1;
  if (location) setLeafLocally(tree, location, next);
  return next;
}

/** The executables of the sample MO, keyed by MOID and path below the instance root. */
const SAMPLE_EXECUTABLES: Record<string, Executable> = {
  Reboot: {
    completion: 'immediate',
    run: (tree) => ({ status: 200, result: { ResultCode: RESULT_SUCCESS, BootCount: increment(tree, 'BootCount') } }),
  },
  Update: {
    completion: 'later',
    run: (tree) => ({ status: 200, result: { ResultCode: RESULT_SUCCESS, UpdateCount: increment(tree, 'UpdateCount') } }),
  },
};

/** The behaviour of an executable node, if the client has one for it (else EXEC → 405). */
export function executableAt(location: NodeLocation): Executable | undefined {
  if (location.instance.moid !== MOIDS.sample || location.path.length !== 1) return undefined;
  return SAMPLE_EXECUTABLES[location.path[0] as string];
}
