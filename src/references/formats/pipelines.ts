// CI pipelines: GitHub Actions (pipelines/github.ts) and Azure Pipelines (pipelines/azure.ts).
export { githubActions } from './pipelines/github';
export { azurePipelines } from './pipelines/azure';
