// `npm start -- --desktop`: the same demo in a desktop VS Code (`code` on PATH) instead of code-server: the
// emulator with the demo seed, the extension and the sign-in companion loaded as development extensions in a
// throwaway profile, VS Code's built-in Microsoft sign-in disabled in that window so the companion signs the demo
// user in. Waits until the window is closed.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, QUIET_SETTINGS } from './e2e/codeServer.mjs';
import { COMPANION, startEmulatorForVsCode } from './e2e/emulatorSetup.mjs';
import { ROOT } from './e2e/paths.mjs';
import { DEMO_FOLDER } from './demo.mjs';

export function desktopCode() {
  try {
    return execFileSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function startDesktopDemo({ seed, log }) {
  const code = desktopCode();
  if (!code) throw new Error('No desktop VS Code: `code` is not on PATH. Run `npm start` without --desktop to use VS Code in the browser.');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const tmp = makeTempDir('desktop-');
  const emulator = await startEmulatorForVsCode({ seed, signedIn: true, log: (line) => fs.appendFileSync(path.join(tmp, 'emulator.log'), `${line}\n`) });
  const userDir = path.join(tmp, 'user-data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...emulator.settings }, null, 2));
  log(`opening a desktop VS Code (${code}) signed in to the demo Azure as ${emulator.info.user.username}; close its window to stop`);
  const child = spawn(
    code,
    [
      '--new-window', '--wait',
      '--user-data-dir', path.join(tmp, 'user-data'),
      '--extensions-dir', path.join(tmp, 'extensions'),
      `--extensionDevelopmentPath=${ROOT}`,
      `--extensionDevelopmentPath=${COMPANION}`,
      '--disable-extension', 'vscode.microsoft-authentication',
      DEMO_FOLDER,
    ],
    { env: { ...process.env, ...emulator.env }, stdio: 'inherit' },
  );
  const exit = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    await emulator.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  return { exit, stop };
}
