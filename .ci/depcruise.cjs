/**
 * The layers of Audience Flow, checked by dependency-cruiser in `npm test` (tests/unit/layers).
 * UI → workers → nodes → core; inside src/core: contract ← table ← io/ml/text/network ← journey, trend; flow and
 * sample sit on contract. Each rule names the arrow it forbids.
 */
const core = (p) => `^src/core/${p}/`;
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Imports never go round in a circle (type-only imports, erased at build time, do not count).',
      from: {}, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
    { name: 'contract-imports-nothing-of-ours', severity: 'error', comment: 'contract/ is the bottom layer.',
      from: { path: core('contract') }, to: { path: '^(src|nodes|workers)/', pathNot: core('contract') } },
    { name: 'table-only-contract', severity: 'error', from: { path: core('table') }, to: { path: '^(src|nodes|workers)/', pathNot: [core('table'), core('contract')] } },
    { name: 'flow-only-contract', severity: 'error', from: { path: core('flow') }, to: { path: '^(src|nodes|workers)/', pathNot: [core('flow'), core('contract')] } },
    { name: 'io-ml-text-only-table-and-contract', severity: 'error', from: { path: '^src/core/(io|ml|text|network)/' },
      to: { path: '^(src|nodes|workers)/', pathNot: ['^src/core/$1/', core('table'), core('contract')] } },
    { name: 'journey-only-text-table-contract', severity: 'error', from: { path: core('journey') },
      to: { path: '^(src|nodes|workers)/', pathNot: [core('journey'), core('text'), core('table'), core('contract')] } },
    { name: 'trend-only-text-table-contract', severity: 'error', from: { path: core('trend') },
      to: { path: '^(src|nodes|workers)/', pathNot: [core('trend'), core('text'), core('table'), core('contract')] } },
    { name: 'sample-only-table-contract', severity: 'error', from: { path: core('sample') },
      to: { path: '^(src|nodes|workers)/', pathNot: [core('sample'), core('table'), core('contract')] } },
    { name: 'core-never-imports-ui-workers-nodes', severity: 'error', from: { path: '^src/core/' }, to: { path: '^(src/ui|src/cli|workers|nodes)/' } },
    { name: 'nodes-never-import-nodes', severity: 'error', comment: 'A node shares code through src/core or the kit, never through another node.',
      from: { path: '^nodes/', pathNot: '^nodes/index\\.ts$' }, to: { path: '^nodes/', pathNot: '^nodes/kit\\.ts$' } },
    { name: 'nodes-never-import-ui-workers', severity: 'error', from: { path: '^nodes/' }, to: { path: '^(src/ui|src/cli|workers)/' } },
    { name: 'workers-never-import-ui', severity: 'error', from: { path: '^workers/' }, to: { path: '^src/ui/' } },
    { name: 'ui-reads-nodes-through-the-registry', severity: 'error', comment: 'The page reads declarations from nodes/index.ts; run code stays in the worker.',
      from: { path: '^src/ui/' }, to: { path: '^nodes/', pathNot: '^nodes/index\\.ts$' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|tests/artifacts)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js'] },
  },
};
