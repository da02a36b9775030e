// Finds Key Vault references in text, with their positions: App Service settings, object URIs, App
// Configuration values, ARM parameter references, .bicepparam az.getSecret, Bicep getSecret on an `existing`
// vault, Terraform data sources, SecretProviderClass objects (formats/csi/find.ts), Azure Pipelines
// `AzureKeyVault@…` SecretsFilter names (formats/pipelines/find.ts) and `az keyvault … show --vault-name --name`
// commands (formats/pipelines/azCli.ts), and the short form `kv://{vault}/{name}[/{version}]` of `.env.keyvault` files
// (kvUri.ts). Overlapping matches keep the outermost (a URI inside an App Service
// setting is one reference). The YAML finders parse only texts that name their kind (`SecretProviderClass`,
// `AzureKeyVault@`). Pure: no vscode.
//
// Not references: .NET configuration keys (the `dotnetKey` format, `Configuration["ConnectionStrings:Db"]`) name
// a secret of whichever vault the app's configuration provider reads — the text names no vault, so it cannot say
// which object it uses, and nothing here parses them.
import { findKvReferences } from './kvUri';
import { parseArmId } from './names';
import { parseBicep } from './formats/bicep';
import { findCsiReferences } from './formats/csi/find';
import { findAzCliReferences } from './formats/pipelines/azCli';
import { findPipelineReferences } from './formats/pipelines/find';
import { parseTerraform } from './formats/terraform';
import type { FoundReference, VaultLocator } from './types';
import { objectUriOf, objectUriPattern, parseObjectUri, type ParseOptions } from './uris';

export type { ParseOptions } from './uris';

function appService(text: string, options: ParseOptions): FoundReference[] {
  const found: FoundReference[] = [];
  for (const m of text.matchAll(/@Microsoft\.KeyVault\(([^)\r\n]*)\)/gi)) {
    const inner = m[1] ?? '';
    const innerStart = m.index + m[0].indexOf('(') + 1;
    const fields = new Map<string, { value: string; at: number }>();
    let at = 0;
    for (const part of inner.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) {
        const key = part.slice(0, eq).trim().toLowerCase();
        const raw = part.slice(eq + 1);
        const lead = raw.length - raw.trimStart().length;
        fields.set(key, { value: raw.trim(), at: innerStart + at + eq + 1 + lead });
      }
      at += part.length + 1;
    }
    const range = { start: m.index, end: m.index + m[0].length };
    const uri = fields.get('secreturi');
    if (uri) {
      const parsed = parseObjectUri(uri.value, options);
      if (!parsed) continue;
      found.push({
        format: 'appServiceUri', ...range, nameStart: uri.at + parsed.nameStart, nameEnd: uri.at + parsed.nameEnd,
        vault: { by: 'url', url: parsed.vaultUrl }, kind: parsed.kind, name: parsed.name, ...(parsed.version ? { version: parsed.version } : {}),
      });
      continue;
    }
    const vault = fields.get('vaultname');
    const name = fields.get('secretname');
    if (!vault?.value || !name?.value) continue;
    const version = fields.get('secretversion')?.value;
    found.push({
      format: 'appServiceName', ...range, nameStart: name.at, nameEnd: name.at + name.value.length,
      vault: { by: 'name', name: vault.value }, kind: 'secret', name: name.value, ...(version ? { version: version.toLowerCase() } : {}),
    });
  }
  return found;
}

function appConfig(text: string, options: ParseOptions): FoundReference[] {
  const found: FoundReference[] = [];
  for (const m of text.matchAll(/\{\s*(\\?)"uri\1"\s*:\s*\1"(https:\/\/[^"\\\s]+)\1"\s*\}/dg)) {
    const uriStart = m.indices![2]![0];
    const parsed = parseObjectUri(m[2]!, options);
    if (!parsed) continue;
    found.push({
      format: 'appConfig', start: m.index, end: m.index + m[0].length, nameStart: uriStart + parsed.nameStart, nameEnd: uriStart + parsed.nameEnd,
      vault: { by: 'url', url: parsed.vaultUrl }, kind: parsed.kind, name: parsed.name, ...(parsed.version ? { version: parsed.version } : {}),
    });
  }
  return found;
}

