import * as vscode from 'vscode';

/**
 * Every prompt the extension shows goes through this interface, so e2e tests can script the answers
 * (smoke-test mode refuses modal dialogs) and commands stay testable.
 */
export interface Ui {
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** A modal confirmation; resolves to the chosen action or undefined when dismissed. */
  confirm(message: string, detail: string, ...actions: string[]): Thenable<string | undefined>;
  showInformationMessage(message: string, ...actions: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string, ...actions: string[]): Thenable<string | undefined>;
  /**
   * A quick pick whose items arrive in batches (appended as they come, busy until the source ends). The source gets
   * a signal that aborts when the picker closes (an item picked, or dismissed): what it has in flight stops.
   */
  showStreamingQuickPick<T extends vscode.QuickPickItem>(batches: StreamSource<T>, options: { title: string; placeholder: string }): Promise<T | undefined>;
  /** Opens a link outside VS Code (the portal, docs). */
  openExternal(uri: vscode.Uri): Thenable<boolean>;
  /** A quick pick where several items can be chosen; undefined when dismissed. */
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  /** The file picker (open). */
  showOpenDialog(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
  /**
   * What a command did (never a value): a write (create, save, delete, recover, purge, enable/disable, rotate,
   * import…) ends with a notification, its actions as buttons (*Reveal*, *Undo*); a copy (`{ copied: true }`)
   * is a status-bar message that says what was copied. The one rule: `showNotice`.
   */
  notify(message: string, options?: NoticeOptions): void;
  /** The file picker (save): where to write a file the user asked for. */
  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
}

/** The items of a streaming quick pick, batch by batch; `signal` aborts when the picker closes. */
export type StreamSource<T> = (signal: AbortSignal) => AsyncIterable<readonly T[]>;

/** A button of a notice: its label and what it does when chosen. */
export interface NoticeAction {
  readonly title: string;
  run(): unknown;
}

export interface NoticeOptions {
  /** A copy to the clipboard: a status-bar message (the message says what was copied and when it clears). */
  readonly copied?: boolean;
  /** The notification's buttons (*Reveal* where the object is in the tree, *Undo* where it is cheap and safe). */
  readonly actions?: readonly NoticeAction[];
}

/** How long a copy's status-bar message stays. */
const copiedMessageMs = 10_000;

/**
 * The one rule for notices (like the Azure Resources and Storage extensions): a copy is a status-bar message; anything
 * else — a write — is an information notification with its actions; a failing action is shown as an error.
 */
export function showNotice(ui: Pick<Ui, 'showInformationMessage' | 'showErrorMessage'>, message: string, options: NoticeOptions = {}): void {
  if (options.copied) {
    void vscode.window.setStatusBarMessage(`$(copy) ${message}`, copiedMessageMs);
    return;
  }
  const actions = options.actions ?? [];
  void Promise.resolve(ui.showInformationMessage(message, ...actions.map((a) => a.title)))
    .then((chosen) => actions.find((a) => a.title === chosen)?.run())
    .then(undefined, (error: unknown) => ui.showErrorMessage(error instanceof Error ? error.message : String(error)));
}

export const vscodeUi: Ui = {
  showInputBox: (options) => vscode.window.showInputBox(options),
  showQuickPick: (items, options) => vscode.window.showQuickPick(items, options),
  confirm: (message, detail, ...actions) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions),
  showInformationMessage: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  showErrorMessage: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
  openExternal: (uri) => vscode.env.openExternal(uri),
  showStreamingQuickPick,
  pickMany: (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  showOpenDialog: (options) => vscode.window.showOpenDialog(options),
  notify: (message, options) => showNotice(vscodeUi, message, options),
  showSaveDialog: (options) => vscode.window.showSaveDialog(options),
};

/**
 * The shown list grows by appending (never re-listing), but VS Code takes a quick pick's items whole: each update
 * sends and filters every row again. So the first batch shows at once and later ones are gathered, the wait growing
 * with the list (1 ms per 10 rows, 100 ms to 1 s), so that updating stays a small share of the time however many
 * rows arrive.
 */
const updateDelayMs = (rows: number): number => Math.min(1000, Math.max(100, rows / 10));

function showStreamingQuickPick<T extends vscode.QuickPickItem>(batches: StreamSource<T>, options: { title: string; placeholder: string }): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.keepScrollPosition = true;
  pick.busy = true;
  const stop = new AbortController();
  const shown: T[] = [];
  let waiting: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = (): void => {
    timer = undefined;
    if (stop.signal.aborted || waiting.length === 0) return;
    for (const item of waiting) shown.push(item);
    waiting = [];
    pick.items = shown;
  };
  const result = new Promise<T | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
  }).finally(() => {
    stop.abort();
    if (timer) clearTimeout(timer);
    pick.dispose();
  });
  void (async () => {
    try {
      for await (const batch of batches(stop.signal)) {
        if (stop.signal.aborted) return;
        waiting.push(...batch);
        if (shown.length === 0) update();
        else timer ??= setTimeout(update, updateDelayMs(shown.length));
      }
      if (timer) clearTimeout(timer);
      update();
    } catch (error) {
      if (!stop.signal.aborted) pick.placeholder = vscode.l10n.t('Search stopped: {0}', error instanceof Error ? error.message : String(error));
    } finally {
      if (!stop.signal.aborted) pick.busy = false;
    }
  })();
  pick.show();
  return result;
}

/**
 * A Ui whose answers a test can script (test mode only: src/testApi.ts). `use` replaces some or all prompts until
 * `reset`; everything else goes to the real Ui. Production code gets `vscodeUi` itself.
 */
export class ScriptableUi implements Ui {
  private script: Partial<Ui> = {};

  constructor(readonly real: Ui) {}

  /** Scripts prompts (a whole Ui or some of its methods) until `reset`. */
  use(script: Partial<Ui>): void {
    this.script = script;
  }

  reset(): void {
    this.script = {};
  }

  private get ui(): Ui {
    return { ...this.real, ...this.script };
  }

  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    return this.ui.showInputBox(options);
  }
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Thenable<T | undefined> {
    return this.ui.showQuickPick(items, options);
  }
  confirm(message: string, detail: string, ...actions: string[]): Thenable<string | undefined> {
    return this.ui.confirm(message, detail, ...actions);
  }
  showInformationMessage(message: string, ...actions: string[]): Thenable<string | undefined> {
    return this.ui.showInformationMessage(message, ...actions);
  }
  showErrorMessage(message: string, ...actions: string[]): Thenable<string | undefined> {
    return this.ui.showErrorMessage(message, ...actions);
  }
  showStreamingQuickPick<T extends vscode.QuickPickItem>(batches: StreamSource<T>, options: { title: string; placeholder: string }): Promise<T | undefined> {
    return this.ui.showStreamingQuickPick(batches, options);
  }
  openExternal(uri: vscode.Uri): Thenable<boolean> {
    return this.ui.openExternal(uri);
  }
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined> {
    return this.ui.pickMany(items, options);
  }
  showOpenDialog(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined> {
    return this.ui.showOpenDialog(options);
  }
  /** Scripted `notify` gets the call; otherwise the one rule, through this Ui's (maybe scripted) messages. */
  notify(message: string, options?: NoticeOptions): void {
    if (this.script.notify) this.script.notify(message, options);
    else showNotice(this, message, options);
  }
  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined> {
    return this.ui.showSaveDialog(options);
  }
}
