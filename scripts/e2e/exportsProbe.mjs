// The ui check's second extension (test/probe, test-only): installed next to the packaged .vsix, it activates our
// extension as any other installed extension could and reports what `exports` lets it reach. Issue 12: outside
// ExtensionMode.Test, activate() hands out nothing (no clients, no clipboard, no prompts: src/extension.ts).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

export const PROBE = path.join(ROOT, 'test', 'probe');
/** A built-in extension that always exports an API object with methods: proves the probe sees exports at all. */
export const CONTROL_ID = 'vscode.git';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
export const OUR_ID = `${manifest.publisher}.${manifest.name}`;

/** The extension host's environment for the probe (code-server passes its own environment on). */
export const probeEnv = (reportFile) => ({ KV_PROBE_REPORT: reportFile, KV_PROBE_EXTENSIONS: [OUR_ID, CONTROL_ID].join(',') });

/** Waits for the probe's report (written once the workbench has started) and returns it by extension id. */
export async function readProbeReport(file, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the probe extension wrote no report to ${file} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (report.error) throw new Error(`the probe failed: ${report.error}`);
  return Object.fromEntries(report.extensions.map((e) => [e.id, e]));
}

function activated(entry) {
  if (!entry?.installed) throw new Error(`${entry?.id} is not installed where the probe runs`);
  if (entry.activateError) throw new Error(`activating ${entry.id} failed: ${entry.activateError}`);
  if (!entry.active) throw new Error(`${entry.id} is not active after activate()`);
}

/**
 * Positive control: the walk reaches the control's method `getAPI` and its getter `enabled`, both on the prototype of
 * the object it exports (GitExtensionImpl), so a class instance cannot hide what it offers from the probe.
 */
export function assertProbeSeesExports(entry) {
  activated(entry);
  const kinds = Object.fromEntries(entry.exports.map((e) => [e.path, e.kind]));
  if (kinds['exports.getAPI'] !== 'function' || kinds['exports.enabled'] !== 'boolean') throw new Error(`the probe did not reach ${entry.id}'s getAPI() and enabled: ${JSON.stringify(entry.exports.slice(0, 5))}`);
}

// Paths that look like reaching a credential or a value: a failure names these first.
const SENSITIVE = /credential|token|session\.|clients\.|clipboard|secret/i;

/**
 * Ours, installed from the .vsix (production mode): activated, and neither activate() nor exports gives anything.
 * Strictly `undefined`: a deliberate API for other extensions would change this check on purpose, with a review.
 */
export function assertReachesNothing(entry, extensionsDir) {
  activated(entry);
  if (!path.resolve(entry.extensionPath).startsWith(path.resolve(extensionsDir) + path.sep)) throw new Error(`${entry.id} runs from ${entry.extensionPath}, not from the installed .vsix`);
  for (const what of ['activated', 'exports']) {
    const walked = entry[what];
    if (walked.length === 1 && walked[0].kind === 'undefined') continue;
    const functions = walked.filter((e) => e.kind === 'function').map((e) => e.path);
    // One example per top-level member (exports.services.session, .clients, …), sensitive ones first.
    const byMember = new Map();
    for (const p of [...functions.filter((f) => SENSITIVE.test(f)), ...functions]) {
      const member = p.split('.').slice(0, 3).join('.');
      if (!byMember.has(member)) byMember.set(member, p);
    }
    const named = [...byMember.values()].slice(0, 8);
    throw new Error(`${what === 'exports' ? 'exports' : 'activate()'} hands another extension a${walked[0].kind === 'object' ? 'n' : ''} ${walked[0].kind} reaching ${walked.length} paths, ${functions.length} of them functions, e.g. ${named.join(', ') || '(none)'}`);
  }
}
