// The agent tools' implementation, built into its own bundle (dist/commands-agent.js, scripts/build.mjs) and loaded
// the first time a tool is prepared or invoked (./feature.ts keeps only the registrations at activation).
//
// One path for every tool: the input checked (unknown or value-like keys refused), then for a write: refused in an
// untrusted workspace, and confirmed by the user — in chat by VS Code from `prepareInvocation`'s confirmation; when
// invoked outside a chat request (`toolInvocationToken` undefined: another extension, a test) by our own modal
// through services.ui, since VS Code's dialog there is its generic one (and skipped altogether in extension tests).
// Then it runs as one operation (src/platform/operations.ts: aborted by Cancel or a sign-out, the objects it writes
// locked, failures explained by the failures module), and answers with text — bounded, never a value.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { UserCancelled } from '../cancelled';
import { runOperation } from '../wrapper';
import { checkReferences } from './checkReferences';
import { createSecret } from './createSecret';
import { deleteObject } from './deleteObject';
import { findLiterals } from './findLiterals';
import { findObjects } from './findObjects';
import { insertReference } from './insertReference';
import { ToolRefusal } from './input';
import { listExpiring } from './listExpiring';
import { listObjects } from './listObjects';
import { listVaults } from './listVaults';
import { moveLiteral } from './moveLiteral';
import { agentTools, type AgentToolName } from './names';
import { rotateSecret } from './rotateSecret';
import { joinBounded } from './rows';
import { setEnabled } from './setEnabled';
import type { AgentTool } from './tool';

export { UserCancelled } from '../cancelled';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each tool has its own input type
const tools: Record<AgentToolName, AgentTool<any>> = {
  azureKeyVault_listVaults: listVaults,
  azureKeyVault_listObjects: listObjects,
  azureKeyVault_findObjects: findObjects,
  azureKeyVault_listExpiring: listExpiring,
  azureKeyVault_findSecretLiterals: findLiterals,
  azureKeyVault_checkReferences: checkReferences,
  azureKeyVault_insertReference: insertReference,
  azureKeyVault_moveLiteralToKeyVault: moveLiteral,
  azureKeyVault_createSecret: createSecret,
  azureKeyVault_rotateSecret: rotateSecret,
  azureKeyVault_setEnabled: setEnabled,
  azureKeyVault_deleteObject: deleteObject,
};

const textResult = (lines: readonly string[]): vscode.LanguageModelToolResult => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(joinBounded(lines))]);

/** What VS Code shows before the tool runs, and the confirmation of a write (bad input: none — the invocation refuses). */
export async function prepareTool(services: Services, name: AgentToolName, raw: unknown): Promise<vscode.PreparedToolInvocation> {
  const spec = tools[name] as AgentTool<unknown>;
  let input: unknown;
  try {
    input = spec.parse(raw);
  } catch (error) {
    if (error instanceof ToolRefusal) return { invocationMessage: vscode.l10n.t('Checking the input of {0}', name) };
    throw error;
  }
  const prepared = await spec.prepare(services, input);
  const confirmation = prepared.confirmation;
  return { invocationMessage: prepared.invocationMessage, ...(confirmation ? { confirmationMessages: { title: confirmation.title, message: confirmation.message } } : {}) };
}

/** Runs the tool: see the top of this file. */
export async function invokeTool(services: Services, name: AgentToolName, options: vscode.LanguageModelToolInvocationOptions<unknown>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
  const spec = tools[name] as AgentTool<unknown>;
  const input: unknown = spec.parse(options.input);
  if (agentTools[name].writes) {
    if (!vscode.workspace.isTrusted) throw new ToolRefusal('This workspace is not trusted: the Key Vault agent tools only read here (listings, references). Ask the user to trust the workspace first. Nothing was changed.');
    if (options.toolInvocationToken === undefined) {
      const confirmation = (await spec.prepare(services, input)).confirmation;
      if (confirmation && (await services.ui.confirm(confirmation.title, confirmation.message, confirmation.action)) !== confirmation.action) {
        services.log.info(`agent tool ${name}: declined by the user`);
        return textResult(['The user declined: nothing was changed.']);
      }
    }
  }
  try {
    const lines = await runOperation(services, { title: name }, (operation) => {
      const cancel = token.onCancellationRequested(() => operation.cancel());
      return spec.run(services, input, token).finally(() => {
        cancel.dispose();
      });
    });
    return textResult(lines);
  } catch (error) {
    if (error instanceof UserCancelled || error instanceof vscode.CancellationError) return textResult(['Cancelled: nothing more was sent. Ask the user before trying again.']);
    services.log.warn(`agent tool ${name}: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}
