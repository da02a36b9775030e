// Which reference format fits a file: by file name first, then language id, then content (a Kubernetes
// SecretProviderClass is plain YAML). The rest are offered after it, those that can reference the kind.
import { formatIds, referenceFormats } from './formats';
import type { FormatId, ObjectKind } from './types';

export interface FileFacts {
  /** Path or URI path of the document (only its shape is used). */
  readonly path: string;
  readonly languageId: string;
  /** The document's text (or its first part): content rules. */
  readonly text?: string;
}

function baseName(path: string): string {
  return path.replace(/\\/g, '/').split('/').pop() ?? path;
}

/** The format that fits the file best; `uri` when nothing more specific does. */
export function formatForFile(file: FileFacts): FormatId {
  const path = file.path.replace(/\\/g, '/');
  const name = baseName(path).toLowerCase();
  const text = file.text ?? '';
  if (/^appsettings(\..+)?\.json$/.test(name) || name === 'local.settings.json') return 'appServiceUri';
  if (/\.parameters(\.[^/]+)?\.json$/.test(name) || (name.endsWith('.json') && /deploymentParameters\.json/i.test(text))) return 'armParameter';
  if (name.endsWith('.bicepparam') || file.languageId === 'bicep-params') return 'bicepparam';
  if (name.endsWith('.bicep') || file.languageId === 'bicep') return 'bicep';
  if (/\.(tf|tf\.json)$/.test(name) || file.languageId === 'terraform') return 'terraform';
  const yaml = /\.ya?ml$/.test(name) || file.languageId === 'yaml';
  if (yaml && /(^|\/)\.github\/workflows\/[^/]+$/.test(path)) return 'githubActions';
  if (yaml && (/^azure-pipelines.*\.ya?ml$/.test(name) || /^\s*-\s*task:\s*\S+@\d+/m.test(text))) return 'azurePipelines';
  if (yaml && (/^\s*kind:\s*SecretProviderClass\b/m.test(text) || /secrets-store\.csi/.test(text))) return 'csi';
  if (name.endsWith('.json') && (/appconfig/.test(name) || text.includes('keyvaultref+json'))) return 'appConfig';
  if (file.languageId === 'csharp' || name.endsWith('.cs')) return 'dotnetKey';
  if (name.endsWith('.keyvault')) return 'kvUri';
  return 'uri';
}

/** The best format first, then every other format that can reference the kind. */
export function formatsForFile(file: FileFacts, kind: ObjectKind): FormatId[] {
  const best = formatForFile(file);
  const fits = (id: FormatId) => referenceFormats[id].kinds.includes(kind);
  // A kind the file's syntax can't name (a key in appsettings.json): its URI comes first.
  const first: FormatId = fits(best) ? best : 'uri';
  return [first, ...formatIds.filter((id) => id !== first && fits(id))];
}
