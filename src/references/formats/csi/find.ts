// The references of SecretProviderClass documents (Secrets Store CSI driver, Azure provider): every item of the
// `objects: | array:` block scalar names one object of the class's `keyvaultName` vault — `objectName`, `objectType`
// (secret | key | cert), `objectVersion` (empty or absent: the latest); `objectAlias` only renames the mounted file.
// Schema: https://azure.github.io/secrets-store-csi-driver-provider-azure/docs/getting-started/usage/ ("objects":
// a string whose `array` lists strings, each the YAML of one object) and, for `secretObjects[].data[].objectName`
// ("name of the mounted content to sync. this could be the object name or object alias"),
// https://github.com/kubernetes-sigs/secrets-store-csi-driver/blob/main/docs/book/src/topics/sync-as-kubernetes-secret.md
//
// The objects are YAML inside YAML inside YAML: each level is a literal block scalar whose lines carry the block's
// indentation. `unindent` strips it (and `\r`) and keeps a map from the inner text back to the file's offsets, so
// the name's span is exact in the file whatever its indentation and line breaks. Pure: no vscode.
import { isMap, isScalar, isSeq, parseAllDocuments, parseDocument, Scalar, type Document, type Node } from 'yaml';
import type { FoundReference, ObjectKind } from '../../types';
import { objectNamePattern, vaultNamePattern, versionPattern } from '../../patterns';

const kinds: Record<string, ObjectKind> = { secret: 'secret', key: 'key', cert: 'certificate' };

/** A text cut out of an outer text, and where each of its offsets is in the file. */
interface Inner {
  readonly text: string;
  readonly at: (offset: number) => number;
}

/**
 * The content of a literal block scalar (`|`) of `outer`, without its indentation: the lines after the header line up
 * to `end`, each with the indentation of its first non-blank line removed and its `\r` dropped.
 */
function unindent(outer: Inner, node: Node): Inner | undefined {
  if (!isScalar(node) || node.type !== Scalar.BLOCK_LITERAL || !node.range) return undefined;
  const headerEnd = outer.text.indexOf('\n', node.range[0]);
  if (headerEnd < 0 || headerEnd >= node.range[1]) return undefined;
  const lines = outer.text.slice(headerEnd + 1, node.range[1]).split('\n');
  const indent = /^ */.exec(lines.find((l) => l.trim() !== '') ?? '')![0].length;
  let text = '';
  const starts: number[] = [];
  const sources: number[] = [];
  let lineAt = headerEnd + 1;
  for (const line of lines) {
    const cut = Math.min(indent, /^ */.exec(line)![0].length);
    starts.push(text.length);
    sources.push(lineAt + cut);
    text += `${line.slice(cut).replace(/\r$/, '')}\n`;
    lineAt += line.length + 1;
  }
  const at = (offset: number): number => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > offset) i--;
    return outer.at(sources[i]! + offset - starts[i]!);
  };
  return { text, at };
}

const stringOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * A field's text as the provider reads it (into a string: an unquoted `0123…` version or all-digit name is that
 * text, not the number YAML would make of it): a plain scalar's source, a quoted one's value.
 */
function fieldText(text: string, node: unknown): string | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  if (node.type === Scalar.PLAIN) return text.slice(node.range[0], node.range[1]).trim();
  return stringOf(node.value);
}

/** One item of `array`: the object it names, with its spans in the file. */
function itemReference(item: Inner, vault: string): FoundReference | undefined {
  const doc = parseDocument(item.text, { uniqueKeys: false });
  if (doc.errors.length || !isMap(doc.contents) || !doc.contents.range) return undefined;
  const name = doc.get('objectName', true);
  const nameValue = fieldText(item.text, name);
  const kind = kinds[(stringOf(doc.get('objectType')) ?? '').trim().toLowerCase()];
  if (!isScalar(name) || !name.range || !nameValue || !objectNamePattern.test(nameValue) || !kind) return undefined;
  const nameAt = item.text.indexOf(nameValue, name.range[0]);
  const version = (fieldText(item.text, doc.get('objectVersion', true)) ?? '').trim();
  const contentEnd = item.text.slice(0, doc.contents.range[1]).replace(/\s+$/, '').length;
  return {
    format: 'csi', start: item.at(doc.contents.range[0]), end: item.at(contentEnd - 1) + 1, nameStart: item.at(nameAt), nameEnd: item.at(nameAt) + nameValue.length,
    vault: { by: 'name', name: vault }, kind, name: nameValue, ...(versionPattern.test(version) ? { version: version.toLowerCase() } : {}),
  };
}

function classReferences(file: Inner, doc: Document.Parsed): FoundReference[] {
  const vault = stringOf(doc.getIn(['spec', 'parameters', 'keyvaultName']))?.trim();
  const objectsNode = doc.getIn(['spec', 'parameters', 'objects'], true);
  const objects = vault && vaultNamePattern.test(vault) && isScalar(objectsNode) ? unindent(file, objectsNode) : undefined;
  if (!vault || !objects) return [];
  const inner = parseDocument(objects.text, { uniqueKeys: false });
  const array = isMap(inner.contents) ? inner.contents.get('array', true) : undefined;
  if (!isSeq(array)) return [];
  return array.items.flatMap((node) => {
    const item = isScalar(node) ? unindent(objects, node) : undefined;
    const ref = item && itemReference(item, vault);
    return ref ? [ref] : [];
  });
}

/** The references of every SecretProviderClass document of the text (a text that is not YAML has none). */
export function findCsiReferences(text: string): FoundReference[] {
  if (!text.includes('SecretProviderClass')) return [];
  const file: Inner = { text, at: (offset) => offset };
  try {
    return parseAllDocuments(text).flatMap((doc) => ('contents' in doc && doc.get('kind') === 'SecretProviderClass' ? classReferences(file, doc) : []));
  } catch {
    return [];
  }
}
