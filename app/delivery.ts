import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Delivery bookkeeping: locks and delivery-id deduplication, behind interfaces with two
 * implementations: this process only (below), and Redis for several instances (`app/redis-locks.ts`,
 * `app/redis-delivery-log.ts`, chosen by `REDIS_URL` in `app/redis.ts`).
 *
 * Locks. A pull request's deliveries run one at a time, and so do writes to one commit's check run
 * (it holds the record of every PR whose head that commit is). A task names its keys up front and takes
 * them all, in sorted order, so two tasks never wait on each other in a cycle. A task that discovers it
 * needs another key (the PR's live head was not in the payload) throws `NeedLocks`, and runs again
 * holding the larger set.
 *
 * Leases. A shared lock is a lease that can run out while its holder is paused or cut off from the
 * store, and GitHub cannot check a fencing token on our writes. So every write the App makes asks the
 * lease of the task it runs in first (`checkLease`, called by `app/fenced-port.ts`): a holder whose
 * lease was taken over is stopped before its next write, and its task is run again under a new lease.
 * In one process a lock cannot be lost, and the check costs nothing.
 *
 * Deduplication. GitHub keeps the `X-GitHub-Delivery` id when it redelivers. A delivery that completed
 * is not run again; one still running is waited for; one that failed (or failed closed) runs again.
 */

export interface KeyedLocks {
  /** Run `task` holding every key; inside it, `checkLease()` answers for these keys. */
  withKeys<T>(keys: readonly string[], task: () => Promise<T>): Promise<T>;
}

/** What a task holds while it runs: asked immediately before each write. */
export interface Lease {
  /** Resolves while the task still holds every key (and prolongs the hold); throws `LeaseLost` if not. */
  check(): Promise<void>;
}

/**
 * The task no longer holds (or cannot prove it holds) a key: nothing more may be written. `taken`: another
 * holder has the key, so the task can run again under a new lease; otherwise the store is unreachable.
 */
export class LeaseLost extends Error {
  override name = "LeaseLost";
  constructor(
    message: string,
    readonly taken: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The shared store (Redis) did not answer: the delivery is not processed, and is answered with an error. */
export class StoreUnavailable extends Error {
  override name = "StoreUnavailable";
}

const leases = new AsyncLocalStorage<Lease>();

/** Run `task` with `lease` as the one `checkLease()` answers for (the innermost wins). */
export function runWithLease<T>(lease: Lease, task: () => Promise<T>): Promise<T> {
  return leases.run(lease, task);
}

/** Check the lease of the running task, if it holds one (a write outside any lock has nothing to fence). */
export async function checkLease(): Promise<void> {
  await leases.getStore()?.check();
}

export class NeedLocks extends Error {
  override name = "NeedLocks";
  constructor(readonly keys: readonly string[]) {
    super(`needs the locks ${keys.join(", ")}`);
  }
}

/** In-process locks: a FIFO chain per key. */
export class LocalLocks implements KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  private async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }

  async withKeys<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const releases: Array<() => void> = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await this.acquire(key));
      return await task();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  /** Keys held or waited for (tests). */
  get size(): number {
    return this.tails.size;
  }
}

/**
 * Run `task` holding `keys`; when it asks for more, run it again holding the union; when its lease was
 * taken over (it was paused past the lease), run it again under a new one. Both bounded.
 */
export async function withGrowingLocks<T>(
  locks: KeyedLocks,
  keys: readonly string[],
  task: (held: ReadonlySet<string>) => Promise<T>,
): Promise<T> {
  let held = new Set(keys);
  for (let attempt = 0; ; attempt++) {
    try {
      const now = held;
      return await locks.withKeys([...now], () => task(now));
    } catch (e) {
      const again = e instanceof NeedLocks || (e instanceof LeaseLost && e.taken);
      if (!again || attempt >= 3) throw e;
      if (e instanceof NeedLocks) held = new Set([...held, ...e.keys]);
    }
  }
}

export type DeliveryOutcome = "done" | "retry";

export interface DeliveryLog {
  /** Run `handle` unless this delivery id already completed; concurrent duplicates wait for the first. */
  once(id: string, handle: () => Promise<DeliveryOutcome>): Promise<"handled" | "duplicate">;
}

/** In-memory delivery log (the newest `capacity` ids). */
export class LocalDeliveryLog implements DeliveryLog {
  private readonly seen = new Map<string, Promise<DeliveryOutcome>>();
  constructor(private readonly capacity = 10_000) {}

  async once(id: string, handle: () => Promise<DeliveryOutcome>): Promise<"handled" | "duplicate"> {
    const earlier = this.seen.get(id);
    if (earlier) {
      const outcome = await earlier.catch((): DeliveryOutcome => "retry");
      if (outcome === "done") return "duplicate";
    }
    const run = handle();
    this.seen.delete(id);
    this.seen.set(id, run);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value!);
    try {
      await run;
    } catch (e) {
      if (this.seen.get(id) === run) this.seen.delete(id);
      throw e;
    }
    return "handled";
  }
}
