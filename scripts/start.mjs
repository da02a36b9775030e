#!/usr/bin/env node
// `npm start`: the extension in a real VS Code against a demo Azure, without an Azure account: the emulator
// (Entra ID + ARM + Key Vault, emulator/seeds/demo.json), the packaged extension in code-server (VS Code 1.139 in
// the browser, from the same cache as the e2e launcher), signed in as the demo user. Runs until Ctrl+C.
//   npm start -- [--port N] [--host 127.0.0.1] [--seed FILE] [--desktop]
// --desktop: open a desktop VS Code (`code` on PATH) instead of VS Code in the browser.
import path from 'node:path';
import util from 'node:util';
import { ROOT } from './e2e/paths.mjs';
import { startDemo } from './demo.mjs';
import { startDesktopDemo } from './desktop.mjs';

const { values } = util.parseArgs({
  options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' }, seed: { type: 'string' }, desktop: { type: 'boolean', default: false } },
});
const info = (...a) => console.error('[start]', ...a);

let demo;
let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  info('stopping…');
  await demo?.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  if (values.desktop) {
    demo = await startDesktopDemo({ seed: values.seed ?? path.join(ROOT, 'emulator', 'seeds', 'demo.json'), log: info });
    await demo.exit;
    await stop(0);
  }
  demo = await startDemo({ port: Number(values.port), host: values.host, log: info, ...(values.seed ? { seed: values.seed } : {}) });
  console.log(
    `\nAzure Key Vault Explorer is running in VS Code, signed in to the demo Azure as ${demo.emulator.user.username}:\n\n` +
      `    ${demo.workbenchUrl}\n\n` +
      'Open it in a browser (Chromium or Chrome) and click the Azure Key Vault icon in the activity bar.\n' +
      'Press Ctrl+C to stop.\n',
  );
  await demo.exit;
  if (!stopping) {
    info('code-server exited');
    await stop(1);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
