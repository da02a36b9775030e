// Copying secret values to the clipboard, and clearing them again (pure: no vscode import at run time, so unit
// tests drive it with a fake clipboard and a fake timer).
//
// After a copy, a timer clears the clipboard after `clearSeconds()` (0 = never) — but only if the clipboard still
// holds that value: something the user copied meanwhile is left alone. Each copy owns its timer, and only the
// LATEST copy's timer may clear: a newer copy cancels the older timer (otherwise copying the same value twice would
// let the first timer clear the second copy early — the digest alone cannot tell the two copies apart). Only a
// SHA-256 digest of the value is kept while the timer runs, never the value itself. `dispose` (deactivation: the
// extension's `deactivate` returns its promise, which VS Code awaits) cancels the timer and clears the clipboard
// once more if it still holds the copied value; calling it again returns the same promise.
import * as l10n from '@vscode/l10n';
import { nodeCrypto } from '../azure/nodeCrypto';

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
  /** Which copy this is (copies are numbered as they start): a newer copy replaces an older one. */
  readonly copy: number;
  readonly digest: string;
  readonly cancel: () => void;
  readonly done: Promise<void>;
}

const realTimer: TimerLike = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

function digestOf(text: string): string {
  return nodeCrypto().createHash('sha256').update(text, 'utf8').digest('hex');
}

export class SecretClipboard {
  /** The latest copy's clear, while it is scheduled. */
  private pending: Pending | undefined;
  /** The clear that is running (a timer fired), if any. */
  private clearing: Promise<void> | undefined;
  /** Copies started so far: the number of the latest. */
  private copies = 0;
  private disposing: Promise<void> | undefined;

  constructor(
    private readonly clipboard: ClipboardLike,
    private readonly clearSeconds: () => number,
    private readonly log: ClipboardLog,
    private readonly timer: TimerLike = realTimer,
  ) {}

  /** Copies a value and schedules its clearing. Resolves to the delay in seconds (0: it is never cleared). */
  async copySecret(value: string, label: string): Promise<number> {
    if (this.disposing) throw new Error(l10n.t('The extension is shutting down.'));
    const copy = ++this.copies;
    await this.clipboard.writeText(value);
    const digest = digestOf(value);
    if (this.disposing) {
      // Deactivation began while the value was being written, and may have looked before the write landed.
      await this.clearIfHolds(digest, label, () => true);
      throw new Error(l10n.t('The extension is shutting down.'));
    }
    const seconds = Math.max(0, this.clearSeconds());
    // A copy that started later and has already written owns the clipboard now, and its own clear.
    if (this.pending && this.pending.copy > copy) return seconds;
    this.pending?.cancel();
    this.pending = undefined;
    if (seconds === 0) {
      this.log.info(`copied the value of ${label}; clipboard clearing is off`);
      return 0;
    }
    let settle: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const stop = this.timer(() => {
      // Only the latest copy's own timer clears (a cancelled timer that fires anyway does nothing).
      if (this.pending !== entry) return settle();
      this.pending = undefined;
      this.clearing = this.clearIfHolds(digest, label, () => this.copies === copy).finally(settle);
    }, seconds * 1000);
    const cancel = () => {
      stop();
      settle();
    };
    const entry: Pending = { copy, digest, done, cancel };
    this.pending = entry;
    this.log.info(`copied the value of ${label}; clearing the clipboard in ${seconds} s`);
    return seconds;
  }

  /** Copies text that is not secret (identifiers, URIs): nothing to clear. */
  async copyText(text: string): Promise<void> {
    await this.clipboard.writeText(text);
  }

  /** How many clears are scheduled (0 or 1: only the latest copy's). */
  get scheduled(): number {
    return this.pending ? 1 : 0;
  }

  /** Resolves once the scheduled clear has run or was cancelled (tests wait on it instead of on time). */
  async settled(): Promise<void> {
    await Promise.all([this.pending?.done, this.clearing]);
  }

  /**
   * Cancels the timer and clears the clipboard now if it still holds the copied value. The same promise every
   * time: `deactivate` returns it (VS Code waits for it), and the subscription's dispose that follows gets it too.
   */
  dispose(): Promise<void> {
    this.disposing ??= this.clearNow();
    return this.disposing;
  }

  private async clearNow(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    pending?.cancel();
    await this.clearing;
    if (!pending) return;
    await this.clearIfHolds(pending.digest, 'the last copied secret', () => true);
  }

  /** Clears the clipboard if it holds the value of `digest` and `stillOurs()` (no newer copy has started). */
  private async clearIfHolds(digest: string, label: string, stillOurs: () => boolean): Promise<void> {
    try {
      const current = await this.clipboard.readText();
      if (digestOf(current) !== digest || !stillOurs()) {
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
