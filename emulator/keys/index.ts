// The keys data plane of the emulator.
export { KeyStore, type KeyStoreOptions, type ManagedKeyOptions } from './store';
export { parseSeedTime } from './seed';
