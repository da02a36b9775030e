// The control API (HTTPS + JSON, unauthenticated, local only): request log, faults, throttling, denial, timings,
// clock, run-time seeding and token minting for tests. Never logged and never subject to faults.
import { ARM_AUDIENCE, VAULT_AUDIENCE } from './auth';
import { roleAssignmentJson } from './authorization/json';
import { covers, vaultScope } from './authorization/scope';
import type { Entra } from './entra';
import { EmuError, errorToResponse } from './errors';
import type { FaultSpec } from './faults';
import { matchRoute, parseJsonBody, type HttpInput, type PlaneHandler } from './httpio';
import type { RequestLogFilter } from './requestlog';
import { asSeed, type SeedDeny, type SeedFile } from './seed';
import type { EmuResponse } from './types';
import type { World } from './world';

export interface ControlHost {
  readonly world: World;
  readonly entra: Entra;
  info(): Record<string, unknown>;
  loadSeed(seed: SeedFile): Promise<Record<string, unknown>[]>;
}

type Body = Record<string, unknown>;
type Run = (input: HttpInput, body: Body, params: Record<string, string>) => EmuResponse | Promise<EmuResponse>;

function bad(message: string): EmuError {
  return new EmuError(400, 'BadRequest', message);
}

function num(v: unknown, what: string, allowNull = false): number | null | undefined {
  if (v === undefined) return undefined;
  if (v === null && allowNull) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw bad(`"${what}" must be a non-negative number`);
  return v;
}

function str(v: unknown, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw bad(`"${what}" must be a non-empty string`);
  return v;
}

const ok = (body: unknown = { ok: true }): EmuResponse => ({ status: 200, body });

