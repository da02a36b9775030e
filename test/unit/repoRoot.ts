import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, found from the compiled test's location (out/test/unit → ../../..). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function readJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, relative), 'utf8')) as T;
}
