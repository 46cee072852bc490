import { HEADERS } from '../../protocol/http/headers.js';
import { MEDIA_TYPES } from '../../protocol/http/media-types.js';
import { buildMultipartPackage3, type MultipartDataPartInput } from '../../protocol/http/multipart.js';
import { buildPackage1 } from '../../protocol/packages/package1.js';
import { buildPackage3 } from '../../protocol/packages/package3.js';
import type { GenericAlert } from '../../protocol/schemas/generic-alert.schema.js';
import type { Package1, SupportedMo } from '../../protocol/schemas/package1.schema.js';
import type { CommandStatus, Package3 } from '../../protocol/schemas/package3.schema.js';
import type { ManagementTree } from '../../protocol/tree/management-tree.js';
import { breaksAlerts, outgoingAlerts } from './alert-queue.js';
import { permits, type DmAccount } from './dm-account.js';
import type { ClientServices } from './services.js';

/** A package POST ready to send. */
export interface PackageRequest {
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/**
 * The MOS array of Package#1 (section 5.2.2): a MOID only when the server was provisioned for it,
 * with the DDF link and the MIIDs of its instances (empty when the client has none yet).
 */
export function supportedMos(tree: ManagementTree, account: DmAccount): SupportedMo[] {
  return tree.moids().flatMap((moid) => {
    const ddf = tree.ddf(moid);
    if (ddf === undefined || !permits(account, moid)) return [];
    return [{ DDF: ddf, MOID: moid, MIID: tree.instancesOf(moid).map((instance) => instance.miid) }];
  });
}

/** OMADM-DevID (section 5.2.2, 5.2.4) and Accept (section 5.5) of every package POST. */
function commonHeaders(services: ClientServices): Record<string, string> {
  return { [HEADERS.accept]: MEDIA_TYPES.package2, [HEADERS.devId]: services.devId };
}

/** Serializes through the protocol builder (which checks dmct's own output), or raw when an alert fault has broken the alerts on purpose. */
function json<T>(pkg: T, build: (pkg: T) => string, raw: boolean): string {
  return raw ? JSON.stringify(pkg) : build(pkg);
}

/**
 * Package#1 (section 5.2.2): the session alert first, then client-initiated alerts, and MOS when
 * asked (REQ-MOS). The Package#1 fault switches act here: `no-mos-after-req-mos`,
 * `package1-wrong-content-type`, `missing-devid`, `wrong-devid`.
 */
export function package1Request(
  services: ClientServices,
  account: DmAccount,
  sessionAlert: GenericAlert,
  clientAlerts: readonly GenericAlert[],
  includeMos: boolean,
): PackageRequest {
  const { faults } = services;
  const alerts = [sessionAlert, ...outgoingAlerts(clientAlerts, faults)] as unknown as Package1['Alert'];
  const pkg: Package1 = {
    ...(includeMos && !faults.has('no-mos-after-req-mos') ? { MOS: supportedMos(services.tree, account) } : {}),
    Alert: alerts,
  };
  const headers: Record<string, string> = {
    ...commonHeaders(services),
    [HEADERS.contentType]: faults.has('package1-wrong-content-type') ? 'application/json' : MEDIA_TYPES.package1,
  };
  if (faults.has('missing-devid')) delete headers[HEADERS.devId];
  if (faults.has('wrong-devid')) headers[HEADERS.devId] = `${services.devId}-other`;
  return { headers, body: json(pkg, buildPackage1, breaksAlerts(faults) && clientAlerts.length > 0) };
}

/**
 * Package#3 (section 5.2.4): one status per command, in order, and the alerts raised since the
 * last package; multipart/form-data when GET data goes along (App F). Returns the alerts it could
 * not carry: when an alert fault switch is on, broken alerts never ride in a multipart body
 * (whose builder checks them) and wait for the next plain package. `status-count-mismatch` acts
 * here.
 */
export function package3Request(
  services: ClientServices,
  statuses: readonly CommandStatus[],
  parts: readonly MultipartDataPartInput[],
  alerts: readonly GenericAlert[],
): PackageRequest & { deferredAlerts: GenericAlert[] } {
  const { faults } = services;
  const status = faults.has('status-count-mismatch') ? statuses.slice(0, -1) : [...statuses];
  const kept = parts.filter((part) => part.index < status.length);
  const defer = kept.length > 0 && breaksAlerts(faults) && alerts.length > 0;
  const carried = defer ? [] : alerts;
  const pkg: Package3 = {
    Status: status,
    ...(carried.length > 0 ? { Alert: outgoingAlerts(carried, faults) as unknown as Package3['Alert'] } : {}),
  };
  const headers = commonHeaders(services);
  if (kept.length > 0) {
    const multipart = buildMultipartPackage3(pkg, kept);
    return {
      headers: { ...headers, [HEADERS.contentType]: multipart.contentType },
      body: multipart.body,
      deferredAlerts: defer ? [...alerts] : [],
    };
  }
  return {
    headers: { ...headers, [HEADERS.contentType]: MEDIA_TYPES.package3 },
    body: json(pkg, buildPackage3, breaksAlerts(faults) && carried.length > 0),
    deferredAlerts: [],
  };
}
