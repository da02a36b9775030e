// Issue 22, the parts below VS Code: who the ARM token says the caller is (decoded, never trusted for more), and the
// manifest's menus hiding each command a role can refuse on the rows where the verdict refuses it.
import * as assert from 'node:assert/strict';
import { principalOfToken } from '../../src/azure/access';
import { commandAccess, COMMAND_ACCESS_IDS } from '../../src/model/access';
import { readJson } from './repoRoot';

const jwt = (claims: Record<string, unknown>): string => ['{"alg":"RS256"}', JSON.stringify(claims), 'sig'].map((p, i) => (i < 2 ? Buffer.from(p).toString('base64url') : p)).join('.');

describe('access check: the principal of a token', () => {
  it('a user: object id, tenant, upn', () => {
    assert.deepEqual(principalOfToken(jwt({ oid: 'o1', tid: 't1', upn: 'ada@contoso.com', appid: 'vscode' })), { objectId: 'o1', tenantId: 't1', name: 'ada@contoso.com', kind: 'user' });
    assert.equal(principalOfToken(jwt({ oid: 'o1', preferred_username: 'ada@contoso.com' })).name, 'ada@contoso.com');
  });

  it('an application (service principal): idtyp app, or no user name but an app id', () => {
    assert.deepEqual(principalOfToken(jwt({ oid: 'o2', tid: 't1', idtyp: 'app', appid: 'a1', app_displayname: 'ci' })), { objectId: 'o2', tenantId: 't1', name: 'ci', kind: 'servicePrincipal' });
    assert.equal(principalOfToken(jwt({ oid: 'o2', appid: 'a1' })).kind, 'servicePrincipal');
  });

  it('nothing from what is not a JWT', () => {
    assert.deepEqual(principalOfToken('opaque'), {});
    assert.deepEqual(principalOfToken('a.!!!.c'), {});
  });
});

describe('access check: the menus of the vaults view follow the verdict (package.json)', () => {
  const menus = readJson<{ contributes: { menus: Record<string, { command: string; when?: string }[]>; submenus?: { id: string }[] } }>('package.json').contributes;
  const entries = [
    ...(menus.menus['view/item/context'] ?? []),
    ...(menus.submenus ?? []).flatMap((s) => menus.menus[s.id] ?? []),
  ];

  it('every entry of a command a role can refuse is hidden where the row says so', () => {
    let guarded = 0;
    for (const entry of entries) {
      const need = commandAccess(entry.command);
      if (!need) continue;
      const facet = `no-${need.kind === 'row' ? 'this' : need.kind}-${need.op}`;
      const guard = (entry.when ?? '').split('&&').map((t) => t.trim()).find((t) => t.includes(facet));
      assert.ok(guard, `${entry.command} (${entry.when ?? ''}) is not guarded by ${facet}`);
      const re = new RegExp(/\/(.*)\//.exec(guard)![1]!);
      assert.ok(re.test('secret;enabled'), `${entry.command}: shown on a row with no facet`);
      assert.ok(!re.test(`secret;enabled;${facet};canGrant`), `${entry.command}: hidden on a row with ${facet}`);
      guarded++;
    }
    assert.ok(guarded > 40, `guarded ${guarded} entries`);
  });

  it('the table names known commands only', () => {
    const declared = new Set(readJson<{ contributes: { commands: { command: string }[] } }>('package.json').contributes.commands.map((c) => c.command));
    for (const id of COMMAND_ACCESS_IDS) assert.ok(declared.has(id), id);
  });
});
