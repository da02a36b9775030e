// The SecretProviderClass documents of an existing file, read with the `yaml` package's document model: which vault
// each class reads (`keyvaultName` and `cloudName`), its name, and its `objects` block scalar — where an item can
// be appended, how the items are indented, which objects it already lists.
import { isMap, isScalar, parse, parseAllDocuments, Scalar } from 'yaml';
import { csiCloudName } from '../../names';
import type { ReferenceTarget } from '../../types';
import { objectTypeOf } from './render';

export interface ListedObject {
  readonly name: string;
  readonly type: string;
  readonly version: string;
}

/** The `objects: |` block scalar of a class (offsets into the file's text). */
export interface ObjectsBlock {
  /** The end of the `array:` line: items come after it. */
  readonly arrayLineEnd: number;
  /** The end of the block scalar (the start of the line after its last content line). */
  readonly end: number;
  /** After the last non-blank content line: appended items go there, after a line break. */
  readonly appendAt: number;
  /** The indentation of the items' `- |` lines. */
  readonly itemIndent: string;
  /** Where each item's `- ` line starts. */
  readonly itemStarts: readonly number[];
  readonly listed: readonly ListedObject[];
}

export interface ExistingClass {
  readonly vaultName: string;
  /** `cloudName` in lower case; '' for the public cloud (the provider's default). */
  readonly cloud: string;
  readonly objects?: ObjectsBlock;
}

export interface YamlFile {
  /** The ranges of the documents that have contents. */
  readonly documents: readonly (readonly [number, number])[];
  readonly classes: readonly ExistingClass[];
  /** `metadata.name` of every SecretProviderClass (a new class needs another). */
  readonly names: ReadonlySet<string>;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** The cloud a target's vault is in, as `cloudName` spells it (lower case, '' for the public cloud). */
export const cloudOf = (t: ReferenceTarget): string => (csiCloudName(t.vaultUrl) ?? '').toLowerCase();

const normalCloud = (cloud: string | undefined): string => {
  const c = (cloud ?? '').trim().toLowerCase();
  return c === 'azurepubliccloud' ? '' : c;
};

export const sameVault = (c: ExistingClass, t: ReferenceTarget): boolean => c.vaultName.toLowerCase() === t.vaultName.toLowerCase() && c.cloud === cloudOf(t);

/** The same object: Key Vault names are case-insensitive; an empty version or `latest` is the current one. */
export function listedAlready(listed: readonly ListedObject[], t: ReferenceTarget): boolean {
  const version = (t.version ?? '').toLowerCase();
  return listed.some((o) => o.name.toLowerCase() === t.name.toLowerCase() && o.type === objectTypeOf(t.kind) && (o.version === 'latest' ? '' : o.version) === version);
}

function listedObjects(value: string): ListedObject[] {
  try {
    const array = (parse(value) as { array?: unknown } | null)?.array;
    if (!Array.isArray(array)) return [];
    return array.flatMap((item) => {
      const o = typeof item === 'string' ? (parse(item) as Record<string, unknown> | null) : null;
      const name = text(o?.objectName);
      return name ? [{ name, type: (text(o?.objectType) ?? '').toLowerCase(), version: (text(o?.objectVersion) ?? '').toLowerCase() }] : [];
    });
  } catch {
    return [];
  }
}

/** The `objects` value when it is a literal block scalar with an `array:` line. */
function objectsBlock(source: string, node: unknown): ObjectsBlock | undefined {
  if (!isScalar(node) || node.type !== Scalar.BLOCK_LITERAL || !node.range || typeof node.value !== 'string') return undefined;
  const headerEnd = source.indexOf('\n', node.range[0]);
  if (headerEnd < 0) return undefined;
  const end = node.range[1];
  const content = source.slice(headerEnd + 1, end);
  const array = /^([ \t]*)array:[ \t]*(#.*)?$/m.exec(content);
  if (!array) return undefined;
  const arrayIndent = array[1]!;
  const itemLines = [...content.matchAll(/^([ \t]*)-(?=[ \t]|$)/gm)].filter((m) => m.index > array.index && m[1]!.length > arrayIndent.length);
  const itemIndent = itemLines[0]?.[1] ?? `${arrayIndent}  `;
  return {
    arrayLineEnd: headerEnd + 1 + array.index + array[0].length,
    end,
    appendAt: headerEnd + 1 + content.replace(/\s+$/, '').length,
    itemIndent,
    itemStarts: itemLines.filter((m) => m[1] === itemIndent).map((m) => headerEnd + 1 + m.index),
    listed: listedObjects(node.value),
  };
}

/** Reads the file's documents; a file that is not YAML has none. */
export function readYamlFile(source: string): YamlFile {
  const documents: [number, number][] = [];
  const classes: ExistingClass[] = [];
  const names = new Set<string>();
  for (const doc of parseAllDocuments(source)) {
    const contents = doc.contents;
    if (!contents?.range) continue;
    documents.push([contents.range[0], contents.range[1]]);
    if (!isMap(contents) || doc.get('kind') !== 'SecretProviderClass') continue;
    const name = text(doc.getIn(['metadata', 'name']));
    if (name) names.add(name.toLowerCase());
    const vaultName = text(doc.getIn(['spec', 'parameters', 'keyvaultName']));
    if (!vaultName) continue;
    const objects = objectsBlock(source, doc.getIn(['spec', 'parameters', 'objects'], true));
    classes.push({ vaultName, cloud: normalCloud(text(doc.getIn(['spec', 'parameters', 'cloudName']))), ...(objects ? { objects } : {}) });
  }
  return { documents, classes, names };
}
