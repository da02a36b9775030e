// Azure Resource Manager: tenants, subscriptions, Key Vault vaults (live and deleted), generic resources and
// Resource Graph. Every call needs a token for the ARM audience; what a caller sees depends on its tenant and id.
import {
  deletedVaultJson, genericResourceJson, subscriptionJson, tenantsFor, VAULT_TYPE, vaultJson, vaultResourceJson,
} from './arm-model';
import { armApiVersionError } from './apiVersions';
import { authorizationArmRoutes } from './authorization/routes';
import { ARM_AUDIENCE, authenticate } from './auth';
import type { Principal, Subscription } from './directory';
import { EmuError } from './errors';
import { matchRoute, parseJsonBody, type HttpInput, type PlaneHandler } from './httpio';
import { armPage } from './paging';
import { managedHsmArmRoutes, managedHsmResourceJson, managedHsmsOf } from './hsm/arm';
import type { TokenClaims } from './jwt';
import { resourceGraph, type GraphRequest } from './resourcegraph';
import type { EmuResponse } from './types';
import type { World } from './world';

interface ArmCall {
  readonly input: HttpInput;
  readonly params: Record<string, string>;
  readonly claims: TokenClaims;
  readonly principal: Principal;
}

type ArmRun = (call: ArmCall) => EmuResponse;

function armError(status: number, code: string, message: string, headers?: Record<string, string>): EmuError {
  return new EmuError(status, code, message, undefined, headers);
}

const SUB = '(?<sub>[^/]+)';
const RG = '(?<rg>[^/]+)';

export class Arm {
  constructor(private readonly world: World) {}

  private challenge(description: string, tenantId?: string): Record<string, string> {
    const uri = `${this.world.loginOrigin}/${tenantId ?? ''}`;
    return { 'www-authenticate': `Bearer authorization_uri="${uri}", error="invalid_token", error_description="${description}"` };
  }

  private authFailure(input: HttpInput): EmuError | { claims: TokenClaims } {
    const outcome = authenticate(input.headers, this.world.signer, ARM_AUDIENCE, this.world.loginOrigin);
    if (outcome.ok) {
      return { claims: outcome.claims };
    }
    switch (outcome.failure) {
      case 'missing':
        return armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", this.challenge("The authentication failed because of missing 'Authorization' header."));
      case 'expired': {
        const exp = new Date(Number(outcome.claims?.exp ?? 0) * 1000).toISOString();
        return armError(401, 'ExpiredAuthenticationToken', `The access token expiry UTC time '${exp}' is earlier than current UTC time '${new Date().toISOString()}'.`, this.challenge('The access token has expired.'));
      }
      case 'audience':
        return armError(
          401,
          'InvalidAuthenticationTokenAudience',
          `The access token has been obtained for wrong audience or resource '${String(outcome.claims?.aud)}'. It should exactly match with one of the allowed audiences '${ARM_AUDIENCE}','${ARM_AUDIENCE.replace(/\/$/, '')}'.`,
          this.challenge('The access token has been obtained for wrong audience or resource.'),
        );
      default:
        return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', this.challenge('The access token is invalid.'));
    }
  }

