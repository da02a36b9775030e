// The page of a secret value editor: one textarea. The value never appears in this HTML (it arrives by message,
// after the page asked for it), and the page never calls `setState`: VS Code writes a webview's state into its
// backups and its saved editor layout, i.e. to disk.
import { randomBytes } from 'node:crypto';

/** Messages the page sends: it loaded (`ready`), or the user changed the text (`edit`). */
export type FromPage = { readonly type: 'ready' } | { readonly type: 'edit'; readonly text: string };

/** Messages the page accepts: show a text (load, undo, revert), block typing while saving, or type a text. */
export type ToPage =
  | { readonly type: 'show'; readonly text: string }
  | { readonly type: 'busy'; readonly busy: boolean }
  // What a keyboard does, for the e2e suite: the text goes through the page's own input handling.
  | { readonly type: 'input'; readonly text: string };

export function isFromPage(message: unknown): message is FromPage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; text?: unknown };
  return m.type === 'ready' || (m.type === 'edit' && typeof m.text === 'string');
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page; `label` names the value (for screen readers), `hint` says what Save does. */
export function secretEditorHtml(label: string, hint: string): string {
  const nonce = randomBytes(18).toString('base64');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
  html, body { height: 100%; margin: 0; padding: 0; }
  body { display: flex; flex-direction: column; background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); }
  p { margin: 0; padding: 4px 8px; font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-descriptionForeground); border-bottom: 1px solid var(--vscode-editorWidget-border, transparent); }
  textarea { flex: 1; box-sizing: border-box; width: 100%; margin: 0; padding: 8px; border: none; outline: none; resize: none;
    background: transparent; color: inherit; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); tab-size: 4; }
  textarea:read-only { opacity: 0.6; }
</style>
</head>
<body>
<p id="hint">${escape(hint)}</p>
<textarea id="value" aria-label="${escape(label)}" aria-describedby="hint" spellcheck="false" autocomplete="off" autocorrect="off" autocapitalize="off" wrap="soft" readonly></textarea>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const area = document.getElementById('value');
  const send = () => vscode.postMessage({ type: 'edit', text: area.value });
  area.addEventListener('input', send);
  // Read-only until the value arrived (what is typed before would be overwritten) and while a save runs.
  let busy = false;
  let loaded = false;
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'show') {
      if (area.value !== m.text) {
        const start = area.selectionStart, end = area.selectionEnd;
        area.value = m.text;
        area.setSelectionRange(Math.min(start, m.text.length), Math.min(end, m.text.length));
      }
      loaded = true;
    } else if (m.type === 'busy') {
      busy = m.busy;
    } else if (m.type === 'input') {
      area.value = m.text;
      area.dispatchEvent(new Event('input'));
    }
    area.readOnly = busy || !loaded;
  });
  vscode.postMessage({ type: 'ready' });
  area.focus();
</script>
</body>
</html>`;
}
