// Copying secret values to the clipboard, and clearing them again (pure: no vscode import at run time, so unit
// tests drive it with a fake clipboard and a fake timer).
//
// After a copy, a timer per copy clears the clipboard after `clearSeconds()` (0 = never) — but only if the
// clipboard still holds that value: something the user copied meanwhile is left alone. Only a SHA-256 digest of
// the value is kept while the timer runs, never the value itself. Disposing (deactivation) cancels the timers
// and clears the clipboard once more if it still holds one of the copied values.
import * as l10n from '@vscode/l10n';
import { createHash } from 'node:crypto';

export interface ClipboardLike {
  readText(): PromiseLike<string>;
  writeText(value: string): PromiseLike<void>;
}

export interface TimerLike {
  /** Runs `callback` after `ms`; the returned function cancels it. */
  (callback: () => void, ms: number): () => void;
}

export interface ClipboardLog {
  info(message: string): void;
  warn(message: string): void;
}

interface Pending {
  readonly digest: string;
  readonly cancel: () => void;
  readonly done: Promise<void>;
}

const realTimer: TimerLike = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

function digestOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class SecretClipboard {
  private readonly pending = new Set<Pending>();
  private disposed = false;

  constructor(
    private readonly clipboard: ClipboardLike,
    private readonly clearSeconds: () => number,
    private readonly log: ClipboardLog,
    private readonly timer: TimerLike = realTimer,
  ) {}

  /** Copies a value and schedules its clearing. Resolves to the delay in seconds (0: it is never cleared). */
  async copySecret(value: string, label: string): Promise<number> {
    if (this.disposed) throw new Error(l10n.t('The extension is shutting down.'));
    await this.clipboard.writeText(value);
    const seconds = Math.max(0, this.clearSeconds());
    if (seconds === 0) {
      this.log.info(`copied the value of ${label}; clipboard clearing is off`);
      return 0;
    }
    const digest = digestOf(value);
    let settle: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const entry: Pending = {
      digest,
      done,
      cancel: this.timer(() => {
        this.pending.delete(entry);
        void this.clearIfHolds(digest, label).finally(settle);
      }, seconds * 1000),
    };
    this.pending.add(entry);
    this.log.info(`copied the value of ${label}; clearing the clipboard in ${seconds} s`);
    return seconds;
  }

  /** Copies text that is not secret (identifiers, URIs): nothing to clear. */
  async copyText(text: string): Promise<void> {
    await this.clipboard.writeText(text);
  }

  /** How many clears are scheduled. */
  get scheduled(): number {
    return this.pending.size;
  }

  /** Resolves once every clear scheduled so far has run (tests wait on it instead of on time). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending].map((p) => p.done));
  }

  /** Cancels the timers; clears the clipboard now if it still holds a copied value. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const digests = new Set([...this.pending].map((p) => p.digest));
    for (const p of this.pending) p.cancel();
    this.pending.clear();
    if (digests.size === 0) return;
    try {
      if (digests.has(digestOf(await this.clipboard.readText()))) await this.clipboard.writeText('');
    } catch {
      // Shutting down: nothing more to do.
    }
  }

  private async clearIfHolds(digest: string, label: string): Promise<void> {
    try {
      const current = await this.clipboard.readText();
      if (digestOf(current) !== digest) {
        this.log.info(`clipboard no longer holds the value of ${label}: left alone`);
        return;
      }
      await this.clipboard.writeText('');
      this.log.info(`cleared the value of ${label} from the clipboard`);
    } catch (error) {
      this.log.warn(`could not clear the clipboard: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