function uris(text: string, options: ParseOptions): FoundReference[] {
  const found: FoundReference[] = [];
  for (const m of text.matchAll(objectUriPattern())) {
    const parsed = objectUriOf(m, options);
    if (!parsed) continue;
    found.push({
      format: 'uri', start: m.index, end: m.index + m[0].length, nameStart: m.index + parsed.nameStart, nameEnd: m.index + parsed.nameEnd,
      vault: { by: 'url', url: parsed.vaultUrl }, kind: parsed.kind, name: parsed.name, ...(parsed.version ? { version: parsed.version } : {}),
    });
  }
  return found;
}

/** The index after the brace that closes the one at `open` (strings respected), or -1. */
export function closingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

function armParameters(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  for (const m of text.matchAll(/"reference"\s*:\s*\{/g)) {
    const open = m.index + m[0].length - 1;
    const end = closingBrace(text, open);
    if (end < 0) continue;
    const body = text.slice(open, end);
    const id = /"keyVault"\s*:\s*\{[^{}]*"id"\s*:\s*"([^"]+)"/.exec(body)?.[1];
    const name = /"secretName"\s*:\s*"([^"]+)"/d.exec(body);
    const version = /"secretVersion"\s*:\s*"([^"]+)"/.exec(body)?.[1];
    const vault = id ? parseArmId(id) : undefined;
    if (!vault || !name) continue;
    const nameStart = open + name.indices![1]![0];
    found.push({
      format: 'armParameter', start: m.index, end, nameStart, nameEnd: nameStart + name[1]!.length,
      vault: { by: 'name', name: vault.vaultName, subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup },
      kind: 'secret', name: name[1]!, ...(version ? { version: version.toLowerCase() } : {}),
    });
  }
  return found;
}

function bicepparam(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  const arg = String.raw`\s*'([^'\r\n]*)'\s*`;
  const pattern = new RegExp(String.raw`\baz\.getSecret\(${arg},${arg},${arg},${arg}(?:,${arg})?\)`, 'dg');
  for (const m of text.matchAll(pattern)) {
    const [, sub, rg, vault, name, version] = m;
    if (!vault || !name) continue;
    const locator: VaultLocator = { by: 'name', name: vault, ...(sub ? { subscriptionId: sub } : {}), ...(rg ? { resourceGroup: rg } : {}) };
    found.push({
      format: 'bicepparam', start: m.index, end: m.index + m[0].length, nameStart: m.indices![4]![0], nameEnd: m.indices![4]![1],
      vault: locator, kind: 'secret', name, ...(version ? { version: version.toLowerCase() } : {}),
    });
  }
  return found;
}

/** Every reference in the text, in order; nested matches (a URI inside a setting) are dropped. */
export function findReferences(text: string, options: ParseOptions = {}): FoundReference[] {
  const all = [
    ...appService(text, options),
    ...appConfig(text, options),
    ...armParameters(text),
    ...bicepparam(text),
    ...parseBicep(text),
    ...parseTerraform(text),
    ...findCsiReferences(text),
    ...findPipelineReferences(text),
    ...findAzCliReferences(text),
    ...uris(text, options),
    ...findKvReferences(text, options),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: FoundReference[] = [];
  for (const r of all) {
    const last = kept[kept.length - 1];
    if (!last || r.start >= last.end) kept.push(r);
  }
  return kept;
}

/** The reference at an offset (hover, quick fixes). */
export function referenceAt(text: string, offset: number, options: ParseOptions = {}): FoundReference | undefined {
  return findReferences(text, options).find((r) => offset >= r.start && offset <= r.end);
}
