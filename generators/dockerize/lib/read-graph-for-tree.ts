import { createProjectGraphAsync, getProjects, logger, type Tree } from '@nx/devkit';
import type { GraphInput, TargetInput } from '../../../plugin/detect/detect-input';

/** The parts of an Nx ProjectGraph the generator reads: roots, targets, project edges. */
export interface ProjectGraphLike extends GraphInput {
  nodes: Record<
    string,
    { type?: string; data: { root: string; projectType?: string; targets?: Record<string, TargetInput> } }
  >;
  /** Nx's `npm:` nodes (package name, version): what integrated projects' runtime manifests are made from. */
  externalNodes?: Record<string, unknown>;
}

/**
 * The Nx project graph, completed with projects that exist only in the Tree so far: a team's
 * own "new service" generator may create a project and dockerize it in the same run, before
 * Nx has ever seen it on disk. Those get their implicit dependencies as edges.
 */
export async function readGraphForTree(tree: Tree): Promise<ProjectGraphLike> {
  const graph: ProjectGraphLike = { nodes: {}, dependencies: {} };
  try {
    const onDisk = await createProjectGraphAsync({ exitOnError: false });
    Object.assign(graph.nodes, onDisk.nodes);
    Object.assign(graph.dependencies, onDisk.dependencies);
    graph.externalNodes = onDisk.externalNodes ?? {};
  } catch (error) {
    logger.warn(
      `nx-dockerize: the Nx project graph could not be computed (${(error as Error).message}); using project.json files only.`,
    );
  }
  for (const [name, config] of getProjects(tree)) {
    if (graph.nodes[name]) continue;
    graph.nodes[name] = { data: { ...config, root: config.root } };
    graph.dependencies[name] = (config.implicitDependencies ?? [])
      .filter((dep) => !dep.startsWith('!'))
      .map((target) => ({ target }));
  }
  return graph;
}
