// The pure access model (issue 22): what the signed-in user may do in a vault, why not, and which role would allow it.
export * from './operations';
export * from './rbac';
export * from './policies';
export * from './roles';
export * from './network';
export * from './vaultAccess';
export * from './denial';
export * from './report';
export * from './request';
export * from './commandAccess';
