// Values that look like secrets but are not: references to a secret kept elsewhere, placeholders from templates and
// docs, and keys that are public by design (the storage and Cosmos DB emulators). Pure.
//
// Sources: `YOUR_…_HERE` / `<password>` / `{your_password}` / `[password-here]` are the forms of the Azure portal and
// docs samples (https://learn.microsoft.com/azure/azure-sql/database/connect-query-content-reference-guide,
// https://learn.microsoft.com/training/modules/develop-for-azure-cache-for-redis/4-interact-redis-api); `…EXAMPLE…`
// is how AWS marks its documentation keys (AKIAIOSFODNN7EXAMPLE); `changeme` / `changeit` are the defaults of
// countless images and of the JDK cacerts store; the emulator keys are published by Microsoft
// (https://learn.microsoft.com/azure/storage/common/storage-connect-azurite#well-known-storage-account-and-key,
// https://learn.microsoft.com/azure/cosmos-db/emulator#authentication).

/** A value that points at a secret instead of holding one: a Key Vault / App Configuration reference, a variable. */
export function isReference(value: string): boolean {
  const v = value.trim();
  return (
    /^(?:@Microsoft\.(?:KeyVault|AppConfiguration)\(|\$\{|\$\(|\{\{|#\{|secretref:)/i.test(v) ||
    /^\$[A-Za-z_]\w*$/.test(v) || // $DB_PASSWORD
    /^%[A-Za-z_][\w.-]*%$/.test(v) || // %DB_PASSWORD% (Windows)
    /^__[A-Za-z0-9_.-]+__$/.test(v) // __DbPassword__ (token replacement)
  );
}

/** Keys that are published so everyone can use the local emulators: never worth a vault. */
const publicKeys = new Set([
  // Azurite / Azure Storage Emulator account devstoreaccount1
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  // Azure Cosmos DB emulator
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
]);

export function isPublicKey(value: string): boolean {
  return publicKeys.has(value.trim());
}

const placeholderWords =
  /^(?:change[-_ ]?me|change[-_ ]?it|passw(?:or|0)d|secret|token|api[-_ ]?key|redacted|placeholder|example|sample|dummy|test|todo|tbd|fixme|none|null|nil|undefined|empty|not[-_ ]?a[-_ ]?secret|foo|bar|foobar|\.{3,}|…)$/i;
/** A word that marks a value as an illustration wherever it stands alone (`my-sample-key`, `Example123`). */
const illustrationWord = /(?:^|[^a-z])(?:example|sample|dummy|placeholder|redacted|fake|changeme)(?:[^a-z]|$)/i;
/** SCREAMING_SNAKE names standing for a value: `SAS_KEY_VALUE`, `ACCOUNT_KEY`, `DB_PASSWORD`. */
const variableName = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const variableNameWord = /(?:^|_)(?:KEY|VALUE|SECRET|TOKEN|PASSWORD|PASS|PWD|HERE|YOUR|NAME)(?:_|$)/;

/** A placeholder standing where a secret will go: never a secret itself. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (isReference(v)) return true;
  if (/^<[^<>]*>$/.test(v)) return true; // <password>, <your-key>
  const wrapped = /^\{(.*)\}$|^\[(.*)\]$|^\((.*)\)$/.exec(v);
  if (wrapped) {
    // `{your_password}`, `[password-here]`; but an ODBC `{p@ss;word}` quoting a real password stays a secret.
    const inner = wrapped[1] ?? wrapped[2] ?? wrapped[3] ?? '';
    if (isPlaceholder(inner)) return true;
  }
  if (/^(.)\1*$/.test(v)) return true; // xxxxxxxx, ********, 00000000
  if (/^[xX*•.]+[-_xX*•.0=]*$/.test(v) || /^[0-]+$/.test(v)) return true; // xxxx-xxxx, ***==, zero GUID
  if (placeholderWords.test(v)) return true;
  if (/^your[-_ ]?[A-Za-z0-9_-]*$/i.test(v)) return true; // YOUR_API_KEY_HERE, yourpassword
  if (/^[A-Za-z0-9_ -]*[-_ ]here$/i.test(v)) return true; // INSERT_KEY_HERE, paste-token-here
  if (/^(?:insert|enter|replace|put|paste|add|set)[-_ ][A-Za-z0-9_ -]+$/i.test(v)) return true;
  if (/EXAMPLE/.test(v) || illustrationWord.test(v)) return true;
  if (variableName.test(v) && variableNameWord.test(v)) return true;
  return false;
}
