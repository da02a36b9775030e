// A cheap first look, without the references bundle: whether a text (an env file, an `env` value) may hold a Key
// Vault secret reference at all. False means certainly none (nothing is loaded, nothing is asked); true means the
// parser (src/references/envFile.ts, in the lazily loaded references bundle) decides. Pure, no imports: the activation bundle takes
// it directly (the debug configuration provider looks at every launch through it).
const hint = /@microsoft\.keyvault\(|kv:\/\/|https:\/\/[^\s/]+\/(?:secrets|keys|certificates)\//i;

export function mayHoldEnvReference(text: string): boolean {
  return hint.test(text);
}
