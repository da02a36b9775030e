// The house's directions (docs/ARCHITECTURE.md draws them): imports flow DOWN this list only, feature areas never
// import each other, commands and editor code never reach into tree node classes, and there is no cycle anywhere.
// `npm test` runs it (scripts/test.mjs, "layers"); test/unit/layers.test.ts proves a deliberate upward import fails.
/** Top to bottom: a layer may import the layers below it, never one above. */
const layers = [
  ['composition root', '^src/(extension|testApi)\\.ts$'],
  ['feature areas', '^src/commands/(?!items/)[^/]+/'],
  ['shared by all kinds', '^src/commands/items/'],
  ['command framework', '^src/commands/[^/]+\\.ts$'],
  ['editor providers', '^src/editor/'],
  ['services', '^src/services\\.ts$'],
  ['tree', '^src/tree/'],
  ['presentation', '^src/presentation/'],
  ['auth', '^src/auth/'],
  ['platform', '^src/platform/'],
  ['model', '^src/model/'],
  ['references', '^src/references/'],
  ['azure', '^src/azure/'],
];

const upward = layers.flatMap(([lower, lowerPath], i) =>
  i === 0
    ? []
    : [
        {
          name: `no-upward-import:${lower}`,
          comment: `${lower} must not import a layer above it (${layers.slice(0, i).map(([n]) => n).join(', ')})`,
          severity: 'error',
          from: { path: lowerPath },
          to: { path: layers.slice(0, i).map(([, p]) => p) },
        },
      ],
);

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-cycle',
      comment:
        'a cycle makes two modules one: split what they share into a lower module. Only type-only links may close a loop ' +
        "inside one layer (a tree node's typed parent); across layers the upward rules above forbid even those",
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-area-to-area',
      comment: 'a feature area imports only itself, commands/items (what all kinds share) and the layers below',
      severity: 'error',
      from: { path: '^src/commands/([^/]+)/' },
      to: { path: '^src/commands/[^/]+/', pathNot: ['^src/commands/$1/', '^src/commands/items/'] },
    },
    {
      name: 'no-tree-classes-in-commands',
      comment: 'commands and editor code act on targets (src/model/targets.ts) through services.view, never on node classes',
      severity: 'error',
      from: { path: '^src/(commands|editor)/' },
      to: { path: '^src/tree/', pathNot: '^src/tree/(TreeNode|VaultView)\\.ts$' },
    },
    {
      name: 'no-vscode-in-pure-layers',
      comment: 'src/azure, src/references and src/model run under plain node (unit and integration tests)',
      severity: 'error',
      from: { path: '^src/(azure|references|model)/' },
      to: { path: '^vscode$', dependencyTypes: ['core', 'npm', 'unknown', 'undetermined'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(out|dist|node_modules)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
