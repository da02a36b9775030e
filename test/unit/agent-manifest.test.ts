// The agent tools' manifest (manifest/70-agent.json) agrees with the code (src/commands/agent/names.ts): every tool
// contributed is registered and the other way round; write tools are hidden in untrusted workspaces; every input
// schema is closed (no extra keys) and no input is named like a value.
import * as assert from 'node:assert/strict';
import { agentTools } from '../../src/commands/agent/names';
import { readJson } from './repoRoot';

interface ToolContribution {
  name: string;
  toolReferenceName?: string;
  displayName: string;
  modelDescription: string;
  userDescription?: string;
  canBeReferencedInPrompt?: boolean;
  when?: string;
  tags?: string[];
  inputSchema: { type: string; properties: Record<string, unknown>; additionalProperties: boolean };
}

const tools = readJson<{ contributes: { languageModelTools: ToolContribution[] } }>('manifest/70-agent.json').contributes.languageModelTools;

describe('agent tools: manifest', () => {
  it('contributes exactly the tools the code registers', () => {
    assert.deepEqual(tools.map((t) => t.name).sort(), Object.keys(agentTools).sort());
  });

  it('hides the write tools in untrusted workspaces, and tags each tool read-only or write', () => {
    for (const t of tools) {
      const writes = agentTools[t.name as keyof typeof agentTools].writes;
      assert.equal(t.when, writes ? 'isWorkspaceTrusted' : undefined, t.name);
      assert.ok(t.tags?.includes(writes ? 'write' : 'read-only'), t.name);
    }
  });

  it('has what VS Code requires, closed input schemas, and no input named like a value', () => {
    for (const t of tools) {
      assert.match(t.name, /^azureKeyVault_[A-Za-z]+$/);
      assert.ok(t.displayName && t.modelDescription && t.userDescription && t.toolReferenceName && t.canBeReferencedInPrompt, t.name);
      assert.equal(t.inputSchema.type, 'object');
      assert.equal(t.inputSchema.additionalProperties, false, t.name);
      for (const key of Object.keys(t.inputSchema.properties)) assert.doesNotMatch(key, /value|password|text|content$/i, `${t.name}.${key}`);
    }
  });
});
