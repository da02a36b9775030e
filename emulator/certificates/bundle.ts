// The JSON the service returns for certificates: bundles, list items, deleted bundles/items and operations, with the
// field names of certificates.json.
import { attributesJson, deletionJson, latest } from '../objects';
import type { VaultContext } from '../types';
import { thumbprint } from './material';
import type { CertEntry, DeletedEntry, PendingOperation, StoredVersion } from './model';
import { renderPolicy } from './policy';

export function certificateUrl(vault: VaultContext, name: string): string {
  return `${vault.url}/certificates/${name}`;
}

/** A CertificateBundle; `withPolicy` for the latest version (get, create results, update, import, recover). */
export function renderBundle(
  vault: VaultContext,
  entry: CertEntry,
  v: StoredVersion,
  withPolicy: boolean,
): Record<string, unknown> {
  const url = certificateUrl(vault, entry.name);
  const body: Record<string, unknown> = { id: `${url}/${v.version}` };
  const leaf = v.chain?.[0];
  if (leaf) {
    body.kid = `${vault.url}/keys/${entry.name}/${v.version}`;
    body.sid = `${vault.url}/secrets/${entry.name}/${v.version}`;
    body.x5t = thumbprint(leaf);
    body.cer = leaf.toString('base64');
    body.contentType = v.contentType;
  }
  body.attributes = attributesJson(vault, v);
  if (v.tags) body.tags = { ...v.tags };
  if (withPolicy) body.policy = renderPolicy(entry.policy, url);
  if (v.preserveCertOrder !== undefined) body.preserveCertOrder = v.preserveCertOrder;
  return body;
}

/** A CertificateItem (lists): the unversioned id and the latest version's thumbprint, attributes and tags. */
export function renderItem(vault: VaultContext, entry: CertEntry): Record<string, unknown> {
  return renderVersionItem(vault, entry, latest(entry), false);
}

export function renderVersionItem(
  vault: VaultContext,
  entry: CertEntry,
  v: StoredVersion,
  versioned: boolean,
): Record<string, unknown> {
  const url = certificateUrl(vault, entry.name);
  const item: Record<string, unknown> = { id: versioned ? `${url}/${v.version}` : url };
  if (v.chain?.[0]) item.x5t = thumbprint(v.chain[0]);
  item.attributes = attributesJson(vault, v);
  if (v.tags) item.tags = { ...v.tags };
  return item;
}

export function renderDeletedBundle(vault: VaultContext, d: DeletedEntry): Record<string, unknown> {
  return { ...deletionJson(vault, 'Certificate', d.entry.name, d), ...renderBundle(vault, d.entry, latest(d.entry), true) };
}

export function renderDeletedItem(vault: VaultContext, d: DeletedEntry): Record<string, unknown> {
  return { ...deletionJson(vault, 'Certificate', d.entry.name, d), ...renderItem(vault, d.entry) };
}

const IN_PROGRESS_DETAILS =
  'Pending certificate created. Certificate request is in progress. This may take some time based on the issuer provider. Please check again later.';
const MERGE_DETAILS = 'Pending certificate created. Please Perform Merge to complete the request.';

export function renderOperation(vault: VaultContext, entry: CertEntry, op: PendingOperation): Record<string, unknown> {
  const url = certificateUrl(vault, entry.name);
  const body: Record<string, unknown> = {
    id: `${url}/pending`,
    issuer: { ...op.issuer },
    csr: op.csr.toString('base64'),
    cancellation_requested: op.cancellationRequested,
    status: op.status,
  };
  if (op.status === 'inProgress') {
    body.status_details = op.dueAtMs === undefined ? MERGE_DETAILS : IN_PROGRESS_DETAILS;
  }
  if (op.error) body.error = { ...op.error };
  if (op.status === 'completed') body.target = url;
  if (op.preserveCertOrder !== undefined) body.preserveCertOrder = op.preserveCertOrder;
  body.request_id = op.requestId;
  return body;
}
