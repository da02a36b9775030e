// The house's directions (.dependency-cruiser.cjs, run by `npm test` as "layers") hold on src/, and the check is
// not a rubber stamp: a copy of src/ with one deliberate upward import, one area-to-area import, one command that
// reaches into a tree node class and one runtime cycle fails it, each with its own rule named.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './repoRoot';

const depcruise = path.join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function cruise(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [depcruise, '--config', path.join(repoRoot, '.dependency-cruiser.cjs'), '--output-type', 'err', 'src'], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('layers: import directions, feature areas and cycles (dependency-cruiser)', function () {
  this.timeout(60_000);
  let copy: string;

  before(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-layers-'));
    fs.cpSync(path.join(repoRoot, 'src'), path.join(copy, 'src'), { recursive: true });
  });

  after(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('passes on src/ as it is', () => {
    const { status, output } = cruise(repoRoot);
    assert.equal(status, 0, output);
  });

  it('fails on a deliberate upward import (src/azure importing the tree)', () => {
    fs.writeFileSync(path.join(copy, 'src', 'azure', 'upwardProbe.ts'), "import type { TreeNode } from '../tree/TreeNode';\nexport type Probe = TreeNode;\n");
    const { status, output } = cruise(copy);
    fs.rmSync(path.join(copy, 'src', 'azure', 'upwardProbe.ts'));
    assert.notEqual(status, 0);
    assert.match(output, /no-upward-import:azure.*src\/azure\/upwardProbe\.ts → src\/tree\/TreeNode\.ts/);
  });

  it('fails when one feature area imports another (certificates → keys)', () => {
    fs.mkdirSync(path.join(copy, 'src', 'commands', 'keys'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'src', 'commands', 'keys', 'probeShared.ts'), 'export const shared = 1;\n');
    fs.mkdirSync(path.join(copy, 'src', 'commands', 'certificates'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'src', 'commands', 'certificates', 'probeUser.ts'), "import { shared } from '../keys/probeShared';\nexport const user = shared;\n");
    const { status, output } = cruise(copy);
    fs.rmSync(path.join(copy, 'src', 'commands', 'certificates', 'probeUser.ts'));
    fs.rmSync(path.join(copy, 'src', 'commands', 'keys', 'probeShared.ts'));
    assert.notEqual(status, 0);
    assert.match(output, /no-area-to-area.*probeUser\.ts → src\/commands\/keys\/probeShared\.ts/);
  });

  it('fails when a command reaches into a tree node class', () => {
    fs.writeFileSync(path.join(copy, 'src', 'commands', 'probeNode.ts'), "import { ItemNode } from '../tree/ItemNode';\nexport const probe = ItemNode;\n");
    const { status, output } = cruise(copy);
    fs.rmSync(path.join(copy, 'src', 'commands', 'probeNode.ts'));
    assert.notEqual(status, 0);
    assert.match(output, /no-tree-classes-in-commands.*probeNode\.ts → src\/tree\/ItemNode\.ts/);
  });

  it('fails on a runtime import cycle', () => {
    fs.writeFileSync(path.join(copy, 'src', 'model', 'cycleA.ts'), "import { b } from './cycleB';\nexport const a = (): number => b + 1;\n");
    fs.writeFileSync(path.join(copy, 'src', 'model', 'cycleB.ts'), "import { a } from './cycleA';\nexport const b = 1;\nexport const c = a;\n");
    const { status, output } = cruise(copy);
    fs.rmSync(path.join(copy, 'src', 'model', 'cycleA.ts'));
    fs.rmSync(path.join(copy, 'src', 'model', 'cycleB.ts'));
    assert.notEqual(status, 0);
    assert.match(output, /no-cycle/);
  });
});
