// The page of a secret value editor: one textarea. The value never appears in this HTML (it arrives by message,
// after the page asked for it), and the page never calls `setState`: VS Code writes a webview's state into its
// backups and its saved editor layout, i.e. to disk.
import { nodeCrypto } from '../../azure/nodeCrypto';

/** Messages the page sends: it loaded (`ready`), the user changed the text (`edit`) or asked to save (`save`). */
export type FromPage = { readonly type: 'ready' } | { readonly type: 'save' } | { readonly type: 'edit'; readonly text: string };

/** Messages the page accepts: show a text (load, undo, revert), block typing while saving, or type a text. */
export type ToPage =
  | { readonly type: 'show'; readonly text: string }
  | { readonly type: 'busy'; readonly busy: boolean }
  // What a keyboard does, for the e2e suite: the text goes through the page's own input handling.
  | { readonly type: 'input'; readonly text: string }
  // A key pressed in the textarea, or a click on one of the page's buttons, for the e2e suite.
  | { readonly type: 'key'; readonly key: string; readonly ctrlKey: boolean }
  | { readonly type: 'click'; readonly id: string };

export function isFromPage(message: unknown): message is FromPage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; text?: unknown };
  return m.type === 'ready' || m.type === 'save' || (m.type === 'edit' && typeof m.text === 'string');
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page; `label` names the value (for screen readers), `hint` says what Save does, `save` / `saveTitle` label
 * the Save button. Ctrl+S / Cmd+S in the page is the page's own (VS Code never sees it): an explicit save.
 */
export function secretEditorHtml(label: string, hint: string, save: string, saveTitle: string): string {
  const nonce = nodeCrypto().randomBytes(18).toString('base64');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
  html, body { height: 100%; margin: 0; padding: 0; }
  body { display: flex; flex-direction: column; background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); }
  header { display: flex; align-items: center; gap: 8px; padding-right: 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, transparent); }
  button { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 2px 10px; border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px;
    background: var(--vscode-button-background); color: var(--vscode-button-foreground); cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  button:disabled { opacity: 0.6; cursor: default; }
  p { flex: 1; margin: 0; padding: 4px 8px; font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-descriptionForeground); }
  textarea { flex: 1; box-sizing: border-box; width: 100%; margin: 0; padding: 8px; border: none; outline: none; resize: none;
    background: transparent; color: inherit; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); tab-size: 4; }
  textarea:read-only { opacity: 0.6; }
</style>
</head>
<body>
<header><p id="hint">${escape(hint)}</p><button id="save" type="button" title="${escape(saveTitle)}">${escape(save)}</button></header>
<textarea id="value" aria-label="${escape(label)}" aria-describedby="hint" spellcheck="false" autocomplete="off" autocorrect="off" autocapitalize="off" wrap="soft" readonly></textarea>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const area = document.getElementById('value');
  const send = () => vscode.postMessage({ type: 'edit', text: area.value });
  area.addEventListener('input', send);
  const saveButton = document.getElementById('save');
  const save = () => { if (!busy && loaded) vscode.postMessage({ type: 'save' }); };
  saveButton.addEventListener('click', save);
  // Ctrl+S / Cmd+S here is an explicit save; stopped before VS Code's webview host forwards it as its own Save.
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      e.stopPropagation();
      save();
    }
  }, true);
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
    } else if (m.type === 'key') {
      area.dispatchEvent(new KeyboardEvent('keydown', { key: m.key, ctrlKey: m.ctrlKey, bubbles: true, cancelable: true }));
    } else if (m.type === 'click') {
      document.getElementById(m.id)?.click();
    }
    area.readOnly = busy || !loaded;
    saveButton.disabled = busy || !loaded;
  });
  vscode.postMessage({ type: 'ready' });
  area.focus();
</script>
</body>
</html>`;
}
