import type { Feature } from '../../feature';

/** Commands (one file each in this folder) and registrations of the keys area. */
export const keysFeature: Feature = {
  commands: {},
};
