/**
 * Failed-login limiter: at most `max` failures per key (an IP address, a user name) within a
 * sliding window. In memory, per server process; bounded in size. The clock is injected.
 */
export interface LimiterOptions {
  /** Failures allowed within the window (default 5). */
  max?: number;
  /** Window length in ms (default 15 minutes). */
  windowMs?: number;
  /** Keys kept at most (default 10,000); the stalest are dropped first. */
  maxKeys?: number;
  now?: () => number;
}

export class FailureLimiter {
  readonly max: number;
  readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private readonly failures = new Map<string, number[]>();

  constructor(options: LimiterOptions = {}) {
    this.max = options.max ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before `key` may try again; 0 when it may try now. */
  retryAfter(key: string): number {
    const now = this.now();
    const list = this.recent(key, now);
    if (list.length < this.max) return 0;
    const oldest = list[list.length - this.max];
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  fail(key: string): void {
    const now = this.now();
    const list = this.recent(key, now);
    list.push(now);
    this.failures.delete(key); // re-insert: Map order = staleness order
    this.failures.set(key, list);
    while (this.failures.size > this.maxKeys) {
      const stalest = this.failures.keys().next().value as string;
      this.failures.delete(stalest);
    }
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
