#!/usr/bin/env node
// `npm start`: builds and packages the extension, installs it into a throwaway code-server (VS Code 1.139 in
// the browser, from the same cache as the e2e launcher), prints the URL to open and runs until Ctrl+C.
//   npm start -- [--port N] [--host 127.0.0.1]
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { installVsix, makeTempDir, startCodeServer } from './e2e/codeServer.mjs';
import { ROOT } from './e2e/paths.mjs';
import { ensureE2eTools } from './e2e/setup.mjs';
import { packageVsix } from './package.mjs';

const { values } = util.parseArgs({ options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' } } });
const info = (...a) => console.error('[start]', ...a);

ensureE2eTools(info);
const { file } = packageVsix({ quiet: true });
const tmp = makeTempDir('start-');
installVsix(file, { userDataDir: path.join(tmp, 'user-data'), extensionsDir: path.join(tmp, 'extensions') });
const folder = path.join(ROOT, 'test', 'e2e', 'workspace');
const server = await startCodeServer({ tmp, folder, testMode: false, port: Number(values.port), host: values.host });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  info('stopping…');
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
console.log(`\nAzure Key Vault Explorer is running in VS Code at:\n\n    ${server.url}/?folder=${encodeURIComponent(folder)}\n\nOpen it in a browser (Chromium or Chrome). Press Ctrl+C to stop.\n`);
await server.exit;
if (!stopping) {
  info('code-server exited');
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
}
