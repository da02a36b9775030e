import type { Feature } from '../../feature';

/** Commands (one file each in this folder) and registrations of the certificates area. */
export const certificatesFeature: Feature = {
  commands: {},
};
