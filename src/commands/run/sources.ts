// Where the variables of a run come from: a references file (dotenv syntax, read from disk or from its open editor's
// unsaved text) and name → value objects (a launch configuration's `env`, a task's `env`), each as EnvInputs that
// say where they were written.
import * as vscode from 'vscode';
import { loadReferences } from '../../references/lazy';
import type { Services } from '../../services';
import type { EnvInput } from './resolve';

/** The text of a file: its open editor's (unsaved edits included), else the disk's; undefined when unreadable. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** How a file is named in messages and terminal names: relative to its workspace folder. */
export function fileLabel(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** The definitions of an env file's text, each with `file:line`. */
export async function fileInputs(services: Services, label: string, text: string): Promise<EnvInput[]> {
  const refs = await loadReferences();
  return refs.parseEnvFile(text, services.session.referenceParseOptions()).map((e) => ({ name: e.name, value: e.value, meaning: e.meaning, where: `${label}:${e.line + 1}` }));
}

/** The string values of an object (`env`), each with `where`. */
export async function objectInputs(services: Services, values: readonly { readonly name: string; readonly value: string }[], where: string): Promise<EnvInput[]> {
  const refs = await loadReferences();
  const options = services.session.referenceParseOptions();
  return values.map(({ name, value }) => ({ name, value, meaning: refs.envValueMeaning(value, options), where }));
}

/** Name → value, the later definition of a name winning (dotenv's rule within a file, and across files). */
export function lastWins(inputs: readonly EnvInput[], values: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  inputs.forEach((input, i) => {
    map.delete(input.name);
    map.set(input.name, values[i]!);
  });
  return map;
}
