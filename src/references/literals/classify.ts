// What kind of secret a string holds, if any. Each rule names the format it reads and where that format is documented;
// the detection table (test/unit/references-detection-cases.ts) holds a realistic sample of each, true and false.
import { isPublicJwt, jwtShape } from './jwt';
import { isPlaceholder, isPublicKey, isReference } from './placeholders';

/**
 * `connectionString`: `key=value;…` (or Redis `host:port,password=…`) with a key, password or signature inside;
 * `sas`: a shared access signature, as a URL or a bare token; `uri`: a URI with a password (`scheme://user:pass@host`,
 * `?password=`); `jwt`; `pem`: a PEM / OpenSSH / PGP private key; `apiKey`: a token whose prefix says it is a secret
 * key (`sk_live_`, `ghp_`); `password`: any other value of a password/secret/token/key setting.
 */
export type LiteralKind = 'connectionString' | 'jwt' | 'pem' | 'password' | 'sas' | 'uri' | 'apiKey';

/**
 * Components that carry the secret of an Azure connection string: Storage `AccountKey` / `SharedAccessSignature`
 * (https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string), Service Bus / Event Hubs
 * `SharedAccessKey` (https://learn.microsoft.com/azure/event-hubs/event-hubs-get-connection-string), Cosmos DB
 * `AccountKey`, SQL `Password` / `Pwd` (https://learn.microsoft.com/dotnet/api/system.data.sqlclient.sqlconnection.connectionstring),
 * SignalR / Web PubSub `AccessKey`, App Configuration `Secret`, and the comma-separated StackExchange.Redis form
 * `host:6380,password=…,ssl=True` (https://stackexchange.github.io/StackExchange.Redis/Configuration).
 */
const secretComponent = /(?:^|[;,])\s*(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret|Secret|AccessKey)\s*=\s*("[^"]*"|'[^']*'|\{[^}]*\}|[^;,]*)/gi;
/** `k=v;k=v` — a connection string, whatever its components. */
const connectionStringShape = /^\s*[A-Za-z][\w .-]*=[^;]*(?:;\s*[A-Za-z][\w .-]*=[^;]*)+;?\s*$/;
/** StackExchange.Redis `host:port,option=value,…`. */
const redisShape = /^[\w.-]+:\d+(?:\s*,\s*[A-Za-z][\w-]*=[^,]*)+$/;

function unquote(value: string): string {
  return value.trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
}

/**
 * 'secret' when a connection string holds a real key or password, 'public' when it is a connection string without
 * one (Application Insights `InstrumentationKey=…;IngestionEndpoint=…` is "not considered a secret",
 * https://learn.microsoft.com/azure/azure-monitor/app/connection-strings; `Trusted_Connection=True`;
 * `UseDevelopmentStorage=true`; the emulators' published keys), undefined when it is no connection string.
 */
function connectionStringVerdict(value: string): 'secret' | 'public' | undefined {
  let sawComponent = false;
  for (const m of value.matchAll(secretComponent)) {
    sawComponent = true;
    const component = unquote(m[1] ?? '');
    if (component.length >= 3 && !isPlaceholder(component) && !isPublicKey(component) && !/AccountName=devstoreaccount1(?:;|$)/i.test(value)) return 'secret';
  }
  if (sawComponent || connectionStringShape.test(value) || redisShape.test(value) || /^UseDevelopmentStorage=true;?$/i.test(value)) return 'public';
  return undefined;
}

/**
 * A shared access signature: the `sig=` of an Azure Storage SAS (`sv=…&se=…&sr=…&sp=…&sig=…`,
 * https://learn.microsoft.com/rest/api/storageservices/create-service-sas) or of a Service Bus / Event Hubs token
 * (`SharedAccessSignature sr=…&sig=…&se=…&skn=…`, https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas),
 * alone or at the end of a URL. A URL without one is an address, not a secret.
 */
