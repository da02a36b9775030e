// Where a launch configuration keeps its environment, and the configuration rewritten with resolved values — in
// memory, for the debug adapter only (launch.json is never touched). Pure: no vscode (unit-tested under node).
//
// Adapters read `env` (an object: js-debug's node/pwa-node/chrome, debugpy, coreclr, go, java…) or, for the C/C++
// adapters (cppdbg, cppvsdbg), `environment` ([{ name, value }]); most also read `envFile` (a path, or paths).
// `env` overrides `envFile`, as js-debug documents. When any of them holds a reference, every envFile is read
// here, its values (resolved) are put under `env`/`environment` below the configuration's own, and `envFile` is
// dropped: the adapter never reads a reference raw, and no adapter needs a file — so none is ever written.

/** The part of a debug configuration this reads (VS Code's DebugConfiguration is an open record). */
export interface DebugConfigLike {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** Where an adapter takes its environment from. */
export interface DebugEnvSources {
  /** `environment` for the C/C++ adapters, `env` for every other one. */
  readonly field: 'env' | 'environment';
  /** The envFile paths, in order (the later overrides the earlier, as js-debug reads an array). */
  readonly envFiles: readonly string[];
  /** The configuration's own string values (`env` / `environment`), which override the files. */
  readonly inline: readonly { readonly name: string; readonly value: string }[];
}

const environmentAdapters = new Set(['cppdbg', 'cppvsdbg']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the configuration names: its env files and its own values. */
export function debugEnvSources(config: DebugConfigLike): DebugEnvSources {
  const field = environmentAdapters.has(config.type) ? 'environment' : 'env';
  const files = config['envFile'];
  const envFiles = (typeof files === 'string' ? [files] : Array.isArray(files) ? files : []).filter((f): f is string => typeof f === 'string' && f.length > 0);
  const inline: { name: string; value: string }[] = [];
  const own = config[field];
  if (field === 'env' && isRecord(own)) {
    for (const [name, value] of Object.entries(own)) if (typeof value === 'string') inline.push({ name, value });
  } else if (field === 'environment' && Array.isArray(own)) {
    for (const item of own as unknown[]) if (isRecord(item) && typeof item['name'] === 'string' && typeof item['value'] === 'string') inline.push({ name: item['name'], value: item['value'] });
  }
  return { field, envFiles, inline };
}

/**
 * The configuration with the resolved environment: `fromFiles` (every envFile merged, references resolved) goes
 * under the configuration's own values, whose references are replaced by `inlineResolved` (name → value); envFile
 * is dropped when the files were read. A copy: the given configuration is left as it was.
 */
export function withResolvedEnv<T extends DebugConfigLike>(config: T, sources: DebugEnvSources, fromFiles: ReadonlyMap<string, string> | undefined, inlineResolved: ReadonlyMap<string, string>): T {
  const next: Record<string, unknown> = { ...config };
  if (fromFiles) delete next['envFile'];
  if (sources.field === 'env') {
    const own = isRecord(config['env']) ? config['env'] : {};
    const env: Record<string, unknown> = Object.fromEntries(fromFiles ?? []);
    for (const [name, value] of Object.entries(own)) env[name] = inlineResolved.get(name) ?? value;
    next['env'] = env;
  } else {
    const own = Array.isArray(config['environment']) ? (config['environment'] as unknown[]) : [];
    const ownNames = new Set(own.flatMap((item) => (isRecord(item) && typeof item['name'] === 'string' ? [item['name']] : [])));
    const fileItems = [...(fromFiles ?? [])].filter(([name]) => !ownNames.has(name)).map(([name, value]) => ({ name, value }));
    const ownItems = own.map((item) => (isRecord(item) && typeof item['name'] === 'string' && inlineResolved.has(item['name']) ? { ...item, value: inlineResolved.get(item['name']) } : item));
    next['environment'] = [...fileItems, ...ownItems];
  }
  return next as T;
}
