// Every reference format, by id, in the order the quick pick offers them.
import { appConfig } from './appConfig';
import { appServiceName, appServiceUri } from './appService';
import { armParameter } from './arm';
import { bicep, bicepparam } from './bicep';
import { csi } from './csi';
import { kvUri } from './kvUri';
import type { ReferenceFormat } from './format';
import { azurePipelines, githubActions } from './pipelines';
import { dotnetKey, uri } from './plain';
import { terraform } from './terraform';
import type { FormatId } from '../types';

export type { ReferenceFormat } from './format';
export { entriesOf } from './context';

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
  kvUri,
};

export const formatIds = Object.keys(referenceFormats) as FormatId[];
