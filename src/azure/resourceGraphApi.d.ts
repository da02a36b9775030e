// Types for `@azure/arm-resourcegraph/api`: the SDK's modular API (the `resources` query alone, without the classic
// client and its other operation groups, a third of the size in the SDK chunk). tsconfig's `moduleResolution: node`
// does not read a package's `exports`; Node and esbuild do, so only the types need this pointer.
declare module '@azure/arm-resourcegraph/api' {
  export * from '@azure/arm-resourcegraph/dist/commonjs/api/index';
}
