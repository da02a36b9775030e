// The demo VS Code behind `npm start` and the README screenshots: the emulator with a seed, the packaged
// extension and the test-only sign-in companion installed into a throwaway code-server (no test hooks), the
// extension configured for the emulator's "cloud", the demo user signed in, a throwaway copy of demo/workspace open.
import fs from 'node:fs';
import path from 'node:path';
import { installVsix, makeTempDir, startCodeServer } from './e2e/codeServer.mjs';
import { installCompanion, startEmulatorForVsCode } from './e2e/emulatorSetup.mjs';
import { ROOT } from './e2e/paths.mjs';
import { ensureE2eTools } from './e2e/setup.mjs';
import { packageVsix } from './package.mjs';

export const DEMO_FOLDER = path.join(ROOT, 'demo', 'workspace');

/**
 * @param {{ seed?: string, port?: number, host?: string, log?: (...a: unknown[]) => void }} options
 * @returns {Promise<{ url: string, workbenchUrl: string, emulator: object, exit: Promise<unknown>, stop: () => Promise<void> }>}
 */
export async function startDemo({ seed = path.join(ROOT, 'emulator', 'seeds', 'demo.json'), port = 0, host = '127.0.0.1', log = () => {} } = {}) {
  ensureE2eTools(log);
  const tmp = makeTempDir('demo-');
  const cleanups = [() => fs.rmSync(tmp, { recursive: true, force: true })];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch(() => {});
  };
  try {
    const emulator = await startEmulatorForVsCode({ seed, signedIn: true, log: (line) => fs.appendFileSync(path.join(tmp, 'emulator.log'), `${line}\n`) });
    cleanups.push(() => emulator.stop());
    log(`emulator ready: ${Object.keys(emulator.info.vaults).length} vaults, ARM at ${emulator.info.arm}`);
    const { file } = packageVsix({ quiet: true });
    const dirs = { userDataDir: path.join(tmp, 'user-data'), extensionsDir: path.join(tmp, 'extensions') };
    installVsix(file, dirs);
    installCompanion(tmp, dirs);
    // A copy of the sample workspace: what a user (or VS Code's auto-save) writes stays out of the repository.
    const folder = path.join(tmp, 'workspace');
    fs.cpSync(DEMO_FOLDER, folder, { recursive: true });
    const server = await startCodeServer({ tmp, folder, testMode: false, port, host, env: emulator.env, settings: emulator.settings });
    cleanups.push(() => server.stop());
    return { url: server.url, workbenchUrl: `${server.url}/?folder=${encodeURIComponent(folder)}`, emulator: emulator.info, exit: server.exit, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
