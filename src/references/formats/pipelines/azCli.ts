// `az keyvault secret|key|certificate show|download` naming its object by vault and name — what the GitHub Actions
// format writes (./github.ts `showArguments`: `--vault-name <vault> --name <name>`) and what people write in any
// script: arguments in any order, `-n` for `--name`, `--version`/`-v` to pin one, `--opt=value` (argparse), quoted
// values, `\` (bash), `` ` `` (PowerShell) and `^` (cmd) line continuations. `--id <uri>` is an object URI (the
// parser's `uri` references); `--hsm-name` is a Managed HSM, not a vault; a value holding `$` or `%` is a variable:
// none of those is a reference by name. Arguments: https://learn.microsoft.com/cli/azure/keyvault/secret#az-keyvault-secret-show
// (and …/keyvault/key#az-keyvault-key-show, …/keyvault/certificate#az-keyvault-certificate-show). Plain text: no
// YAML, so it runs on any file. Pure: no vscode.
import type { FoundReference, ObjectKind } from '../../types';
import { objectNamePattern, vaultNamePattern, versionPattern } from '../../patterns';

const commandPattern = /\baz[ \t]+keyvault[ \t]+(secret|key|certificate)[ \t]+(?:show|download)(?![\w-])/g;

interface Token {
  readonly text: string;
  /** The token's span, and its value's (inside quotes). */
  readonly start: number;
  readonly end: number;
  readonly valueStart: number;
}

/** The tokens of one command from `from`: up to a line break that does not continue it, `;`, `|`, `&`, `)`, `#`. */
function tokens(text: string, from: number): Token[] {
  const out: Token[] = [];
  let i = from;
  for (;;) {
    const gap = /^(?:[ \t]+|[\\`^]\r?\n)+/.exec(text.slice(i, i + 400));
    if (gap) i += gap[0].length;
    const c = text[i];
    if (c === undefined || /[\r\n;|&)#]/.test(c)) return out;
    const quote = c === '"' || c === "'" ? c : undefined;
    if (quote) {
      const close = text.indexOf(quote, i + 1);
      if (close < 0 || /[\r\n]/.test(text.slice(i, close))) return out;
      out.push({ text: text.slice(i + 1, close), start: i, end: close + 1, valueStart: i + 1 });
      i = close + 1;
    } else {
      const m = /^[^\s;|&)"']+/.exec(text.slice(i, i + 400))!;
      out.push({ text: m[0], start: i, end: i + m[0].length, valueStart: i });
      i += m[0].length;
    }
  }
}

const options: Record<string, 'vault' | 'name' | 'version' | 'id' | 'hsm'> = {
  '--vault-name': 'vault', '--name': 'name', '-n': 'name', '--version': 'version', '-v': 'version', '--id': 'id', '--hsm-name': 'hsm',
};

/** The references of `az keyvault … show --vault-name … --name …` commands in the text. */
export function findAzCliReferences(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  for (const m of text.matchAll(commandPattern)) {
    const args = tokens(text, m.index + m[0].length);
    const values = new Map<string, { text: string; start: number }>();
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const eq = arg.text.indexOf('=');
      const option = options[(eq > 0 && arg.text.startsWith('-') ? arg.text.slice(0, eq) : arg.text).toLowerCase()];
      if (!option) continue;
      if (eq > 0 && arg.text.startsWith('-')) {
        const raw = arg.text.slice(eq + 1);
        const lead = /^['"]/.test(raw) && raw.endsWith(raw[0]!) ? 1 : 0;
        values.set(option, { text: raw.slice(lead, raw.length - lead), start: arg.valueStart + eq + 1 + lead });
      } else if (args[i + 1]) {
        values.set(option, { text: args[i + 1]!.text, start: args[i + 1]!.valueStart });
        i++;
      }
    }
    const vault = values.get('vault');
    const name = values.get('name');
    const version = values.get('version')?.text;
    if (values.has('id') || values.has('hsm') || !vault || !name || !vaultNamePattern.test(vault.text) || !objectNamePattern.test(name.text)) continue;
    if (version !== undefined && !versionPattern.test(version)) continue;
    found.push({
      format: 'githubActions', start: m.index, end: args.at(-1)!.end, nameStart: name.start, nameEnd: name.start + name.text.length,
      vault: { by: 'name', name: vault.text }, kind: m[1] as ObjectKind, name: name.text, ...(version ? { version: version.toLowerCase() } : {}),
    });
  }
  return found;
}
