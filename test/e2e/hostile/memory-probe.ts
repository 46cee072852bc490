/** Samples `process.memoryUsage().rss` every `everyMs` and keeps the peak, until stopped. */
export function startMemoryProbe(everyMs = 20): { peakMiB(): number; stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  timer.unref();
  const peakMiB = (): number => Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
  return {
    peakMiB,
    stop: () => {
      clearInterval(timer);
      return peakMiB();
    },
  };
}
