#!/usr/bin/env node
// `npm start`: the extension in a real VS Code against a demo Azure, without an Azure account.
//   1. starts the emulator (Entra ID + ARM + Key Vault) with emulator/seeds/demo.json,
//   2. packages the extension and the test-only sign-in companion, installs both into a throwaway code-server
//      (VS Code 1.139 in the browser, from the same cache as the e2e launcher),
//   3. configures the extension for the emulator's "cloud" and signs the demo user in,
//   4. prints the URL to open and runs until Ctrl+C, then cleans everything up.
//   npm start -- [--port N] [--host 127.0.0.1] [--seed FILE]
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { installVsix, makeTempDir, startCodeServer } from './e2e/codeServer.mjs';
import { installCompanion, startEmulatorForVsCode } from './e2e/emulatorSetup.mjs';
import { ROOT } from './e2e/paths.mjs';
import { ensureE2eTools } from './e2e/setup.mjs';
import { packageVsix } from './package.mjs';

const { values } = util.parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: path.join(ROOT, 'emulator', 'seeds', 'demo.json') },
  },
});
const info = (...a) => console.error('[start]', ...a);

ensureE2eTools(info);
const tmp = makeTempDir('start-');
const cleanups = [() => fs.rmSync(tmp, { recursive: true, force: true })];
let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  info('stopping…');
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const emulator = await startEmulatorForVsCode({ seed: values.seed, signedIn: true, log: (line) => fs.appendFileSync(path.join(tmp, 'emulator.log'), `${line}\n`) });
  cleanups.push(() => emulator.stop());
  info(`emulator ready: ${Object.keys(emulator.info.vaults).length} vaults, ARM at ${emulator.info.arm}`);

  const { file } = packageVsix({ quiet: true });
  const dirs = { userDataDir: path.join(tmp, 'user-data'), extensionsDir: path.join(tmp, 'extensions') };
  installVsix(file, dirs);
  installCompanion(tmp, dirs);

  const folder = path.join(ROOT, 'test', 'e2e', 'workspace');
  const server = await startCodeServer({
    tmp,
    folder,
    testMode: false,
    port: Number(values.port),
    host: values.host,
    env: emulator.env,
    settings: emulator.settings,
  });
  cleanups.push(() => server.stop());
  console.log(
    `\nAzure Key Vault Explorer is running in VS Code, signed in to the demo Azure as ${emulator.info.user.username}:\n\n` +
      `    ${server.url}/?folder=${encodeURIComponent(folder)}\n\n` +
      'Open it in a browser (Chromium or Chrome) and click the Azure Key Vault icon in the activity bar.\n' +
      'Press Ctrl+C to stop.\n',
  );
  await server.exit;
  if (!stopping) {
    info('code-server exited');
    await stop(1);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
