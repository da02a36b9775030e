// The emulator: TLS material, the login/ARM/control listeners, one HTTPS listener per vault and per managed HSM, and seeding.
import * as fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Arm } from './arm';
import { vaultId } from './arm-model';
import { defaultAccessPolicies, seedRoleAssignments as seedAzureRoleAssignments } from './authorization/seed';
import { ARM_AUDIENCE, MANAGED_HSM_AUDIENCE, VAULT_AUDIENCE } from './auth';
import { BackupCodec } from './backup';
import { parseSeedTime, nowSeconds } from './clock';
import { controlHandler } from './control';
import { dataPlaneHandler, LATEST_API_VERSION, SUPPORTED_API_VERSIONS } from './dataplane';
import { Entra } from './entra';
import { checkFaultSpec, type FaultSpec } from './faults';
import { createManagedHsm, managedHsmInfo, seedManagedHsmKeys } from './hsm/create';
import { seedRoleAssignments } from './hsm/seed';
import { callerAddress, frontDoor, listenHttps, plainDoor, type Listener, type PlaneHandler } from './httpio';
import { TokenSigner } from './jwt';
import type { Plane } from './requestlog';
import type { SeedFile, SeedVault } from './seed';
import { prepareTls, type TlsMaterial } from './tls';
import type { VaultContext } from './types';
import { Vault } from './vault';
import { World, type Settings, type VaultRecord } from './world';

export interface EmulatorOptions {
  /** First port (login; ARM, control and vaults follow); 0 picks free ports. */
  port?: number;
  stateDir?: string;
  seed?: SeedFile;
  seedPath?: string;
  latencyMs?: number;
  throttleLimit?: number | null;
  tokenLifetimeSec?: number;
  armPageSize?: number;
  deleteDelayMs?: number;
  certificateDelayMs?: number;
  verbose?: boolean;
  /** Faults in force from the start (`--fault`), before the seed's own `faults`. */
  faults?: FaultSpec[];
}

export class Emulator {
  readonly world: World;
  readonly entra: Entra;
  private readonly codec = new BackupCodec();
  private readonly listeners: Listener[] = [];
  private nextPort: number;
  private controlOrigin = '';
  private seeding: Promise<void> = Promise.resolve();

  private constructor(
    private readonly tls: TlsMaterial,
    signer: TokenSigner,
    private readonly opts: EmulatorOptions,
    private readonly stateDir: string,
    private readonly ownsStateDir: boolean,
  ) {
    const settings: Settings = {
      latencyMs: opts.latencyMs ?? 0,
      tokenLifetimeSec: opts.tokenLifetimeSec ?? 3600,
      armPageSize: opts.armPageSize ?? 100,
      deleteDelayMs: opts.deleteDelayMs ?? 1000,
      certificateDelayMs: opts.certificateDelayMs ?? 2000,
      verbose: opts.verbose ?? false,
    };
    this.world = new World(settings, signer, opts.throttleLimit ?? null);
    this.entra = new Entra(this.world);
    this.nextPort = opts.port ?? 0;
  }

  static async start(opts: EmulatorOptions = {}): Promise<Emulator> {
    const ownsStateDir = opts.stateDir === undefined;
    const stateDir = opts.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kv-emulator-'));
    const [tls, signer] = await Promise.all([prepareTls(stateDir), TokenSigner.create()]);
    const emu = new Emulator(tls, signer, opts, stateDir, ownsStateDir);
    try {
      emu.addFaults(opts.faults ?? [], 'faults');
      await emu.listenCore();
      if (opts.seed) {
        const { generated } = await emu.seedWorld(opts.seed);
        emu.seeding = generated.catch(() => undefined);
      }
    } catch (err) {
      await emu.stop();
      throw err;
    }
    return emu;
  }