export function controlHandler(host: ControlHost): PlaneHandler {
  const w = host.world;
  const knownVault = (name: string): string => {
    if (!w.vault(name)) throw new EmuError(404, 'VaultNotFound', `No vault named ${name}`);
    return name;
  };
  const routes: { method: string; pattern: RegExp; run: Run }[] = [
    { method: 'GET', pattern: /^\/control\/?(?:info)?\/?$/, run: () => ok(host.info()) },
    {
      method: 'GET',
      pattern: /^\/control\/requests\/?$/,
      run: (input) => {
        const q = input.query;
        const f: RequestLogFilter = {};
        if (q.get('plane')) f.plane = q.get('plane')!;
        if (q.get('vault')) f.vault = q.get('vault')!;
        if (q.get('method')) f.method = q.get('method')!;
        if (q.get('status')) f.status = Number(q.get('status'));
        if (q.get('pathContains')) f.pathContains = q.get('pathContains')!;
        if (q.get('pathRegex')) f.pathRegex = new RegExp(q.get('pathRegex')!);
        if (q.get('sinceId')) f.sinceId = Number(q.get('sinceId'));
        if (q.get('limit')) f.limit = Number(q.get('limit'));
        return ok({ cursor: w.log.cursor, requests: w.log.query(f) });
      },
    },
    { method: 'DELETE', pattern: /^\/control\/requests\/?$/, run: () => { w.log.clear(); return ok(); } },
    { method: 'GET', pattern: /^\/control\/faults\/?$/, run: () => ok({ faults: w.faults.list().map(({ regex: _r, ...f }) => f) }) },
    {
      method: 'POST',
      pattern: /^\/control\/faults\/?$/,
      run: (_i, b) => {
        try {
          const { regex: _r, ...fault } = w.faults.add(b as unknown as FaultSpec);
          return ok(fault);
        } catch (err) {
          throw bad(err instanceof Error ? err.message : String(err));
        }
      },
    },
    { method: 'DELETE', pattern: /^\/control\/faults\/?$/, run: () => { w.faults.remove(); return ok(); } },
    { method: 'DELETE', pattern: /^\/control\/faults\/(?<id>\d+)\/?$/, run: (_i, _b, p) => { w.faults.remove(Number(p.id)); return ok(); } },
    {
      method: 'PUT',
      pattern: /^\/control\/throttle\/?$/,
      run: (_i, b) => {
        const vault = str(b.vault, 'vault');
        const limit = num(b.limitPer10s, 'limitPer10s', true);
        if (limit === undefined) throw bad('"limitPer10s" is required (null or 0 lifts the limit)');
        w.throttle.setLimit(vault === undefined ? undefined : knownVault(vault), limit === 0 ? null : limit);
        return ok();
      },
    },
    {
      method: 'PUT',
      pattern: /^\/control\/deny\/?$/,
      run: (_i, b) => {
        const vault = knownVault(str(b.vault, 'vault') ?? '');
        try {
          w.deny.add(vault, b as unknown as SeedDeny);
        } catch (err) {
          throw bad(err instanceof Error ? err.message : String(err));
        }
        return ok({ deny: w.deny.snapshot() });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/control\/deny\/?$/,
      run: (input, b) => {
        const vault = knownVault(str(b.vault ?? input.query.get('vault') ?? undefined, 'vault') ?? '');
        w.deny.lift(vault, str(b.objectId ?? input.query.get('objectId') ?? undefined, 'objectId'));
        return ok({ deny: w.deny.snapshot() });
      },
    },
    {
      method: 'PUT',
      pattern: /^\/control\/settings\/?$/,
      run: (_i, b) => {
        const s = w.settings;
        s.latencyMs = num(b.latencyMs, 'latencyMs') ?? s.latencyMs;
        s.tokenLifetimeSec = num(b.tokenLifetimeSec, 'tokenLifetimeSec') ?? s.tokenLifetimeSec;
        const page = num(b.armPageSize, 'armPageSize');
        if (page !== undefined && page !== null && page < 1) throw bad('"armPageSize" must be at least 1');
        s.armPageSize = page ?? s.armPageSize;
        return ok({ settings: s });
      },
    },
    {
      method: 'PUT',
      pattern: /^\/control\/timings\/?$/,
      run: (_i, b) => {
        const vault = str(b.vault, 'vault');
        const del = num(b.deleteDelayMs, 'deleteDelayMs') ?? undefined;
        const cert = num(b.certificateDelayMs, 'certificateDelayMs') ?? undefined;
        const targets = vault === undefined ? w.liveVaults() : [w.vault(knownVault(vault))!];
        if (vault === undefined) {
          w.settings.deleteDelayMs = del ?? w.settings.deleteDelayMs;
          w.settings.certificateDelayMs = cert ?? w.settings.certificateDelayMs;
        }
        for (const t of targets) {
          if (del !== undefined) t.timings.deleteDelayMs = del;
          if (cert !== undefined) t.timings.certificateDelayMs = cert;
        }
        return ok({ vaults: Object.fromEntries(targets.map((t) => [t.name, t.timings])) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/control\/role-assignments\/?$/,
      run: (input) => {
        // Every Azure RBAC assignment (synthesized defaults included), or those at or below one vault.
        const name = input.query.get('vault');
        const record = name ? w.vault(knownVault(name)) : undefined;
        const all = w.roleAssignments.all(w.directory, w.liveVaults());
        const items = record ? all.filter((a) => covers(vaultScope(record), a.scope)) : all;
        return ok({ roleAssignments: items.map(roleAssignmentJson) });
      },
    },
    { method: 'GET', pattern: /^\/control\/clock\/?$/, run: () => ok({ now: w.clock.now(), offsetMs: w.clock.offset }) },
    {
      method: 'POST',
      pattern: /^\/control\/clock\/?$/,
      run: (_i, b) => {
        if (typeof b.offsetMs === 'number') w.clock.setOffset(b.offsetMs);
        else if (typeof b.advanceMs === 'number') w.clock.advance(b.advanceMs);
        else throw bad('give "advanceMs" or "offsetMs"');
        return ok({ now: w.clock.now(), offsetMs: w.clock.offset });
      },
    },
    {
      method: 'POST',
      pattern: /^\/control\/seed\/?$/,
      run: async (_i, b) => {
        let seed: SeedFile;
        try {
          seed = asSeed(b);
        } catch (err) {
          throw bad(err instanceof Error ? err.message : String(err));
        }
        try {
          return ok({ vaults: await host.loadSeed(seed) });
        } catch (err) {
          // An item the stores refuse (a name clash, a bad key): the seed's fault, so a 400 with the reason.
          if (err instanceof EmuError || !(err instanceof Error)) throw err;
          throw bad(`seed: ${err.message.replace(/^seed: /, '')}`);
        }
      },
    },
    {
      method: 'POST',
      pattern: /^\/control\/token\/?$/,
      run: (_i, b) => {
        const tenantId = str(b.tenantId, 'tenantId');
        if (!tenantId) throw bad('"tenantId" is required');
        const audRaw = str(b.audience, 'audience') ?? 'vault';
        const audience = audRaw === 'vault' ? VAULT_AUDIENCE : audRaw === 'arm' ? ARM_AUDIENCE : audRaw;
        const lifetime = b.lifetimeSec;
        if (lifetime !== undefined && typeof lifetime !== 'number') throw bad('"lifetimeSec" must be a number (negative for an expired token)');
        const token = host.entra.mint({
          tenantId, audience, objectId: str(b.objectId, 'objectId'), clientId: str(b.clientId, 'clientId'),
          lifetimeSec: lifetime, issuer: str(b.issuer, 'issuer'),
        });
        return ok({ access_token: token, token_type: 'Bearer' });
      },
    },
  ];
  return async (input) => {
    const found = matchRoute(routes, input.method, input.path);
    if (found === undefined || found === 'methodMismatch') {
      return new EmuError(404, 'NotFound', `No control endpoint ${input.method} ${input.path}`).toResponse();
    }
    try {
      const parsed = parseJsonBody(input.body) ?? {};
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw bad('the body must be a JSON object');
      return await found.route.run(input, parsed as Body, found.params);
    } catch (err) {
      if (err instanceof SyntaxError) return bad(`invalid JSON: ${err.message}`).toResponse();
      return errorToResponse(err);
    }
  };
}
