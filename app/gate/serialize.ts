/**
 * Deliveries for one pull request run one at a time in this process. The checklist comment is the
 * gate's only store and is updated read-modify-write, so two concurrent deliveries for the same PR could
 * otherwise each read the same state and the later write would drop the earlier one's tick.
 * (Several App instances behind a load balancer need sticky routing by PR for the same guarantee.)
 */
export class PerKeyQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string | null, task: () => Promise<T>): Promise<T> {
    if (key === null) return task();
    const previous = this.tails.get(key) ?? Promise.resolve();
    // Run after the previous task whatever its outcome; a failure must not block the PR's queue.
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}

/** The pull request a delivery is about, as `<repository id>#<number>`, or null when it names none. */
export function pullKeyOf(payload: unknown): string | null {
  const p = payload as {
    repository?: { id?: unknown };
    pull_request?: { number?: unknown };
    issue?: { number?: unknown };
    check_run?: { pull_requests?: Array<{ number?: unknown }> };
  };
  const repo = p.repository?.id;
  const number = p.pull_request?.number ?? p.issue?.number ?? p.check_run?.pull_requests?.[0]?.number;
  if (typeof repo !== "number" || typeof number !== "number") return null;
  return `${repo}#${number}`;
}
