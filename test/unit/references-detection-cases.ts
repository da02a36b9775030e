// The detection table for "Move to Key Vault" (issue 15 item 8): realistic true and false positives, each in the kind
// of file it lives in, with its expected verdict and the public source of its format. Every value is made up here:
// keys are base64 of a sentence saying they are not real, token prefixes are assembled from parts (so no secret
// scanner mistakes this file for a leak), and the JWTs are encoded from their payloads below.
import type { LiteralKind } from '../../src/references';

export type FileKind = 'json' | 'env' | 'yaml' | 'properties' | 'cs';

export interface DetectionCase {
  readonly name: string;
  readonly file: FileKind;
  /** The document. */
  readonly text: string;
  /** The literal the cursor is put in (at its middle); for a secret, exactly the range Move to Key Vault replaces. */
  readonly at: string;
  readonly expect: LiteralKind | 'none';
  /** Where the format (or the placeholder, or the rule that it is public) is documented. */
  readonly source: string;
}

/** base64 of `bytes` bytes of a sentence: the length and alphabet of a real key, the content of none. */
function key(bytes: number, about: string): string {
  return Buffer.from(`kv-explorer detection table, ${about}, not a real key `.repeat(4).slice(0, bytes)).toString('base64');
}
/** Letters and digits only (tokens with a fixed alphabet). */
function alnum(length: number, about: string): string {
  return key(length * 2, about).replace(/[^A-Za-z0-9]/g, '').slice(0, length);
}
function b64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}
function jwt(payload: Record<string, unknown>): string {
  return [b64url({ alg: 'HS256', typ: 'JWT' }), b64url(payload), b64url('kv-explorer detection table signature, not real')].join('.');
}
function pemBody(about: string, indent = ''): string {
  return (key(192, about).match(/.{1,64}/g) ?? []).map((l) => indent + l).join('\n');
}

/** A JSON document holding `value` at `path`; `at` is the value as written in the file (JSON-escaped). */
function json(path: string[], value: string, rest: Record<string, unknown> = {}): Pick<DetectionCase, 'file' | 'text' | 'at'> {
  let doc: unknown = value;
  for (const k of [...path].reverse()) doc = { [k]: doc };
  return { file: 'json', text: JSON.stringify({ ...rest, ...(doc as object) }, null, 2), at: JSON.stringify(value).slice(1, -1) };
}
function env(line: string, at: string): Pick<DetectionCase, 'file' | 'text' | 'at'> {
  return { file: 'env', text: `# .env\nASPNETCORE_ENVIRONMENT=Development\n${line}\nLOG_LEVEL=info\n`, at };
}
function file(kind: FileKind, text: string, at: string): Pick<DetectionCase, 'file' | 'text' | 'at'> {
  return { file: kind, text, at };
}

