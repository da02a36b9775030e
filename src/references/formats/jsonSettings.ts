// The configuration key a JSON settings file gets for a secret, relative to the object the cursor is in.
// .NET's JSON configuration provider joins nested objects with `:` — inside "ConnectionStrings": { … } the key of
// the secret ConnectionStrings--Storage is "Storage" (learn.microsoft.com/aspnet/core/fundamentals/configuration,
// "Hierarchical configuration data"; the Key Vault provider maps `--` to `:`, …/security/key-vault-configuration).
// A key that does not start with the enclosing section keeps its whole name (`"Other:Key"` inside "Section" is
// Section:Other:Key): no key inside that section is the secret's own, so the whole name is the honest default and
// the key is a tab stop to edit.
// local.settings.json (Azure Functions): `Values` are app settings, i.e. environment variables; hierarchy is `__`
// there, since `:` is not read on Linux (learn.microsoft.com/azure/azure-functions/functions-app-settings, "App
// setting considerations"); its `ConnectionStrings` section is a section like appsettings.json's.
// A key the object already has (compared case-insensitively, as .NET does) gets a number: `Storage2`.
import type { JSONPath, Node } from 'jsonc-parser';
import { dotnetKeyOf } from '../names';
import { propertyNames } from '../jsonPath';
import type { ReferenceTarget } from '../types';
import { takenSet, uniqueName } from './uniqueNames';

export const isLocalSettings = (path: string): boolean => /(^|[\\/])local\.settings\.json$/i.test(path);

/** The key of a secret written in the object at `path` of the file `file`. */
export function settingKey(file: string, path: JSONPath, secretName: string): string {
  const inValues = isLocalSettings(file) && path[0] === 'Values';
  const section = (inValues ? path.slice(1) : path).map(String).join(':');
  let key = dotnetKeyOf(secretName);
  if (section && key.toLowerCase().startsWith(`${section.toLowerCase()}:`)) key = key.slice(section.length + 1);
  return inValues ? key.replace(/:/g, '__') : key;
}

/** One key per target in the object `container` (at `path`), unique in it and among themselves. */
export function settingKeys(file: string, path: JSONPath, container: Node | undefined, targets: readonly ReferenceTarget[], except?: string): string[] {
  const taken = takenSet(propertyNames(container).filter((k) => k !== except));
  return targets.map((t) => uniqueName(settingKey(file, path, t.name), taken));
}
