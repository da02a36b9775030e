// Exclusions of the workspace index as glob patterns (pure: no vscode). `workspace.findFiles` applies files.exclude
// by itself; search.exclude and .gitignore files it does not (findFiles2, which can, is still a proposed API in
// VS Code 1.139), so they are turned into one exclude glob here.

/** Expands `{a,b}` alternatives (nested too) into plain patterns: VS Code's glob does not nest braces. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const cuts: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    } else if (c === ',' && depth === 1) cuts.push(i);
  }
  if (close < 0) return [pattern];
  const bounds = [open, ...cuts, close];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const out: string[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    for (const rest of expandBraces(pattern.slice(bounds[i]! + 1, bounds[i + 1]) + tail)) out.push(head + rest);
  }
  return out;
}

/** The patterns of a `search.exclude` (or `files.exclude`) setting that are on (`true`; a `when` clause is left out). */
export function enabledPatterns(setting: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.entries(setting ?? {})
    .filter(([, on]) => on === true)
    .flatMap(([pattern]) => expandBraces(pattern));
}

/**
 * The globs of one .gitignore file, relative to the workspace folder (`dir`: the folder of the .gitignore inside
 * it, '' at its root). What VS Code's search does for the common lines: `name` anywhere below, `/name` or `a/b`
 * anchored, `name/` a folder. Negations (`!`) and escaped characters are not supported: such lines are ignored
 * (the file stays indexed).
 */
export function gitignoreGlobs(text: string, dir = ''): string[] {
  const base = dir.replace(/^\/+|\/+$/g, '');
  const prefix = base ? `${base}/` : '';
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (!line || line.startsWith('#') || line.startsWith('!') || line.includes('\\')) continue;
    const folderOnly = line.endsWith('/');
    const body = line.replace(/\/+$/, '');
    if (!body) continue;
    const anchored = body.includes('/');
    const pattern = anchored ? `${prefix}${body.replace(/^\/+/, '')}` : `${prefix}**/${body}`;
    for (const p of expandBraces(pattern)) {
      if (!folderOnly) out.push(p);
      out.push(`${p}/**`);
    }
  }
  return out;
}

/** One glob for `findFiles`' exclude argument (undefined: nothing to exclude). */
export function excludeGlob(patterns: readonly string[]): string | undefined {
  const unique = [...new Set(patterns.filter((p) => p && !p.includes(',') && !p.includes('{')))];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `{${unique.join(',')}}`;
}

/**
 * File types whose references the index reads (what the reference formats and the parser understand), in the
 * groups the listing searches for one after another (see indexedFileGlobs): JSON alone, as it is the most common.
 */
const searchGroups: readonly (readonly string[])[] = [['json'], ['jsonc', 'bicep', 'bicepparam', 'tf', 'tfvars', 'hcl'], ['yml', 'yaml'], ['cs', 'config', 'env', 'properties', 'ini', 'sh', 'bash', 'ps1', 'cmd', 'keyvault']];
export const indexedExtensions: readonly string[] = searchGroups.flat();

/** The include glob of the index. */
export const indexedFilesGlob = `**/{${indexedExtensions.map((e) => `*.${e}`).join(',')},.env}`;

/**
 * The same files as `indexedFilesGlob`, one glob per group of file types: the listing asks for each on its own, because
 * findFiles' answer reaches the extension host as one message that is read in one go (about 10 µs a file: one
 * answer of 5,000 files blocked it for ~55 ms); per group of types, each answer is a part of that.
 */
export const indexedFileGlobs: readonly string[] = searchGroups.map((group, i) => {
  const names = [...group.map((e) => `*.${e}`), ...(i === searchGroups.length - 1 ? ['.env'] : [])];
  return names.length === 1 ? `**/${names[0]}` : `**/{${names.join(',')}}`;
});

/** Whether a path is of a file type the index reads. */
export function hasIndexedType(path: string): boolean {
  const name = path.replace(/\\/g, '/').split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return name === '.env' || (dot >= 0 && indexedExtensions.includes(name.slice(dot + 1).toLowerCase()));
}