function isSas(value: string): boolean {
  const sig = /(?:^|[?&\s])sig=([^&#\s]+)/i.exec(value);
  if (!sig || isPlaceholder(decodeURIComponentSafe(sig[1] ?? ''))) return false;
  return /(?:^|[?&\s])(?:sv|se|sr|sp|ss|srt|skn|st|spr)=/i.test(value);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A URI carrying a password: `postgresql://user:secret@host/db` (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS),
 * `mongodb+srv://user:pass@cluster/…` (https://www.mongodb.com/docs/manual/reference/connection-string/),
 * `redis://:pass@host`, or a JDBC-style `?password=` query. `user@host` alone or a placeholder password is not.
 */
function uriVerdict(value: string): 'secret' | 'address' | undefined {
  if (!/^[a-z][a-z0-9+.-]*:(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(value) || /\s/.test(value)) return undefined;
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:([^/?#\s]+)@[^@/?#\s]+(?:[/?#]\S*)?$/i.exec(value);
  if (userinfo && !isPlaceholder(decodeURIComponentSafe(userinfo[1] ?? ''))) return 'secret';
  const query = /[?&;](?:password|pwd|client_secret|access_token|api_?key)=([^&;#\s]+)/i.exec(value);
  if (query && !isPlaceholder(decodeURIComponentSafe(query[1] ?? ''))) return 'secret';
  return 'address';
}

/**
 * Keys whose prefix says what they are: Stripe secret / restricted keys `sk_live_`, `sk_test_`, `rk_…`
 * (https://docs.stripe.com/keys), GitHub tokens `ghp_` `gho_` `ghu_` `ghs_` `ghr_` `github_pat_`
 * (https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available),
 * GitLab `glpat-`, Slack `xox?-`, Supabase `sb_secret_`. Publishable keys (`pk_live_`, `sb_publishable_`) are
 * meant for the browser.
 */
const secretPrefix = /^(?:[sr]k_(?:live|test)_|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|sb_secret_)[A-Za-z0-9_-]{16,}$/;
const publicPrefix = /^(?:pk_(?:live|test)_|sb_publishable_)/;

/**
 * Settings whose value is a secret by name: `password`, `DB_PASS`, `SECRET_KEY`, `STRIPE_SECRET_KEY`, `JWT_SECRET`,
 * `GITHUB_TOKEN`, `api_key`, `AWS_SECRET_ACCESS_KEY`, `ClientSecret`, `passphrase`…
 */
const secretKey =
  /(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|access[_-]?key|account[_-]?key|(?:secret|private|signing|encryption|master|subscription|shared[_-]?access)[_-]?key|connection[_-]?string|client[_-]?secret|credential)s?$/i;

/** PEM (RFC 7468) `PRIVATE KEY` blocks incl. `OPENSSH PRIVATE KEY`, and OpenPGP `PGP PRIVATE KEY BLOCK` (RFC 4880 §6.2). */
export const privateKeyBegin = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/;

function isPrivateKey(value: string): boolean {
  const begin = privateKeyBegin.exec(value);
  if (!begin) return false;
  const end = value.indexOf(`-----END ${begin[1] ?? ''}-----`, begin.index);
  if (end < 0) return true;
  const body = value
    .slice(begin.index + begin[0].length, end)
    .replace(/^[\w-]+:.*$/gm, '') // armor / Proc-Type headers
    .replace(/\\n|\s/g, '');
  return !isPlaceholder(body);
}

/** What kind of secret the string's content looks like, if any. */
export function classifyLiteral(content: string, key?: string): LiteralKind | undefined {
  const value = content.trim();
  if (value.length < 6 || isReference(value) || isPlaceholder(value)) return undefined;
  if (isPrivateKey(value)) return 'pem';
  if (jwtShape.test(value)) return isPublicJwt(value) ? undefined : 'jwt';
  const uri = uriVerdict(value);
  if (uri === 'secret') return 'uri';
  const connection = uri ? undefined : connectionStringVerdict(value);
  if (connection === 'secret') return 'connectionString';
  if (isSas(value)) return 'sas';
  if (uri === 'address' || connection === 'public') return undefined;
  if (publicPrefix.test(value) || isPublicKey(value)) return undefined;
  if (secretPrefix.test(value)) return 'apiKey';
  if (key && secretKey.test(key) && value.length >= 8 && !/\s/.test(value)) return 'password';
  // Cosmos DB / Cognitive Services `PrimaryKey` / `SecondaryKey`: a key only when the value has a key's shape
  // (a database `"PrimaryKey": "CustomerId"` is a column name).
  if (key && /(?:primary|secondary)[_-]?key$/i.test(key) && /^[A-Za-z0-9+/]{30,}={0,2}$/.test(value)) return 'password';
  return undefined;
}
