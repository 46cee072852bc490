import type { GenericAlert } from '../../protocol/schemas/generic-alert.schema.js';
import type { FaultSet } from '../faults/types.js';
import type { ReferenceClientFaultName } from '../faults/client-faults-addressing.js';

/** How many raised alerts wait at most; beyond that the oldest is dropped. */
export const ALERT_QUEUE_LIMIT = 100;

/**
 * Generic Alerts raised on the client (section 5.4) that wait for the next package: the Package#3
 * of the running session, or the Package#1 of the next one ("anytime after the Generic Alert is
 * generated").
 */
export class AlertQueue {
  private readonly alerts: GenericAlert[] = [];

  push(alert: GenericAlert): void {
    this.alerts.push(alert);
    if (this.alerts.length > ALERT_QUEUE_LIMIT) this.alerts.shift();
  }

  /** Takes every waiting alert, in the order raised. */
  take(): GenericAlert[] {
    return this.alerts.splice(0, this.alerts.length);
  }

  /** Puts alerts back at the head, when the package that was to carry them could not take them. */
  putBack(alerts: readonly GenericAlert[]): void {
    this.alerts.unshift(...alerts);
  }

  get size(): number {
    return this.alerts.length;
  }
}

/** True when a fault switch makes client-initiated alerts break section 5.4. */
export function breaksAlerts(faults: FaultSet<ReferenceClientFaultName>): boolean {
  return faults.has('alert-data-without-datatype') || faults.has('alert-bad-mark');
}

/**
 * Client-initiated alerts as they go on the wire. Session alerts are never touched; the alert
 * fault switches act here and nowhere else: `alert-data-without-datatype` drops DataType next to
 * Data, `alert-bad-mark` writes Mark "high" (section 5.4: DataType MUST accompany Data; Mark is
 * one of seven levels).
 */
export function outgoingAlerts(alerts: readonly GenericAlert[], faults: FaultSet<ReferenceClientFaultName>): Record<string, unknown>[] {
  return alerts.map((alert) => {
    const wire: Record<string, unknown> = { ...alert };
    if (faults.has('alert-data-without-datatype') && alert.Data !== undefined) delete wire['DataType'];
    if (faults.has('alert-bad-mark')) wire['Mark'] = 'high';
    return wire;
  });
}
