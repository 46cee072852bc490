/**
 * Keeps the last `limit` characters of a child's output, so a chatty or runaway child cannot
 * exhaust dmct's memory; `text()` says how much was dropped.
 */
export class BoundedText {
  private chunks: string[] = [];
  private length = 0;
  private dropped = 0;

  constructor(private readonly limit: number) {}

  append(chunk: string): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    while (this.length > this.limit && this.chunks.length > 0) {
      const first = this.chunks[0] ?? '';
      const excess = this.length - this.limit;
      if (first.length <= excess) {
        this.chunks.shift();
        this.length -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.slice(excess);
        this.length -= excess;
        this.dropped += excess;
      }
    }
  }

  text(): string {
    const body = this.chunks.join('');
    return this.dropped > 0 ? `…(${this.dropped} characters dropped)…${body}` : body;
  }
}
