// Public API of nx-dockerize: the Nx plugin entries (createNodes, createDependencies) and the generators,
// exported so a team's own generators can compose them.
export { createNodes, createNodesV2 } from './plugin/create-nodes';
export { createDependencies } from './plugin/create-dependencies';
export { dockerizeGenerator, dockerizeProject } from './generators/dockerize/generator';
export { initGenerator } from './generators/init/generator';
export type { DockerizeGeneratorSchema } from './generators/dockerize/schema';
export type { BuildPlan, NodeProfile, DockerizeOptions } from './plugin/types';
