// What every reference format offers: the reference at a value position, a complete entry on a line of its own,
// and where they go in the document at hand (`place`). Pure functions: golden tests pin their text.
import type { Template } from '../template';
import type { FormatId, ObjectKind, ReferenceTarget } from '../types';
import type { Placement, PlacementContext } from './context';

export interface ReferenceFormat {
  readonly id: FormatId;
  /** Quick pick label and its one-line description. */
  readonly label: string;
  readonly detail: string;
  /** Object kinds the syntax can reference. */
  readonly kinds: readonly ObjectKind[];
  /** Whether the text can pin a version of that kind (otherwise a versioned target is written unversioned). */
  versionable(kind: ObjectKind): boolean;
  /** The kind the text names: App Service and App Configuration reach a certificate through its secret. */
  textKind(kind: ObjectKind): ObjectKind;
  /** The reference where a value goes (inside a string, after `=` or `:`). */
  value(t: ReferenceTarget): Template;
  /** A complete entry on a line of its own (JSON property, YAML step, HCL block…). */
  entry(t: ReferenceTarget): Template;
  /** Several targets on lines of their own (default: one entry per target, one after the other). */
  entries?(targets: readonly ReferenceTarget[]): Template;
  /** What goes where for `targets` at the cursor of this document (a value, entries, maybe one more edit). */
  place(ctx: PlacementContext, targets: readonly ReferenceTarget[]): Placement;
}

export const secretLike: readonly ObjectKind[] = ['secret', 'certificate'];
export const allKinds: readonly ObjectKind[] = ['secret', 'key', 'certificate'];
export const always = (): boolean => true;
export const asSecret = (): ObjectKind => 'secret';
export const same = (kind: ObjectKind): ObjectKind => kind;