  private subscription(call: ArmCall, action: string): Subscription {
    const id = call.params.sub ?? '';
    const s = this.world.directory.subscriptions.get(id.toLowerCase());
    if (!s) {
      throw armError(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);
    }
    if (s.tenantId.toLowerCase() !== call.principal.tenantId.toLowerCase()) {
      throw armError(
        401,
        'InvalidAuthenticationTokenTenant',
        `The access token is from the wrong issuer '${call.claims.iss}'. It must match the tenant '${this.world.loginOrigin}/${s.tenantId}/' associated with this subscription. Please use the authority (URL) '${this.world.loginOrigin}/${s.tenantId}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
        this.challenge('The access token is from the wrong issuer.', s.tenantId),
      );
    }
    if (!this.world.directory.canSeeSubscription(call.principal, s)) {
      const who = call.claims.upn ?? call.claims.appid ?? call.principal.objectId;
      throw armError(
        403,
        'AuthorizationFailed',
        `The client '${who}' with object id '${call.principal.objectId}' does not have authorization to perform action '${action}' over scope '/subscriptions/${s.id}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
    }
    return s;
  }

  private vaultsOf(s: Subscription, rg?: string): ReturnType<World['liveVaults']> {
    return this.world
      .liveVaults()
      .filter((v) => v.subscriptionId.toLowerCase() === s.id.toLowerCase() && (rg === undefined || v.resourceGroup.toLowerCase() === rg.toLowerCase()))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A resource group exists when something is in it (a vault, a managed HSM, a seeded resource). */
  private knownResourceGroup(s: Subscription, rg: string): boolean {
    const same = (x: { subscriptionId: string; resourceGroup: string }): boolean =>
      x.subscriptionId.toLowerCase() === s.id.toLowerCase() && x.resourceGroup.toLowerCase() === rg.toLowerCase();
    return this.world.liveVaults().some(same) || managedHsmsOf(this.world, s.id, rg).length > 0 || s.resources.some((r) => r.resourceGroup.toLowerCase() === rg.toLowerCase());
  }

  private page<T>(call: ArmCall, items: readonly T[]): EmuResponse {
    return { status: 200, body: armPage(items, this.world.armOrigin, call.input.path, call.input.query, this.world.settings.armPageSize) };
  }

  private routes(): { method: string; pattern: RegExp; run: ArmRun }[] {
    const kv = 'providers/Microsoft\\.KeyVault';
    return [
      {
        method: 'GET',
        pattern: /^\/tenants\/?$/i,
        run: (c) => {
          const user = this.world.directory.userByObjectId(c.principal.objectId);
          const home = user?.homeTenant ?? this.world.directory.appByObjectId(c.principal.objectId)?.tenantId ?? c.principal.tenantId;
          return this.page(c, tenantsFor(this.world.directory, this.world.directory.tenantsOf(c.principal), home));
        },
      },
      { method: 'GET', pattern: /^\/subscriptions\/?$/i, run: (c) => this.page(c, this.world.directory.visibleSubscriptions(c.principal).map(subscriptionJson)) },
      { method: 'GET', pattern: new RegExp(`^/subscriptions/${SUB}/?$`, 'i'), run: (c) => ({ status: 200, body: subscriptionJson(this.subscription(c, 'Microsoft.Resources/subscriptions/read')) }) },
      {
        method: 'GET',
        pattern: new RegExp(`^/subscriptions/${SUB}/resources/?$`, 'i'),
        run: (c) => {
          const s = this.subscription(c, 'Microsoft.Resources/subscriptions/resources/read');
          const filter = c.input.query.get('$filter');
          const m = filter ? /^\s*resourceType\s+eq\s+'([^']+)'\s*$/i.exec(filter) : null;
          if (filter && !m) {
            throw armError(400, 'InvalidFilterInQueryString', `Invalid $filter '${filter}' specified in the query string. The emulator supports "resourceType eq '<type>'".`);
          }
          const type = m?.[1]?.toLowerCase();
          const items = [
            ...this.vaultsOf(s).map(vaultResourceJson),
            ...managedHsmsOf(this.world, s.id).map(managedHsmResourceJson),
            ...s.resources.map((r) => genericResourceJson(s.id, r)),
          ].filter((r) => type === undefined || String(r.type).toLowerCase() === type);
          return this.page(c, items);
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/subscriptions/${SUB}/${kv}/vaults/?$`, 'i'),
        run: (c) => this.page(c, this.vaultsOf(this.subscription(c, `${VAULT_TYPE}/read`)).map(vaultJson)),
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/subscriptions/${SUB}/resourceGroups/${RG}/${kv}/vaults/?$`, 'i'),
        run: (c) => {
          const s = this.subscription(c, `${VAULT_TYPE}/read`);
          const rg = c.params.rg ?? '';
          if (!this.knownResourceGroup(s, rg)) {
            throw armError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
          }
          return this.page(c, this.vaultsOf(s, rg).map(vaultJson));
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/subscriptions/${SUB}/resourceGroups/${RG}/${kv}/vaults/(?<name>[^/]+)/?$`, 'i'),
        run: (c) => {
          const s = this.subscription(c, `${VAULT_TYPE}/read`);
          const v = this.vaultsOf(s, c.params.rg).find((x) => x.name.toLowerCase() === (c.params.name ?? '').toLowerCase());
          if (!v) {
            throw armError(404, 'ResourceNotFound', `The Resource '${VAULT_TYPE}/${c.params.name}' under resource group '${c.params.rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
          }
          return { status: 200, body: vaultJson(v) };
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/subscriptions/${SUB}/${kv}/deletedVaults/?$`, 'i'),
        run: (c) => {
          const s = this.subscription(c, 'Microsoft.KeyVault/deletedVaults/read');
          const deleted = [...this.world.vaults.values()].filter((v) => v.deleted && v.subscriptionId.toLowerCase() === s.id.toLowerCase());
          return this.page(c, deleted.map(deletedVaultJson));
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/subscriptions/${SUB}/${kv}/locations/(?<loc>[^/]+)/deletedVaults/(?<name>[^/]+)/?$`, 'i'),
        run: (c) => {
          const s = this.subscription(c, 'Microsoft.KeyVault/deletedVaults/read');
          const v = [...this.world.vaults.values()].find(
            (x) => x.deleted && x.subscriptionId.toLowerCase() === s.id.toLowerCase() && x.name.toLowerCase() === (c.params.name ?? '').toLowerCase(),
          );
          if (!v) {
            throw armError(404, 'DeletedVaultNotFound', `The specified deleted vault '${c.params.name}' does not exist in the specified subscription.`);
          }
          return { status: 200, body: deletedVaultJson(v) };
        },
      },
      {
        method: 'POST',
        pattern: /^\/providers\/Microsoft\.ResourceGraph\/resources\/?$/i,
        run: (c) => {
          const body = (parseJsonBody(c.input.body) ?? {}) as GraphRequest;
          return { status: 200, body: resourceGraph(body, this.world.directory.visibleSubscriptions(c.principal), this.world.liveVaults(), [...this.world.managedHsms.values()]) };
        },
      },
      ...managedHsmArmRoutes<ArmCall>({
        world: this.world,
        subscription: (c, action) => this.subscription(c, action),
        page: (c, items) => this.page(c, items),
        knownResourceGroup: (s, rg) => this.knownResourceGroup(s, rg),
      }),
      ...authorizationArmRoutes<ArmCall>({
        world: this.world,
        subscription: (c, action) => this.subscription(c, action),
        page: (c, items) => this.page(c, items),
      }),
    ];
  }

  handler(): PlaneHandler {
    const routes = this.routes();
    return (input) => {
      const auth = this.authFailure(input);
      if (auth instanceof EmuError) {
        return auth.toResponse();
      }
      const apiVersion = input.query.get('api-version');
      if (!apiVersion) {
        return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.').toResponse();
      }
      const badVersion = armApiVersionError(input.path, apiVersion, input.query.get('$filter'));
      if (badVersion) {
        return badVersion.toResponse();
      }
      const found = matchRoute(routes, input.method, input.path);
      if (found === undefined || found === 'methodMismatch') {
        return armError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${this.world.armOrigin}${input.path}'.`).toResponse();
      }
      const principal = { tenantId: auth.claims.tid, objectId: auth.claims.oid };
      try {
        return found.route.run({ input, params: found.params, claims: auth.claims, principal });
      } catch (err) {
        if (err instanceof EmuError) return err.toResponse();
        if (err instanceof SyntaxError) return armError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.').toResponse();
        throw err;
      }
    };
  }
}
