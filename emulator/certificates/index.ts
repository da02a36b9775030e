// The certificates data plane of one vault (see README.md).
export { CertificateStore } from './store';
export type { CertificateStoreDeps, ManagedAttributes, ManagedKeyOptions, ManagedKeySink, ManagedSecretInput, ManagedSecretSink } from './sinks';
