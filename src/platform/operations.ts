// The operations running right now (pure: no vscode, unit-tested). Every command and every save runs as one
// operation: its AbortController (Cancel in its progress notification, or a sign-out, aborts it), the items it
// writes (a second write on a busy item is refused), the vault hosts it talks to (the data layer's waits are shown
// in its progress as a countdown), and what its progress said (the e2e suite reads that). `run` makes the
// operation current for everything it awaits (AsyncLocalStorage, owned by this instance, not by the module).
import { AsyncLocalStorage } from 'node:async_hooks';

/** Why an operation was stopped by the extension (not by the user). */
export type StopReason = 'signedOut' | 'settingsChanged';

/** One wait of the data layer (a throttled request's Retry-After or backoff, a transient retry's backoff). */
export interface WaitNotice {
  readonly host: string;
  readonly reason: 'throttled' | 'retry';
  readonly delayMs: number;
  /** What the service asked for (Retry-After), before the cap. */
  readonly requestedMs?: number;
  /** The request's signal, when the data layer knows it. */
  readonly abortSignal?: AbortSignal;
}

interface Disposable {
  dispose(): void;
}

/** A second write on an item while another operation writes it. */
export class ItemBusyError extends Error {
  constructor(
    message: string,
    readonly item: string,
    readonly holder: string,
  ) {
    super(message);
    this.name = 'ItemBusyError';
  }
}

/** The lock key of an object: vault (origin) + kind + name, case-insensitive like the service. */
export function itemKey(vaultUrl: string, kind: string, name: string): string {
  let origin = vaultUrl.toLowerCase();
  try {
    origin = new URL(vaultUrl).origin.toLowerCase();
  } catch {
    // not a URL: the text itself
  }
  return `${origin}|${kind}|${name.toLowerCase()}`;
}

/** The host a vault URL is reached at (lower case, with its port when it has one). */
export function hostOf(vaultUrl: string): string {
  try {
    return new URL(vaultUrl).host.toLowerCase();
  } catch {
    return vaultUrl.toLowerCase();
  }
}

export class Operation {
  private readonly controller = new AbortController();
  /** Aborted by Cancel, by a sign-out, or when the operation that started it is aborted. */
  readonly signal: AbortSignal = this.controller.signal;
  private stopped: StopReason | undefined;
  private readonly vaultNames = new Map<string, string>();
  private readonly waitListeners = new Set<(notice: WaitNotice) => void>();
  private progressCount = 0;

  constructor(
    readonly id: number,
    /** What the user started, in their words ("Rotate Key Now", "Saving db-password"). */
    readonly title: string,
    readonly parent: Operation | undefined,
    private readonly onReport: (operation: Operation, message: string) => void,
  ) {
    parent?.signal.addEventListener('abort', () => this.controller.abort(), { once: true });
  }

  /** Set when the extension stopped it (sign-out, cloud settings changed). */
  get stopReason(): StopReason | undefined {
    return this.stopped ?? this.parent?.stopReason;
  }

  /** The user cancelled (progress notification, editor save). */
  cancel(): void {
    this.controller.abort();
  }

  stop(reason: StopReason): void {
    if (this.signal.aborted) return;
    this.stopped = reason;
    this.controller.abort();
  }

  /** Vault hosts it talks to (a wait of the data layer that carries no signal is matched by host). */
  get hosts(): string[] {
    return [...this.vaultNames.keys()];
  }

  /** A vault it talks to (its waits are matched by host, and named by the vault's name). */
  addVault(vaultUrl: string, name?: string): void {
    const host = hostOf(vaultUrl);
    this.vaultNames.set(host, name ?? this.vaultNames.get(host) ?? host.split('.')[0] ?? host);
  }

  /** The name of the vault at `host`, when it talks to it. */
  vaultName(host: string): string | undefined {
    return this.vaultNames.get(host.toLowerCase());
  }

  /** Whether a progress notification shows this operation now. */
  get hasProgress(): boolean {
    return this.progressCount > 0;
  }

  /** Marks a progress notification as showing it, until the returned disposable is disposed. */
  showingProgress(): Disposable {
    this.progressCount++;
    let done = false;
    return {
      dispose: () => {
        if (done) return;
        done = true;
        this.progressCount--;
      },
    };
  }

  /** What its progress notification says (also seen by `Operations.onDidReport`). */
  report(message: string): void {
    this.onReport(this, message);
  }

