// What a bulk import reads: a flat list of configuration keys and values, in file order (pure). The readers
// (./readers.ts) turn a .env, a JSON settings file or a YAML file into this list; nothing else of the file is kept.

/** The file formats a bulk import reads. */
export type SourceFormat = 'env' | 'json' | 'yaml';

/** One setting of the source file: its key as the application reads it (`Section:Key`, `DB_PASSWORD`) and its value. */
export interface SourceEntry {
  readonly key: string;
  readonly value: string;
  /** 0-based line of the entry in its file, when the reader knows it (the .env conversion rewrites that line). */
  readonly line?: number;
}

/** A source file read: its entries, and what the reader passed over (comments aside), said in a few words each. */
export interface SourceRead {
  readonly format: SourceFormat;
  readonly entries: readonly SourceEntry[];
  /** Entries the reader could not take (a reference instead of a literal, an unreadable line), with why. */
  readonly passedOver: readonly { readonly key: string; readonly reason: string; readonly line?: number }[];
}
