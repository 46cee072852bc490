/**
 * `dmct matrix`: every client against every server through the monitor, each pair judged
 * passively, and a matrix page (index.html) rendered from matrix.json.
 */
export { loadPeers, MatrixInputError, MAX_PEERS_PER_ROLE, peerName, type ClaimedPeer } from './peers.js';
export {
  PAIR_FILE,
  PAIR_HAR_FILE,
  pairFolder,
  runPair,
  sideVerdict,
  urlThroughMonitor,
  type PairMonitor,
  type PairMonitorOptions,
  type PairRunOptions,
  type PullTrigger,
  type StartPairMonitor,
} from './pair-runner.js';
export {
  DEFAULT_MAX_PAIRS,
  DEFAULT_PAIR_TIME_MS,
  keptPair,
  MATRIX_FILES,
  MAX_PAIR_TIME_MS,
  MAX_PAIRS_LIMIT,
  matrixOverall,
  pairTimeMs,
  runMatrix,
  schedulePairs,
  type MatrixRunOptions,
} from './run-matrix.js';
export { notifyValues, relayFor, serverInitiationBlocked, sessionSince, type PairRelay } from './server-initiated.js';
export { initiatedText, matrixPageModel, type MatrixCell, type MatrixPageModel, type MatrixRow } from './page-model.js';
export { MATRIX_CONTENT_SECURITY_POLICY, writeMatrixHtml } from './matrix-html.js';
export { matrixSchema, type MatrixIndex, type MatrixPeer, type PairResult, type SideVerdict } from './schemas/matrix.schema.js';
