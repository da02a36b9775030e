// When the index starts on its own: the first time the Key Vault view is shown (a moment after, so the view's own
// first rows come first). Find References, the workspace check and rename start it too (ready()).
import type * as vscode from 'vscode';

export const START_DELAY_MS = 1500;

export function startWhenShown(view: vscode.TreeView<unknown>, start: () => void): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    timer ??= setTimeout(start, START_DELAY_MS);
  };
  if (view.visible) later();
  const listener = view.onDidChangeVisibility((e) => {
    if (e.visible) later();
  });
  return {
    dispose: () => {
      listener.dispose();
      if (timer) clearTimeout(timer);
    },
  };
}
