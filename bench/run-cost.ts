import { performance } from 'node:perf_hooks';

/**
 * What a measured stretch cost this process: CPU time against wall time, and how busy the event
 * loop was. On a shared machine the wall-clock rates follow the load average; CPU per operation
 * does not (much), and an event-loop utilisation near 1 says the loop never sat waiting (no fixed
 * wait, timer or poll between exchanges: every millisecond was work or the CPU taken by others).
 */
export interface RunCost {
  wallMs: number;
  cpuMs: number;
  /** cpuMs / wallMs: the share of one core this process got (above 1 with libuv and GC threads). */
  cpuShare: number;
  /** performance.eventLoopUtilization() over the stretch, 0…1. */
  eventLoopUtilisation: number;
}

/** Runs `work` and measures what it cost (see RunCost). */
export async function withRunCost<T>(work: () => Promise<T>): Promise<{ value: T; cost: RunCost }> {
  const cpuBefore = process.cpuUsage();
  const loopBefore = performance.eventLoopUtilization();
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;
  return {
    value,
    cost: {
      wallMs: Math.round(wallMs),
      cpuMs: Math.round(cpuMs),
      cpuShare: round(wallMs === 0 ? 0 : cpuMs / wallMs, 2),
      eventLoopUtilisation: round(performance.eventLoopUtilization(loopBefore).utilization, 3),
    },
  };
}

/** CPU microseconds per operation of a measured stretch (0 when there was none). */
export function cpuMicrosPer(cost: RunCost, operations: number): number {
  return operations === 0 ? 0 : Math.round((cost.cpuMs * 1000) / operations);
}
