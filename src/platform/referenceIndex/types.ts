// Types the index shares between its modules (the references bundle's functions arrive through loadReferences).
export type { References } from '../../references/lazy';
export type { IndexedReference, ObjectQuery } from '../../references/usage';
export type { ParseOptions } from '../../references/parse';
