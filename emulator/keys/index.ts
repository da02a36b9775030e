// The keys data plane of the emulator.
export { KeyStore, type KeyStoreOptions, type ManagedKeyOptions } from './store';
export { KeyVaultHttpError } from './errors';
export { parseSeedTime } from './seed';
