// Language-model tools (issue 23): agents (VS Code's agent mode) list vaults and objects, find what expires, check and
// insert references, move a literal to Key Vault, create or rotate a secret with a generated value, enable, disable
// and soft-delete — and never see a value. Only the registrations live here (no command; nothing loaded at
// activation): each tool's implementation is in ./handlers, its own bundle, loaded on the first call.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Feature } from '../feature';
import { agentToolNames } from './names';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: see src/commands/lazy.ts
const load = () => require('./handlers') as typeof import('./handlers');

/** Every tool of manifest/70-agent.json (writes refuse in an untrusted workspace, where the manifest also hides them). */
function register(services: Services): vscode.Disposable[] {
  if (!vscode.lm?.registerTool) return [];
  return agentToolNames.map((name) =>
    vscode.lm.registerTool<unknown>(name, {
      prepareInvocation: (options) => load().prepareTool(services, name, options.input),
      invoke: (options, token) => load().invokeTool(services, name, options, token),
    }),
  );
}

export const agentFeature: Feature = { commands: {}, register };
