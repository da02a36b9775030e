// Key Vault's rules for object names, and the mapping of configuration keys onto them (pure). Names are
// `^[0-9a-zA-Z-]{1,127}$`, compared case-insensitively. A configuration key maps the way .NET's Key Vault
// configuration provider reads it back: `:` and `__` (the nesting separators of JSON settings and environment
// variables) become `--`; any other run of invalid characters becomes one `-`. One copy, for Move to Key Vault
// (secretNameFrom: always some valid name) and bulk import (keyVaultNameOf: exactly the mapping, or '' — the caller
// flags what is empty or too long instead of inventing a name).

/** The longest name Key Vault accepts. */
export const MAX_OBJECT_NAME_LENGTH = 127;

const validName = /^[0-9a-zA-Z-]{1,127}$/;

/** Whether Key Vault accepts `name` as a secret, key or certificate name. */
export function isValidObjectName(name: string): boolean {
  return validName.test(name);
}

/**
 * `ConnectionStrings:Storage` → `ConnectionStrings--Storage`, `Logging__LogLevel__Default` → `Logging--LogLevel--Default`,
 * `my.app/password!` → `my-app-password`. Leading and trailing dashes go, three or more collapse to `--`; not
 * shortened: the result may be '' or longer than 127 characters.
 */
export function keyVaultNameOf(key: string): string {
  return key
    .replace(/__|:/g, '--')
    .replace(/[^0-9a-zA-Z-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{3,}/g, '--');
}

/** `ConnectionStrings:Storage` / `DB_PASSWORD` / `spring.datasource.password` → a valid Key Vault secret name (cut to 127, `fallback` when empty). */
export function secretNameFrom(key: string | undefined, fallback = 'moved-secret'): string {
  const name = keyVaultNameOf(key ?? '').slice(0, MAX_OBJECT_NAME_LENGTH).replace(/-+$/, '');
  return name || fallback;
}

/**
 * The reverse of the import mapping, for exports: the environment variable a secret becomes. `--` (a nesting level)
 * → `__`, `-` → `_`, upper case: `ConnectionStrings--Db` → `CONNECTIONSTRINGS__DB`, `db-password` → `DB_PASSWORD`
 * (.NET reads `__` as `:`, and its configuration keys ignore case). A name starting with a digit gets a `_` first.
 */
export function envKeyOf(secretName: string): string {
  const key = secretName.replace(/--/g, '__').replace(/-/g, '_').toUpperCase();
  return /^[0-9]/.test(key) ? `_${key}` : key;
}
