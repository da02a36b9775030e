// Backup files by name (src/commands/backups/backupFiles.ts): the name a download suggests, the kind a file name
// says it holds, the object's name read back from a file of the same vault.
import * as assert from 'node:assert/strict';
import { backupFileName, backupStamp, baseName, kindOfFileName, nameHintOf } from '../../src/commands/backups/backupFiles';

describe('backup files by name (pure)', () => {
  const at = new Date(Date.UTC(2026, 11, 6, 15, 4, 5));

  it('suggests {vault}-{name}-{YYYYMMDDhhmmss}.{kind}.blob, stamped in UTC', () => {
    assert.equal(backupStamp(at), '20261206150405');
    assert.equal(backupFileName('kv-prod', 'db-password', 'secret', at), 'kv-prod-db-password-20261206150405.secret.blob');
    assert.equal(backupFileName('kv', 'signing', 'key', at), 'kv-signing-20261206150405.key.blob');
    assert.equal(backupFileName('kv', 'web', 'certificate', at), 'kv-web-20261206150405.certificate.blob');
  });

  it('reads the kind from .secret.blob, .key.blob, .certificate.blob (any case), else none', () => {
    assert.equal(kindOfFileName('kv-db-20261206150405.secret.blob'), 'secret');
    assert.equal(kindOfFileName('x.KEY.BLOB'), 'key');
    assert.equal(kindOfFileName('web.certificate.blob'), 'certificate');
    for (const name of ['backup.blob', 'secret.blob', 'x.secret', 'x.secrets.blob', 'x.cert.blob', 'x.secret.blob.bak', '']) assert.equal(kindOfFileName(name), undefined, name);
  });

  it("reads the object's name back only from a file of the same vault, with the stamp", () => {
    assert.equal(nameHintOf('kv-prod-db-password-20261206150405.secret.blob', 'kv-prod'), 'db-password');
    assert.equal(nameHintOf('KV-PROD-db-20261206150405.key.blob', 'kv-prod'), 'db');
    assert.equal(nameHintOf('kv-prod-db-password-20261206150405.secret.blob', 'kv-test'), undefined, 'another vault');
    assert.equal(nameHintOf('kv-prod-db-password.secret.blob', 'kv-prod'), undefined, 'no stamp');
    assert.equal(nameHintOf('kv-prod--20261206150405.secret.blob', 'kv-prod'), undefined, 'no name');
    assert.equal(nameHintOf('kv-prod-a_b-20261206150405.secret.blob', 'kv-prod'), undefined, 'not a valid name');
  });

  it('names a file by its last path segment', () => {
    assert.equal(baseName('/home/me/kv-db.secret.blob'), 'kv-db.secret.blob');
    assert.equal(baseName('C:\\Users\\me\\kv-db.secret.blob'), 'kv-db.secret.blob');
  });
});
