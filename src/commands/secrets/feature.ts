import type { Feature } from '../../feature';

/** Commands (one file each in this folder) and registrations of the secrets area. */
export const secretsFeature: Feature = {
  commands: {},
};