  onDidWait(listener: (notice: WaitNotice) => void): Disposable {
    this.waitListeners.add(listener);
    return { dispose: () => void this.waitListeners.delete(listener) };
  }

  /** Called by Operations for each wait of the data layer that belongs to this operation. */
  waited(notice: WaitNotice): void {
    for (const listener of [...this.waitListeners]) listener(notice);
  }

  /** Whether this is `other`, or runs inside it. */
  isWithin(other: Operation): boolean {
    return other === this || (this.parent?.isWithin(other) ?? false);
  }
}

export interface OperationSpec {
  readonly title: string;
  /** Item keys (`itemKey`) it writes, locked for its whole run. */
  readonly items?: readonly { readonly key: string; readonly name: string }[];
}

/** The registry: running operations, the item locks, sign-out stops, and the data layer's waits routed to them. */
export class Operations {
  private readonly running = new Set<Operation>();
  private readonly locks = new Map<string, Operation>();
  private readonly context = new AsyncLocalStorage<Operation>();
  private readonly reportListeners = new Set<(e: { readonly operation: Operation; readonly message: string }) => void>();
  private nextId = 1;

  constructor(private readonly busyMessage: (name: string, holder: string) => string) {}

  /** The operation the caller runs in (undefined outside any). */
  current(): Operation | undefined {
    return this.context.getStore();
  }

  /**
   * Runs `task` as a new operation (inside the current one, if any: a stop of the outer one stops it too). Its
   * items are locked first: a busy item refuses the whole operation with an ItemBusyError before anything runs.
   */
  async run<T>(spec: OperationSpec, task: (operation: Operation) => Promise<T>): Promise<T> {
    const current = this.current();
    const parent = current && this.running.has(current) ? current : undefined;
    const operation = new Operation(this.nextId++, spec.title, parent, (op, message) => this.fireReport(op, message));
    const claimed: string[] = [];
    try {
      for (const item of spec.items ?? []) if (this.claimFor(operation, item.key, item.name)) claimed.push(item.key);
    } catch (error) {
      for (const key of claimed) this.locks.delete(key);
      throw error;
    }
    this.running.add(operation);
    try {
      return await this.context.run(operation, () => task(operation));
    } finally {
      this.running.delete(operation);
      for (const [key, holder] of [...this.locks]) if (holder === operation) this.locks.delete(key);
    }
  }

  /** Locks `key` for `operation` (until it ends); refused when another operation holds it. */
  claim(operation: Operation, key: string, name: string): void {
    this.claimFor(operation, key, name);
  }

  /** Which operation holds `key`, if any. */
  holder(key: string): Operation | undefined {
    return this.locks.get(key);
  }

  /** Every running operation (outermost first). */
  list(): Operation[] {
    return [...this.running];
  }

  /** Stops every running operation; returns those it stopped. */
  stopAll(reason: StopReason): Operation[] {
    const stopped = [...this.running].filter((op) => !op.signal.aborted);
    for (const op of stopped) op.stop(reason);
    return stopped;
  }

  /**
   * A wait of the data layer: to the operations whose signal it carries, else to those talking to its host (the
   * innermost ones: an outer operation does not show a wait its inner operation shows).
   */
  waited(notice: WaitNotice): void {
    const running = [...this.running];
    let targets = notice.abortSignal ? running.filter((op) => op.signal === notice.abortSignal) : [];
    if (targets.length === 0) {
      const host = notice.host.toLowerCase();
      targets = running.filter((op) => op.hosts.includes(host));
      targets = targets.filter((op) => !targets.some((other) => other !== op && other.isWithin(op)));
    }
    for (const op of targets) op.waited(notice);
  }

  /** What progress notifications said, as they said it (tests and the log). */
  onDidReport(listener: (e: { readonly operation: Operation; readonly message: string }) => void): Disposable {
    this.reportListeners.add(listener);
    return { dispose: () => void this.reportListeners.delete(listener) };
  }

  private fireReport(operation: Operation, message: string): void {
    for (const listener of [...this.reportListeners]) listener({ operation, message });
  }

  /** True when newly claimed; false when `operation` (or one it runs inside) already holds it. */
  private claimFor(operation: Operation, key: string, name: string): boolean {
    const holder = this.locks.get(key);
    if (holder === operation) return false;
    if (holder) {
      if (operation.isWithin(holder)) return false;
      // Held until the holder has ended, even once aborted: a request it sent may still be under way.
      throw new ItemBusyError(this.busyMessage(name, holder.title), key, holder.title);
    }
    this.locks.set(key, operation);
    return true;
  }
}
