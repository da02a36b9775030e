// Every reference format, by id, in the order the quick pick offers them.
import { appConfig } from './appConfig';
import { appServiceName, appServiceUri } from './appService';
import { armParameter } from './arm';
import { bicep, bicepparam } from './bicep';
import { csi } from './csi';
import type { ReferenceFormat } from './format';
import { azurePipelines, githubActions } from './pipelines';
import { dotnetKey, uri } from './plain';
import { terraform } from './terraform';
import type { FormatId } from '../types';
import { join, type Template } from '../template';
import type { ReferenceTarget } from '../types';

export type { ReferenceFormat } from './format';

export const referenceFormats: Readonly<Record<FormatId, ReferenceFormat>> = {
  appServiceUri,
  appServiceName,
  armParameter,
  bicep,
  bicepparam,
  appConfig,
  csi,
  githubActions,
  azurePipelines,
  terraform,
  dotnetKey,
  uri,
};

export const formatIds = Object.keys(referenceFormats) as FormatId[];

/** Entries for several targets on lines of their own (JSON entries are separated by commas). */
export function entriesOf(format: ReferenceFormat, targets: readonly ReferenceTarget[]): Template {
  if (targets.length === 1) return format.entry(targets[0]!);
  if (format.entries) return format.entries(targets);
  const jsonLike = format.id === 'appServiceUri' || format.id === 'appServiceName' || format.id === 'armParameter' || format.id === 'appConfig';
  return join(targets.map((t) => format.entry(t)), jsonLike ? ',\n' : '\n');
}