const storageKey = key(64, 'storage account key');
const storageConnection = `DefaultEndpointsProtocol=https;AccountName=contosostore;AccountKey=${storageKey};EndpointSuffix=core.windows.net`;
const sig = encodeURIComponent(key(32, 'sas signature'));
const sasQuery = `sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-01-31T17:00:00Z&st=2025-01-31T09:00:00Z&spr=https&sig=${sig}`;
const sbKey = key(32, 'service bus key');
const redisKey = key(32, 'redis access key');
const cosmosKey = key(64, 'cosmos db key');
const pgPassword = 'N7x%40qL2vR9';
const stripeSecret = ['sk', 'live', alnum(24, 'stripe')].join('_');
const stripePublishable = ['pk', 'live', alnum(24, 'stripe publishable')].join('_');
const githubPat = ['ghp', alnum(36, 'github pat')].join('_');
const githubFineGrained = ['github', 'pat', alnum(22, 'fine grained'), alnum(59, 'fine grained pat')].join('_');
const slackBot = ['xoxb', '2468013579', '1357924680', alnum(24, 'slack')].join('-');
const awsSecret = key(30, 'aws secret access key');
const entraSecret = `kVx8Q~${alnum(34, 'entra client secret')}`;
const serviceRole = jwt({ iss: 'supabase', ref: 'qwertyuiopasdfghjklz', role: 'service_role', iat: 1700000000, exp: 2015576000 });
const accessToken = jwt({ aud: 'api://orders', iss: 'https://sts.windows.net/72f988bf-0000-0000-0000-2d7cd011db47/', sub: '8b1f3c5e-2a4d-4c6e-9f00-1a2b3c4d5e6f', scp: 'Orders.Read', exp: 1767225600 });
const anonKey = jwt({ iss: 'supabase', ref: 'qwertyuiopasdfghjklz', role: 'anon', iat: 1700000000, exp: 2015576000 });
const jwtIoSample = jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 });
const supabaseDemoService = jwt({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 });
const rsaPem = `-----BEGIN RSA PRIVATE KEY-----\n${pemBody('rsa private key', '    ')}\n    -----END RSA PRIVATE KEY-----`;
const opensshEscaped = `-----BEGIN OPENSSH PRIVATE KEY-----\\n${Buffer.from(`openssh-key-v1\0${'kv-explorer detection table, not a real key '.repeat(3)}`).toString('base64')}\\n-----END OPENSSH PRIVATE KEY-----`;
const pgpBlock = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${pemBody('pgp secret key', '    ')}\n    =Xk3q\n    -----END PGP PRIVATE KEY BLOCK-----`;

export const detectionCases: readonly DetectionCase[] = [
  // ── Azure connection strings that hold a key or password ─────────────────────────────────────────────────────
  {
    name: 'Storage account connection string in appsettings.json',
    ...json(['ConnectionStrings', 'Storage'], storageConnection),
    expect: 'connectionString',
    source: 'https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string#configure-a-connection-string-for-an-azure-storage-account',
  },
  {
    name: 'Storage connection string with a SharedAccessSignature',
    ...env(`AZURE_STORAGE_CONNECTION_STRING="BlobEndpoint=https://contosostore.blob.core.windows.net/;SharedAccessSignature=${sasQuery}"`, `BlobEndpoint=https://contosostore.blob.core.windows.net/;SharedAccessSignature=${sasQuery}`),
    expect: 'connectionString',
    source: 'https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string#create-a-connection-string-using-a-shared-access-signature',
  },
  {
    name: 'AzureWebJobsStorage in local.settings.json',
    ...json(['Values', 'AzureWebJobsStorage'], storageConnection, { IsEncrypted: false }),
    expect: 'connectionString',
    source: 'https://learn.microsoft.com/azure/azure-functions/functions-develop-local#local-settings-file',
  },
  {
    name: 'Service Bus namespace connection string',
    ...env(`SERVICEBUS_CONNECTION=Endpoint=sb://contoso-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sbKey}`, `Endpoint=sb://contoso-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sbKey}`),
    expect: 'connectionString',
    source: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-dotnet-get-started-with-queues',
  },
  {
    name: 'Event Hubs connection string with EntityPath',
    ...json(['EventHub', 'ConnectionString'], `Endpoint=sb://contoso-events.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${sbKey};EntityPath=telemetry`),
    expect: 'connectionString',
    source: 'https://learn.microsoft.com/azure/event-hubs/event-hubs-get-connection-string',
  },
  {
    name: 'Cosmos DB connection string',
    ...json(['ConnectionStrings', 'Cosmos'], `AccountEndpoint=https://contoso-cosmos.documents.azure.com:443/;AccountKey=${cosmosKey};`),
    expect: 'connectionString',
    source: 'https://learn.microsoft.com/azure/cosmos-db/nosql/how-to-dotnet-get-started#connect-with-a-connection-string',
  },
  {
    name: 'Azure SQL ADO.NET connection string in C#',
    ...file('cs', 'const string Orders = "Server=tcp:contoso-sql.database.windows.net,1433;Initial Catalog=orders;Persist Security Info=False;User ID=orders_app;Password=Qz7!vR2#mP9x;MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;";\n', 'Server=tcp:contoso-sql.database.windows.net,1433;Initial Catalog=orders;Persist Security Info=False;User ID=orders_app;Password=Qz7!vR2#mP9x;MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;'),
    expect: 'connectionString',
    source: 'https://learn.microsoft.com/azure/azure-sql/database/connect-query-dotnet-core',
  },
  {
    name: 'Azure Cache for Redis (StackExchange.Redis, comma-separated) in .env',
    ...env(`REDIS_CONNECTION_STRING=contoso-cache.redis.cache.windows.net:6380,password=${redisKey},ssl=True,abortConnect=False`, `contoso-cache.redis.cache.windows.net:6380,password=${redisKey},ssl=True,abortConnect=False`),
    expect: 'connectionString',
    source: 'https://learn.microsoft.com/training/modules/develop-for-azure-cache-for-redis/4-interact-redis-api',
  },
  {
    name: 'Azure Cache for Redis in appsettings.json',
    ...json(['ConnectionStrings', 'Redis'], `contoso-cache.redis.cache.windows.net:6380,password=${redisKey},ssl=True,abortConnect=False`),
    expect: 'connectionString',
    source: 'https://stackexchange.github.io/StackExchange.Redis/Configuration',
  },
  {
    name: 'Azure SignalR connection string',
    ...json(['Azure', 'SignalR', 'ConnectionString'], `Endpoint=https://contoso-signalr.service.signalr.net;AccessKey=${key(32, 'signalr')};Version=1.0;`),
    expect: 'connectionString',
    source: 'https://learn.microsoft.com/azure/azure-signalr/concept-connection-string',
  },
  {
    name: 'App Configuration connection string',
    ...env(`APPCONFIG_CONNECTION_STRING=Endpoint=https://contoso-config.azconfig.io;Id=Ab1c-l0-s0:Q2w3E4r5T6y7U8i9;Secret=${key(32, 'app configuration')}`, `Endpoint=https://contoso-config.azconfig.io;Id=Ab1c-l0-s0:Q2w3E4r5T6y7U8i9;Secret=${key(32, 'app configuration')}`),
    expect: 'connectionString',
    source: 'https://learn.microsoft.com/azure/azure-app-configuration/quickstart-dotnet-core-app',
  },
  // ── SAS URLs and tokens ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'Blob SAS URL',
    ...json(['Uploads', 'ContainerSasUrl'], `https://contosostore.blob.core.windows.net/pictures/profile.jpg?sv=2012-02-12&st=2009-02-09&se=2009-02-10&sr=c&sp=r&si=YWJjZGVmZw%3d%3d&sig=${sig}`),
    expect: 'sas',
    source: 'https://learn.microsoft.com/rest/api/storageservices/service-sas-examples',
  },
  {
    name: 'Account SAS token (query only) in YAML',
    ...file('yaml', `storage:\n  account: contosostore\n  sasToken: "?${sasQuery}"\n`, `?${sasQuery}`),
    expect: 'sas',
    source: 'https://learn.microsoft.com/rest/api/storageservices/create-account-sas',
  },
  {
    name: 'Service Bus SAS token in C#',
    ...file('cs', `var token = "SharedAccessSignature sr=contoso-bus.servicebus.windows.net&sig=${sig}&se=1767225600&skn=RootManageSharedAccessKey";\n`, `SharedAccessSignature sr=contoso-bus.servicebus.windows.net&sig=${sig}&se=1767225600&skn=RootManageSharedAccessKey`),
    expect: 'sas',
    source: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas#use-the-shared-access-signature-authorization',
  },
  // ── URIs with a password ──────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'postgres:// URI with user:password@',
    ...env(`DATABASE_URL=postgres://app_user:${pgPassword}@contoso-pg.postgres.database.azure.com:5432/orders?sslmode=require`, `postgres://app_user:${pgPassword}@contoso-pg.postgres.database.azure.com:5432/orders?sslmode=require`),
    expect: 'uri',
    source: 'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS',
  },
  {
    name: 'mongodb+srv URI in YAML',
    ...file('yaml', 'mongo:\n  uri: mongodb+srv://orders:Hk3pW9zQ2vLx@cluster0.ab1cd.mongodb.net/orders?retryWrites=true&w=majority\n', 'mongodb+srv://orders:Hk3pW9zQ2vLx@cluster0.ab1cd.mongodb.net/orders?retryWrites=true&w=majority'),
    expect: 'uri',
    source: 'https://www.mongodb.com/docs/manual/reference/connection-string/',
  },
  {
    name: 'mysql:// URI',
    ...env('MYSQL_URL=mysql://shop:Tb5$kW2nQ8@127.0.0.1:3306/shop', 'mysql://shop:Tb5$kW2nQ8@127.0.0.1:3306/shop'),
    expect: 'uri',
    source: 'https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html',
  },
  {
    name: 'rediss:// URI with only a password',
    ...env(`REDIS_URL=rediss://:${encodeURIComponent(redisKey)}@contoso-cache.redis.cache.windows.net:6380/0`, `rediss://:${encodeURIComponent(redisKey)}@contoso-cache.redis.cache.windows.net:6380/0`),
    expect: 'uri',
    source: 'https://www.iana.org/assignments/uri-schemes/prov/rediss',
  },
  {
    name: 'JDBC URL with password= (Azure SQL, Spring properties)',
    ...file('properties', 'spring.datasource.url=jdbc:sqlserver://contoso-sql.database.windows.net:1433;database=orders;user=orders_app@contoso-sql;password=Qz7vR2mP9xL4;encrypt=true;trustServerCertificate=false;loginTimeout=30;\n', 'jdbc:sqlserver://contoso-sql.database.windows.net:1433;database=orders;user=orders_app@contoso-sql;password=Qz7vR2mP9xL4;encrypt=true;trustServerCertificate=false;loginTimeout=30;'),
    expect: 'uri',
    source: 'https://learn.microsoft.com/azure/azure-sql/database/connect-query-java',
  },
  // ── Settings named like a secret ──────────────────────────────────────────────────────────────────────────────
  {
    name: 'Django SECRET_KEY (with # and $ inside, unquoted)',
    ...env('SECRET_KEY=7g#x2!vq9m$l4k@z8w^r1t&y6u*p3o(s5n)', '7g#x2!vq9m$l4k@z8w^r1t&y6u*p3o(s5n)'),
    expect: 'password',
    source: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
  },
  {
    name: 'STRIPE_WEBHOOK_SECRET',
    ...env(`STRIPE_WEBHOOK_SECRET=whsec_${alnum(32, 'stripe webhook')}`, `whsec_${alnum(32, 'stripe webhook')}`),
    expect: 'password',
    source: 'https://docs.stripe.com/webhooks#verify-official-libraries',
  },
  {
    name: 'AWS_SECRET_ACCESS_KEY',
    ...env(`AWS_SECRET_ACCESS_KEY=${awsSecret}`, awsSecret),
    expect: 'password',
    source: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html',
  },
  {
    name: 'Entra ID client secret in appsettings.json',
    ...json(['AzureAd', 'ClientSecret'], entraSecret, { AzureAd: { TenantId: '72f988bf-0000-0000-0000-2d7cd011db47' } }),
    expect: 'password',
    source: 'https://learn.microsoft.com/entra/identity-platform/scenario-web-app-call-api-app-configuration',
  },
  {
    name: 'spring.datasource.password in application.properties',
    ...file('properties', 'spring.datasource.username=orders\nspring.datasource.password=Hq7vN2xK9pLm\n', 'Hq7vN2xK9pLm'),
    expect: 'password',
    source: 'https://docs.spring.io/spring-boot/appendix/application-properties/index.html',
  },
  {
    name: 'docker-compose environment list item',
    ...file('yaml', 'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_USER=orders\n      - POSTGRES_PASSWORD=Vx9#kLm2Qp\n', 'Vx9#kLm2Qp'),
    expect: 'password',
    source: 'https://docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/',
  },
  {
    name: 'Cosmos DB PrimaryKey setting',
    ...json(['CosmosDb', 'PrimaryKey'], cosmosKey, { CosmosDb: { EndpointUri: 'https://contoso-cosmos.documents.azure.com:443/' } }),
    expect: 'password',
    source: 'https://learn.microsoft.com/azure/cosmos-db/nosql/quickstart-dotnet',
  },
  // ── .env values with # ────────────────────────────────────────────────────────────────────────────────────────
  {
    name: '.env unquoted value containing # (no whitespace before it: not a comment)',
    ...env('DB_PASSWORD=Tr0ub4dor#3xK9', 'Tr0ub4dor#3xK9'),
    expect: 'password',
    source: 'https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax',
  },
  {
    name: '.env quoted value containing #, then a comment',
    ...env('SMTP_PASSWORD="p4ss#w0rd!x9" # rotated quarterly', 'p4ss#w0rd!x9'),
    expect: 'password',
    source: 'https://github.com/motdotla/dotenv#comments',
  },
  {
    name: '.env unquoted value followed by an inline comment',
    ...env('JWT_SECRET=Zq8vN3xL0pRt5WmK # rotate quarterly', 'Zq8vN3xL0pRt5WmK'),
    expect: 'password',
    source: 'https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax',
  },
  // ── Prefixed API keys and tokens ──────────────────────────────────────────────────────────────────────────────
  {
    name: 'STRIPE_SECRET_KEY (sk_live_)',
    ...env(`STRIPE_SECRET_KEY=${stripeSecret}`, stripeSecret),
    expect: 'apiKey',
    source: 'https://docs.stripe.com/keys',
  },
  {
    name: 'GitHub classic PAT in a YAML setting',
    ...file('yaml', `github:\n  owner: contoso\n  token: ${githubPat}\n`, githubPat),
    expect: 'apiKey',
    source: 'https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available',
  },
  {
    name: 'GitHub fine-grained PAT passed in C# (no key)',
    ...file('cs', `client.Credentials = new Credentials("${githubFineGrained}");\n`, githubFineGrained),
    expect: 'apiKey',
    source: 'https://github.blog/security/application-security/introducing-fine-grained-personal-access-tokens-for-github/',
  },
  {
    name: 'Slack bot token',
    ...env(`SLACK_BOT_TOKEN=${slackBot}`, slackBot),
    expect: 'apiKey',
    source: 'https://api.slack.com/concepts/token-types',
  },
  // ── JWTs that grant something ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'Supabase service_role key',
    ...json(['Supabase', 'ServiceRoleKey'], serviceRole),
    expect: 'jwt',
    source: 'https://supabase.com/docs/guides/api/api-keys',
  },
  {
    name: 'Entra access token pasted into .env',
    ...env(`ORDERS_API_BEARER=${accessToken}`, accessToken),
    expect: 'jwt',
    source: 'https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference',
  },
  // ── Private keys ──────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'RSA private key in a Kubernetes Secret (block scalar)',
    ...file('yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls-key\nstringData:\n  tls.key: |\n    ${rsaPem}\n`, rsaPem),
    expect: 'pem',
    source: 'https://www.rfc-editor.org/rfc/rfc7468#section-10',
  },
  {
    name: 'OpenSSH private key with \\n escapes in a quoted .env value',
    ...env(`DEPLOY_KEY="${opensshEscaped}"`, opensshEscaped),
    expect: 'pem',
    source: 'https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key',
  },
  {
    name: 'PGP private key block in YAML',
    ...file('yaml', `signing:\n  key: |\n    ${pgpBlock}\n`, pgpBlock),
    expect: 'pem',
    source: 'https://www.rfc-editor.org/rfc/rfc4880#section-6.2',
  },

  // ══ False positives: must not be offered ══════════════════════════════════════════════════════════════════════
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING (the ikey is not a secret)',
    ...env('APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey=6b1c4e2a-3d5f-4a7b-9c8d-0e1f2a3b4c5d;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;ApplicationId=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'InstrumentationKey=6b1c4e2a-3d5f-4a7b-9c8d-0e1f2a3b4c5d'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/azure-monitor/app/connection-strings',
  },
  {
    name: 'Application Insights ConnectionString in appsettings.json',
    ...json(['ApplicationInsights', 'ConnectionString'], 'InstrumentationKey=6b1c4e2a-3d5f-4a7b-9c8d-0e1f2a3b4c5d;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/azure-monitor/app/connection-strings',
  },
  {
    name: 'APPINSIGHTS_INSTRUMENTATIONKEY',
    ...env('APPINSIGHTS_INSTRUMENTATIONKEY=6b1c4e2a-3d5f-4a7b-9c8d-0e1f2a3b4c5d', '6b1c4e2a-3d5f-4a7b-9c8d-0e1f2a3b4c5d'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/azure-monitor/app/connection-strings',
  },
  {
    name: 'Storage connection string template with <account-key>',
    ...json(['ConnectionStrings', 'Storage'], 'DefaultEndpointsProtocol=https;AccountName=<storage-account-name>;AccountKey=<account-key>;EndpointSuffix=core.windows.net'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string#configure-a-connection-string-for-an-azure-storage-account',
  },
  {
    name: 'UseDevelopmentStorage=true',
    ...json(['Values', 'AzureWebJobsStorage'], 'UseDevelopmentStorage=true', { IsEncrypted: false }),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/storage/common/storage-connect-azurite#connection-string',
  },
  {
    name: 'Azurite well-known account and key',
    ...env('AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;', 'AccountName=devstoreaccount1'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/storage/common/storage-connect-azurite#well-known-storage-account-and-key',
  },
  {
    name: 'Cosmos DB emulator key',
    ...json(['ConnectionStrings', 'Cosmos'], 'AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/cosmos-db/how-to-develop-emulator',
  },
  {
    name: 'Service Bus emulator connection string (SAS_KEY_VALUE)',
    ...env('SERVICEBUS_CONNECTION=Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;', 'SharedAccessKey=SAS_KEY_VALUE'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/service-bus-messaging/test-locally-with-service-bus-emulator',
  },
  {
    name: 'Event Hubs docs template <KeyValue>',
    ...json(['EventHub', 'ConnectionString'], 'Endpoint=sb://<NamespaceName>.servicebus.windows.net/;SharedAccessKeyName=<KeyName>;SharedAccessKey=<KeyValue>'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/event-hubs/event-hubs-get-connection-string',
  },
  {
    name: 'SQL Server with Trusted_Connection (no password)',
    ...json(['ConnectionStrings', 'DefaultConnection'], 'Server=(localdb)\\mssqllocaldb;Database=Orders;Trusted_Connection=True;MultipleActiveResultSets=true'),
    expect: 'none',
    source: 'https://learn.microsoft.com/ef/core/miscellaneous/connection-strings',
  },
  {
    name: 'Azure SQL portal template Password={your_password}',
    ...json(['ConnectionStrings', 'Orders'], 'Server=tcp:contoso-sql.database.windows.net,1433;Initial Catalog=orders;Persist Security Info=False;User ID=orders_app;Password={your_password};MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/azure-sql/database/connect-query-dotnet-core',
  },
  {
    name: 'Redis docs template password=[password-here]',
    ...json(['ConnectionStrings', 'Redis'], '[cache-name].redis.cache.windows.net:6380,password=[password-here],ssl=True,abortConnect=False'),
    expect: 'none',
    source: 'https://learn.microsoft.com/training/modules/develop-for-azure-cache-for-redis/4-interact-redis-api',
  },
  {
    name: 'Redis with Microsoft Entra ID (no password)',
    ...env('REDIS_CONNECTION_STRING=contoso-cache.redis.cache.windows.net:6380,ssl=True,abortConnect=False', 'contoso-cache.redis.cache.windows.net:6380,ssl=True,abortConnect=False'),
    expect: 'none',
    source: 'https://stackexchange.github.io/StackExchange.Redis/Configuration',
  },
  {
    name: 'Plain https URL (no SAS signature)',
    ...json(['Uploads', 'ContainerUrl'], 'https://contosostore.blob.core.windows.net/uploads'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/storage/blobs/storage-blobs-introduction#blob-storage-resources',
  },
  {
    name: 'SAS docs template sig=<signature>',
    ...json(['Uploads', 'SasUrl'], 'https://myaccount.blob.core.windows.net/?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2026-01-31T17:00:00Z&spr=https&sig=<signature>'),
    expect: 'none',
    source: 'https://learn.microsoft.com/rest/api/storageservices/create-account-sas',
  },
  {
    name: 'postgres URI with a user and no password (Entra ID auth)',
    ...env('DATABASE_URL=postgresql://app_user@contoso-pg.postgres.database.azure.com:5432/orders?sslmode=require', 'postgresql://app_user@contoso-pg.postgres.database.azure.com:5432/orders?sslmode=require'),
    expect: 'none',
    source: 'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS',
  },
  {
    name: 'postgres docs sample user:secret@localhost',
    ...env('DATABASE_URL=postgresql://user:secret@localhost', 'postgresql://user:secret@localhost'),
    expect: 'none',
    source: 'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS',
  },
  {
    name: 'postgres URI with an interpolated password',
    ...env('DATABASE_URL=postgres://postgres:${POSTGRES_PASSWORD}@db:5432/app', 'postgres://postgres:${POSTGRES_PASSWORD}@db:5432/app'),
    expect: 'none',
    source: 'https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/',
  },
  {
    name: 'SECRET_KEY=YOURSECRETKEYGOESHERE',
    ...env('SECRET_KEY=YOURSECRETKEYGOESHERE', 'YOURSECRETKEYGOESHERE'),
    expect: 'none',
    source: 'https://hexdocs.pm/dotenvy/dotenv-file-format.html',
  },
  {
    name: 'STRIPE_SECRET_KEY=YOUR_API_KEY_HERE',
    ...env('STRIPE_SECRET_KEY=YOUR_API_KEY_HERE', 'YOUR_API_KEY_HERE'),
    expect: 'none',
    source: 'https://docs.stripe.com/keys',
  },
  {
    name: 'password: changeme',
    ...file('yaml', 'elasticsearch:\n  username: elastic\n  password: changeme\n', 'changeme'),
    expect: 'none',
    source: 'https://www.elastic.co/guide/en/elasticsearch/reference/6.8/built-in-users.html',
  },
  {
    name: '.env placeholder followed by a comment',
    ...env('DB_PASSWORD=changeme # set the real one in Key Vault', 'changeme'),
    expect: 'none',
    source: 'https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax',
  },
  {
    name: 'keystore password changeit (JDK default)',
    ...file('properties', 'server.ssl.key-store=classpath:keystore.p12\nserver.ssl.key-store-password=changeit\n', 'changeit'),
    expect: 'none',
    source: 'https://docs.oracle.com/en/java/javase/21/docs/specs/man/keytool.html',
  },
  {
    name: '"Password": "<password>"',
    ...json(['Smtp', 'Password'], '<password>'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/azure-sql/database/connect-query-content-reference-guide',
  },
  {
    name: 'AWS documentation example secret key',
    ...env('AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'),
    expect: 'none',
    source: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html',
  },
  {
    name: 'Masked value ********',
    ...env('DB_PASSWORD=************', '************'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/devops/pipelines/process/set-secret-variables',
  },
  {
    name: 'xxxx placeholder',
    ...env('JWT_SECRET=xxxxxxxxxxxxxxxxxxxxxxxx', 'xxxxxxxxxxxxxxxxxxxxxxxx'),
    expect: 'none',
    source: 'https://docs.github.com/code-security/secret-scanning/introduction/about-secret-scanning',
  },
  {
    name: 'GitHub Actions secrets expression',
    ...file('yaml', 'env:\n  AZURE_CLIENT_SECRET: ${{ secrets.AZURE_CLIENT_SECRET }}\n', '${{ secrets.AZURE_CLIENT_SECRET }}'),
    expect: 'none',
    source: 'https://docs.github.com/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions',
  },
  {
    name: 'Azure Pipelines macro $(sqlPassword)',
    ...file('yaml', 'steps:\n- task: SqlAzureDacpacDeployment@1\n  inputs:\n    SqlPassword: $(sqlPassword)\n', '$(sqlPassword)'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/devops/pipelines/process/variables#macro-syntax-variables',
  },
  {
    name: 'Key Vault reference in App Service settings',
    ...json(['ClientSecret'], '@Microsoft.KeyVault(SecretUri=https://contoso-kv.vault.azure.net/secrets/client-secret/)'),
    expect: 'none',
    source: 'https://learn.microsoft.com/azure/app-service/app-service-key-vault-references',
  },
  {
    name: 'Windows %VAR% reference',
    ...file('properties', 'db.password=%DB_PASSWORD%\n', '%DB_PASSWORD%'),
    expect: 'none',
    source: 'https://learn.microsoft.com/windows-server/administration/windows-commands/set_1',
  },
  {
    name: 'Stripe publishable key (pk_live_)',
    ...env(`NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${stripePublishable}`, stripePublishable),
    expect: 'none',
    source: 'https://docs.stripe.com/keys',
  },
  {
    name: 'Supabase anon key (JWT with role anon)',
    ...env(`NEXT_PUBLIC_SUPABASE_ANON_KEY=${anonKey}`, anonKey),
    expect: 'none',
    source: 'https://supabase.com/docs/guides/api/api-keys',
  },
  {
    name: 'Supabase anon key under a secret-looking name',
    ...json(['Supabase', 'ApiKey'], anonKey),
    expect: 'none',
    source: 'https://supabase.com/docs/guides/api/api-keys',
  },
  {
    name: 'jwt.io sample token',
    ...json(['Auth', 'Token'], jwtIoSample),
    expect: 'none',
    source: 'https://jwt.io/introduction',
  },
  {
    name: 'Self-hosted Supabase demo service key (iss supabase-demo)',
    ...env(`SERVICE_ROLE_KEY=${supabaseDemoService}`, supabaseDemoService),
    expect: 'none',
    source: 'https://supabase.com/docs/guides/self-hosting/docker#securing-your-services',
  },
  {
    name: 'PEM template with ... body',
    ...file('yaml', 'tls:\n  key: |\n    -----BEGIN PRIVATE KEY-----\n    ...\n    -----END PRIVATE KEY-----\n', '...'),
    expect: 'none',
    source: 'https://www.rfc-editor.org/rfc/rfc7468#section-10',
  },
  {
    name: 'Public key block',
    ...file('yaml', `jwt:\n  publicKey: |\n    -----BEGIN PUBLIC KEY-----\n${pemBody('public key', '    ')}\n    -----END PUBLIC KEY-----\n`, '-----BEGIN PUBLIC KEY-----'),
    expect: 'none',
    source: 'https://www.rfc-editor.org/rfc/rfc7468#section-13',
  },
];
