import { logger, type Tree } from '@nx/devkit';
import { detectProject } from '../../plugin/languages/detect-project';
import { treeFsView } from '../../plugin/fs-view';
import { planProject } from '../../plugin/plan/plan-project';
import { renderDockerfile } from '../../plugin/render/render-dockerfile';
import { renderDockerignore } from '../../plugin/render/render-dockerignore';
import { recordOptions } from '../../plugin/generated-marker';
import type { BuildPlan, DockerizeOptions } from '../../plugin/types';
import { readGraphForTree, type ProjectGraphLike } from './lib/read-graph-for-tree';
import { toRuntimeManifestFactory } from './lib/create-runtime-manifest';
import { writeBakeTarget } from './lib/write-bake-target';
import { writeGuardedFile } from './lib/write-guarded-file';
import type { DockerizeGeneratorSchema } from './schema';

/** `nx g nx-dockerize:dockerize <project>`: reads the project graph, then dockerizes. */
export async function dockerizeGenerator(tree: Tree, schema: DockerizeGeneratorSchema): Promise<void> {
  dockerizeProject(tree, schema, await readGraphForTree(tree));
}

/**
 * The generator's work for a given graph. Exported for composition: a team's own
 * "new service" generator can call it (or `dockerizeGenerator`) right after creating a project.
 */
export function dockerizeProject(tree: Tree, schema: DockerizeGeneratorSchema, graph: ProjectGraphLike): BuildPlan {
  const node = graph.nodes[schema.project];
  if (!node) {
    const known = Object.keys(graph.nodes).sort().join(', ') || 'none';
    throw new Error(`Cannot dockerize "${schema.project}": no such Nx project (known projects: ${known}). Check the name with \`nx show projects\`.`);
  }
  const options = toDockerizeOptions(schema);
  const profile = detectProject({
    fs: treeFsView(tree),
    project: { name: schema.project, root: node.data.root, targets: node.data.targets },
    graph,
    options,
    createRuntimeManifest: toRuntimeManifestFactory(tree, graph),
  });
  const plan = planProject(profile, options);
  const { project, force = false, ...given } = schema;
  const dockerfile = recordOptions(renderDockerfile(plan, rendererOptions(tree, schema)), given);
  writeGuardedFile(tree, `${plan.projectRoot}/Dockerfile`, dockerfile, project, force);
  writeGuardedFile(tree, `${plan.projectRoot}/Dockerfile.dockerignore`, renderDockerignore(plan), project, force);
  // Generated data files (e.g. an integrated project's runtime package.json and lockfile).
  for (const file of plan.files) tree.write(file.path, file.content);
  writeBakeTarget(tree, plan);
  logger.info(`nx-dockerize: ${schema.project}\n${plan.notes.map((note) => `  - ${note}`).join('\n')}`);
  return plan;
}

function toDockerizeOptions(schema: DockerizeGeneratorSchema): DockerizeOptions {
  return {
    runtime: schema.runtime ?? 'slim',
    buildMode: schema.buildMode ?? 'docker',
    port: schema.port,
    nodeVersion: schema.nodeVersion,
    ...(schema.main !== undefined && { main: schema.main }),
    ...(schema.cgo !== undefined && { cgo: schema.cgo }),
    ...(schema.bin !== undefined && { bin: schema.bin }),
    ...(schema.entrypoint !== undefined && { entrypoint: schema.entrypoint }),
  };
}

/** Template overrides are read from the Tree, so they work in dry runs and in-memory tests. */
function rendererOptions(tree: Tree, schema: DockerizeGeneratorSchema) {
  if (!schema.templateDir) return {};
  const dir = schema.templateDir;
  if (!tree.exists(dir)) {
    throw new Error(`Template directory "${dir}" (--templateDir for ${schema.project}) does not exist in the workspace.`);
  }
  const partials: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const child of tree.children(folder)) {
      const path = `${folder}/${child}`;
      if (tree.isFile(path)) {
        if (path.endsWith('.hbs')) partials[path.slice(dir.length + 1, -'.hbs'.length)] = tree.read(path, 'utf-8') ?? '';
      } else walk(path);
    }
  };
  walk(dir);
  return { partials };
}

export default dockerizeGenerator;
