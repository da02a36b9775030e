// Text from a file or from a vault (names, versions, tags, content types, ids, error messages) put into markdown —
// hovers and tree tooltips — as TEXT, never as markdown (pure: no vscode, unit-tested under node).
//
// A hover is trusted for our two reference commands, so a link or image smuggled in by a `.bicepparam` name or a
// tag would render: a `command:` link, or a remote image (`![p](https://…)`) that loads when the tooltip shows —
// a tracking pixel. What these helpers return can only ever render as the characters it was given:
// - every character with a meaning INSIDE a line is backslash-escaped (CommonMark lets any ASCII punctuation be):
//   links and images `[ ] !`, code `` ` ``, emphasis `* _ ~`, HTML and autolinks `< >`, entities `&`, tables `|`,
//   the escape itself, VS Code's theme icons `$` (it leaves `\$(name)` as text), and what makes GFM autolinks of
//   bare text: `:` (https://), `.` (www.), `@` (e-mail). Characters that mean something only at the start of a line
//   (`#`, `-`, `+`, `=`, `>`, digits) stay as they are: callers never start a line with this text;
// - line breaks become spaces (a line break could start a heading, list or block), and other control characters
//   and bidirectional overrides (which can make text read differently from what it is) become U+FFFD.
// Callers place the result inside a line, never at its start.

/** C0/C1 controls, and the bidi marks, embeddings, overrides and isolates (U+061C, 200E–F, 202A–E, 2066–9). */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x61c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}
const LINE_BREAKS = /\r\n|[\t\n\r\u2028\u2029]/g;
/** The characters that can start markdown inside a line (see above). */
const INLINE_MARKDOWN = /[\\`*_~[\]!<>&$|:.@]/g;

/** The text on one line, with no control or bidi characters (what the escapes below start from). */
export function oneLine(text: string): string {
  return [...text.replace(LINE_BREAKS, ' ')].map((c) => (isControl(c.codePointAt(0)!) ? '\uFFFD' : c)).join('');
}

/** Text shown as itself inside a markdown line. */
export function mdText(text: string): string {
  return oneLine(text).replace(INLINE_MARKDOWN, (c) => `\\${c}`);
}

/**
 * Text in a code span (`name`) when it is made of characters that are never markdown anyway (names, versions,
 * URLs), otherwise as escaped text: a backtick would end the span (backslashes do not escape inside one), `$(…)`
 * would still render as an icon in a hover, and a reader should not have to know that a link inside a code span is
 * inert.
 */
export function mdCode(text: string): string {
  return /^[A-Za-z0-9_.\-:/@=+,;%~#?]+$/.test(text) ? `\`${text}\`` : mdText(text);
}

/**
 * A link destination: every character outside a conservative URL set is percent-encoded, so neither a
 * parenthesis, a space, a quote, `<`/`>` nor `$(` from a name inside the URL can end the destination early,
 * add a title, or render an icon.
 */
export function mdUrl(url: string): string {
  return [...url].map((c) => (/^[A-Za-z0-9\-._~:/?#@!*+,;=%]$/.test(c) ? c : percent(c))).join('');
}

function percent(c: string): string {
  try {
    return encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: U+FFFD
  }
}

/** `[label](command:id?args)` for one of OUR commands, with arguments WE built (JSON, fully encoded). */
export function mdCommandLink(label: string, command: string, args: readonly unknown[]): string {
  const query = percent(JSON.stringify(args));
  return `[${mdText(label)}](command:${command}?${query})`;
}

/** `[label](https://…)`: a web link we built (an https URL only; anything else is shown as text). */
export function mdWebLink(label: string, url: string): string {
  return /^https:\/\//i.test(url) ? `[${mdText(label)}](${mdUrl(url)})` : mdText(label);
}