  /** Adds faults, all or none: the first invalid one fails with its place (`faults[2]: …`). */
  private addFaults(specs: readonly FaultSpec[], label: string): void {
    specs.forEach((spec, i) => {
      try {
        checkFaultSpec(spec);
      } catch (err) {
        throw new Error(`${label}[${i}]: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
    specs.forEach((spec) => this.world.faults.add(spec));
  }

  private port(): number {
    if (this.nextPort === 0) return 0;
    return this.nextPort++;
  }

  private async listen(plane: Plane | 'control', vault: string | null, handler: PlaneHandler, headers?: (req: IncomingMessage) => Record<string, string>): Promise<Listener> {
    const w = this.world;
    const onRequest =
      plane === 'control'
        ? plainDoor(handler)
        : frontDoor({ plane, vault, faults: w.faults, log: w.log, latencyMs: () => w.settings.latencyMs, verbose: w.settings.verbose, headers }, handler);
    const listener = await listenHttps(this.tls, this.port(), onRequest);
    this.listeners.push(listener);
    return listener;
  }

  private async listenCore(): Promise<void> {
    const login = await this.listen('login', null, this.entra.handler());
    this.world.loginOrigin = login.origin;
    const arm = await this.listen('arm', null, new Arm(this.world).handler(), () => ({ 'x-ms-ratelimit-remaining-subscription-reads': '11999' }));
    this.world.armOrigin = arm.origin;
    const control = await this.listen('control', null, controlHandler(this));
    this.controlOrigin = control.origin;
  }

  /**
   * Adds tenants, users, apps, subscriptions, vaults and faults; vaults that exist get the extra objects. Resolves once
   * every object exists (`POST /control/seed`).
   */
  async loadSeed(seed: SeedFile): Promise<Record<string, unknown>[]> {
    const { vaults, generated } = await this.seedWorld(seed);
    await generated;
    return vaults;
  }

  /** Resolves (never rejects) once the key pairs and certificates of the start-up seed exist. */
  whenSeeded(): Promise<void> {
    return this.seeding;
  }

  /**
   * Seeds everything and validates every item; resolves before seeded key pairs and certificates are generated
   * (`generated`; each vault's requests wait for its own).
   */
  private async seedWorld(seed: SeedFile): Promise<{ vaults: Record<string, unknown>[]; generated: Promise<void> }> {
    const dir = this.world.directory;
    this.addFaults(seed.faults ?? [], 'seed: faults');
    seed.tenants?.forEach((t) => dir.addTenant(t));
    seed.users?.forEach((u) => dir.addUser(u));
    seed.apps?.forEach((a) => dir.addApp(a));
    seed.subscriptions?.forEach((s) => dir.addSubscription(s));
    for (const s of seed.subscriptions ?? []) {
      seedAzureRoleAssignments(this.world, `/subscriptions/${s.id}`, s.roleAssignments ?? [], nowSeconds(this.world.clock));
    }
    const touched: VaultRecord[] = [];
    const generating: Promise<void>[] = [];
    for (const sv of seed.vaults ?? []) {
      const existing = this.world.vault(sv.name);
      const record = existing ?? (await this.createVault(sv));
      touched.push(record);
      seedAzureRoleAssignments(this.world, vaultId(record), sv.roleAssignments ?? [], record.createdAt);
      for (const d of sv.deny ?? []) this.world.deny.add(record.name, d);
      if (sv.throttleLimitPer10s !== undefined) this.world.throttle.setLimit(record.name, sv.throttleLimitPer10s || null);
      if (existing && sv.timings) Object.assign(existing.timings, sv.timings);
      const done = record.vault?.seed(sv, (m) => console.error(`[kv-emulator] ${m}`));
      if (done) generating.push(done);
    }
    for (const sh of seed.managedHsms ?? []) {
      const existing = this.world.managedHsm(sh.name);
      const record = existing ?? (await createManagedHsm(this.world, this.codec, sh, (name, handler, headers) => this.listen('vault', name, handler, headers)));
      if (existing) existing.roleAssignments.push(...seedRoleAssignments(sh));
      if (sh.throttleLimitPer10s !== undefined) this.world.throttle.setLimit(record.name, sh.throttleLimitPer10s || null);
      generating.push(seedManagedHsmKeys(record, sh.keys ?? [], (m) => console.error(`[kv-emulator] ${m}`)));
    }
    return { vaults: touched.map((r) => this.vaultInfo(r)), generated: Promise.all(generating).then(() => undefined) };
  }

  private async createVault(sv: SeedVault): Promise<VaultRecord> {
    const sub = this.world.directory.subscriptions.get(sv.subscription.toLowerCase());
    if (!sub) {
      throw new Error(`seed: vault ${sv.name}: unknown subscription ${sv.subscription}`);
    }
    const clock = this.world.clock;
    const retention = sv.softDeleteRetentionInDays ?? 90;
    const rbac = sv.enableRbacAuthorization ?? true;
    const tenantId = sv.tenant ?? sub.tenantId;
    const deletion = sv.deleted
      ? parseSeedTime(sv.deleted.deletionDate ?? 'now', clock, `${sv.name}.deletionDate`)
      : undefined;
    const record: VaultRecord = {
      name: sv.name,
      subscriptionId: sub.id,
      resourceGroup: sv.resourceGroup,
      location: sv.location ?? 'westus',
      tenantId,
      sku: sv.sku ?? 'standard',
      enableSoftDelete: sv.enableSoftDelete ?? true,
      softDeleteRetentionInDays: retention,
      enablePurgeProtection: sv.enablePurgeProtection ?? false,
      enableRbacAuthorization: rbac,
      publicNetworkAccess: sv.publicNetworkAccess ?? 'Enabled',
      networkAcls: sv.networkAcls,
      accessPolicies: sv.accessPolicies ?? (rbac ? [] : defaultAccessPolicies(this.world.directory, tenantId)),
      defaultRoleAssignments: sv.roleAssignments === undefined,
      tags: sv.tags ?? {},
      createdAt: sv.createdAt !== undefined ? parseSeedTime(sv.createdAt, clock, `${sv.name}.createdAt`) : nowSeconds(clock) - 30 * 86400,
      timings: {
        deleteDelayMs: sv.timings?.deleteDelayMs ?? this.world.settings.deleteDelayMs,
        certificateDelayMs: sv.timings?.certificateDelayMs ?? this.world.settings.certificateDelayMs,
      },
      deleted:
        deletion === undefined
          ? undefined
          : {
              deletionDate: deletion,
              scheduledPurgeDate: sv.deleted?.scheduledPurgeDate !== undefined
                ? parseSeedTime(sv.deleted.scheduledPurgeDate, clock, `${sv.name}.scheduledPurgeDate`)
                : deletion + retention * 86400,
            },
    };
    this.world.vaults.set(sv.name.toLowerCase(), record);
    if (record.deleted) {
      return record;
    }
    const listener = await this.listen('vault', record.name, dataPlaneHandler(this.world, record), (req) => ({
      'x-ms-keyvault-region': record.location,
      'x-ms-keyvault-service-version': '1.9.2000.1',
      'x-ms-keyvault-network-info': `conn_type=Ipv4;addr=${callerAddress(req)};act_addr_fam=InterNetwork;`,
      'strict-transport-security': 'max-age=31536000;includeSubDomains',
      'x-content-type-options': 'nosniff',
    }));
    record.listener = listener;
    record.url = listener.origin;
    const context: VaultContext = {
      name: record.name,
      url: listener.origin,
      tenantId: record.tenantId,
      subscriptionId: record.subscriptionId,
      location: record.location,
      sku: record.sku,
      softDeleteEnabled: record.enableSoftDelete,
      softDeleteRetentionInDays: retention,
      purgeProtectionEnabled: record.enablePurgeProtection,
      clock,
      timings: record.timings,
    };
    record.vault = new Vault(context, this.codec);
    return record;
  }

  private vaultInfo(r: VaultRecord): Record<string, unknown> {
    return {
      name: r.name,
      url: r.url ?? null,
      tenantId: r.tenantId,
      subscriptionId: r.subscriptionId,
      resourceGroup: r.resourceGroup,
      location: r.location,
      ...(r.deleted ? { deleted: true } : {}),
    };
  }

  /** The one JSON line the CLI prints, also served at GET /control/info. */
  info(): Record<string, unknown> {
    const d = this.world.directory;
    const app = [...d.apps.values()][0];
    const user = [...d.users.values()][0];
    return {
      ready: true,
      pid: process.pid,
      login: this.world.loginOrigin,
      authorityHost: this.world.loginOrigin,
      arm: this.world.armOrigin,
      control: `${this.controlOrigin}/control`,
      ca: this.tls.caPath,
      stateDir: this.stateDir,
      seed: this.opts.seedPath ?? null,
      audiences: { arm: ARM_AUDIENCE, vault: VAULT_AUDIENCE, managedHsm: MANAGED_HSM_AUDIENCE },
      scopes: { arm: `${ARM_AUDIENCE}.default`, vault: `${VAULT_AUDIENCE}/.default`, managedHsm: `${MANAGED_HSM_AUDIENCE}/.default` },
      apiVersions: { vault: LATEST_API_VERSION, vaultSupported: [...SUPPORTED_API_VERSIONS] },
      tenants: [...d.tenants.values()].map((t) => ({ id: t.id, displayName: t.displayName, defaultDomain: t.defaultDomain })),
      users: [...d.users.values()].map((u) => ({ username: u.username, objectId: u.objectId, homeTenant: u.homeTenant, tenants: u.tenants })),
      apps: [...d.apps.values()].map((a) => ({ clientId: a.clientId, objectId: a.objectId, tenantId: a.tenantId, tenants: a.tenants })),
      subscriptions: [...d.subscriptions.values()].map((s) => ({ id: s.id, displayName: s.displayName, tenantId: s.tenantId })),
      vaults: Object.fromEntries(this.world.liveVaults().flatMap((r) => (r.url ? [[r.name, r.url]] : []))),
      vaultDetails: [...this.world.vaults.values()].map((r) => this.vaultInfo(r)),
      managedHsms: Object.fromEntries([...this.world.managedHsms.values()].flatMap((h) => (h.url ? [[h.name, h.url]] : []))),
      managedHsmDetails: [...this.world.managedHsms.values()].map(managedHsmInfo),
      // Emulator-only test credentials, printed on purpose (the ready line's contract): the first seeded app and user.
      client: app ? { tenantId: app.tenantId, clientId: app.clientId, clientSecret: app.clientSecret } : null,
      user: user ? { username: user.username, password: user.password } : null,
    };
  }

  async stop(): Promise<void> {
    await Promise.all(this.listeners.splice(0).map((l) => l.close()));
    if (this.ownsStateDir) {
      fs.rmSync(this.stateDir, { recursive: true, force: true });
    }
  }
}
