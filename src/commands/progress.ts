// Progress notifications of the command framework: every one cancellable (Cancel aborts the operation's signal,
// which every data-layer call of the operation carries), and never a frozen spinner — while the data layer waits
// before sending again (a throttled request's Retry-After or backoff, a transient retry), the message counts the
// seconds down ("Throttled by kv-prod: retrying in 37 s"). A call made outside any progress notification gets one
// as soon as it has to wait (`showingWaits`), titled with its operation.
import * as vscode from 'vscode';
import type { Operation, WaitNotice } from '../platform/operations';
import type { Services } from '../services';
import { waitingMessage } from './explain';

/** The vault a wait is for: its name when the operation knows it, else the first label of its host. */
function vaultNameOf(operation: Operation, host: string): string {
  return operation.vaultName(host) ?? host.split('.')[0] ?? host;
}

/**
 * What one progress notification shows: the task's own message, replaced by a countdown (updated every second)
 * while the data layer waits, then back to the task's message.
 */
class ProgressMessages implements vscode.Disposable {
  private message = '';
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly waits: vscode.Disposable;
  private readonly shown: vscode.Disposable;

  constructor(
    private readonly operation: Operation,
    private readonly sink: (message: string) => void,
  ) {
    this.shown = operation.showingProgress();
    this.waits = operation.onDidWait((notice) => this.countdown(notice));
  }

  /** The task's message (shown now, or when a countdown ends). */
  report(message: string): void {
    this.message = message;
    if (!this.timer) this.show(message);
  }

  countdown(notice: WaitNotice): void {
    this.stopTimer();
    const until = Date.now() + notice.delayMs;
    const vault = vaultNameOf(this.operation, notice.host);
    const tick = (): void => {
      const left = until - Date.now();
      if (left <= 0) {
        this.stopTimer();
        this.show(this.message);
        return;
      }
      // Whole seconds, rounded: a timer that fires a little early does not show the same second twice.
      this.show(waitingMessage(notice.reason, vault, Math.max(1, Math.round(left / 1000))));
    };
    this.timer = setInterval(tick, 1000);
    tick();
  }

  dispose(): void {
    this.stopTimer();
    this.waits.dispose();
    this.shown.dispose();
  }

  private show(message: string): void {
    this.sink(message);
    this.operation.report(message);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** The operation `task` runs in: the current one, or a new one titled `title`. */
export function inOperation<T>(services: Services, title: string, task: (operation: Operation) => Promise<T>): Promise<T> {
  const current = services.operations.current();
  return current ? task(current) : services.operations.run({ title: title.replace(/…$/, '') }, task);
}

/**
 * Runs `task` under a cancellable progress notification titled `title`: Cancel aborts the operation's signal (the
 * one `task` gets: pass it to every data-layer call), and the data layer's waits show as a countdown. `vault`
 * names the vault the task talks to (its waits are matched by host when they carry no signal).
 */
export function withProgress<T>(
  services: Services,
  title: string,
  task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
  vault?: { readonly vaultUrl: string; readonly name: string },
): Promise<T> {
  return inOperation(services, title, (operation) => {
    if (vault) operation.addVault(vault.vaultUrl, vault.name);
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        const cancel = token.onCancellationRequested(() => operation.cancel());
        const messages = new ProgressMessages(operation, (message) => progress.report({ message }));
        try {
          return await task(operation.signal, (message) => messages.report(message));
        } finally {
          cancel.dispose();
          messages.dispose();
        }
      }),
    );
  });
}

/**
 * Runs `call` (a data-layer call of `operation`); if the data layer has to wait meanwhile and no progress
 * notification shows the operation, one appears (cancellable, titled with the operation) with the countdown, and
 * goes away when the call ends.
 */
export async function showingWaits<T>(operation: Operation | undefined, call: () => Promise<T>): Promise<T> {
  if (!operation) return call();
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  let opened = false;
  const waits = operation.onDidWait((notice) => {
    if (opened || operation.hasProgress) return;
    opened = true;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: operation.title, cancellable: true }, async (progress, token) => {
      const cancel = token.onCancellationRequested(() => operation.cancel());
      const messages = new ProgressMessages(operation, (message) => progress.report({ message }));
      messages.countdown(notice);
      try {
        await settled;
      } finally {
        cancel.dispose();
        messages.dispose();
      }
    });
  });
  try {
    return await call();
  } finally {
    waits.dispose();
    settle();
  }
}
