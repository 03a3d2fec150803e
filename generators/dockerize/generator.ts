import { logger, type Tree } from '@nx/devkit';
import { assertUniqueNames, toImageNames, type ImageNames } from '../../plugin/bake';
import { detectProject } from '../../plugin/languages/detect-project';
import { treeFsView } from '../../plugin/fs-view';
import { joinPath } from '../../plugin/detect/join-path';
import { planProject } from '../../plugin/plan/plan-project';
import { renderDockerfile } from '../../plugin/render/render-dockerfile';
import { renderDockerignore } from '../../plugin/render/render-dockerignore';
import { readRecordedBake, recordBake, recordOptions } from '../../plugin/generated-marker';
import type { BakeTarget, BuildPlan } from '../../plugin/types';
import { normalizeOptions } from './lib/normalize-options';
import { toRuntimeManifestFactory } from './lib/create-runtime-manifest';
import { readGraphForTree, type ProjectGraphLike } from './lib/read-graph-for-tree';
import { planBakeChange } from './lib/write-bake-target';
import { guardGeneratedFile, type FileChange } from './lib/write-guarded-file';
import type { DockerizeGeneratorSchema } from './schema';

/** `nx g nx-dockerize:dockerize <project>`: reads the project graph, then dockerizes. */
export async function dockerizeGenerator(tree: Tree, schema: DockerizeGeneratorSchema): Promise<void> {
  dockerizeProject(tree, schema, await readGraphForTree(tree));
  // Said here, not in dockerizeProject, which `nx sync` runs for every project on every check.
  // The bake target is the project name made valid (`@acme/api` → `acme-api`).
  const target = toImageNames(schema.project).bakeTarget;
  logger.info(
    `nx-dockerize: build it with \`docker buildx bake --file docker-bake.json --load ${target}\` or \`nx run ${schema.project}:docker-build\``,
  );
}

/**
 * The generator's work for a given graph. Exported for composition: a team's own
 * "new service" generator can call it (or `dockerizeGenerator`) right after creating a project.
 * All or nothing: every check (options, names, detection, hand edits of each file) runs before
 * the first write, so a refused run leaves the Tree exactly as it was.
 */
export function dockerizeProject(
  tree: Tree,
  schema: DockerizeGeneratorSchema,
  graph: ProjectGraphLike,
  guard: { onKeptEdit?: (path: string) => void } = {},
): BuildPlan {
  const rendered = renderProjectFiles(tree, schema, graph);
  const { plan, names } = rendered;
  const force = schema.force ?? false;
  const dockerfilePath = joinPath(plan.projectRoot, 'Dockerfile');
  const previous = tree.exists(dockerfilePath)
    ? (readRecordedBake(tree.read(dockerfilePath, 'utf-8') ?? '') as BakeTarget | undefined)
    : undefined;
  const changes = [
    guardGeneratedFile(tree, dockerfilePath, rendered.dockerfile, schema.project, force),
    // nx sync keeps a hand-edited ignore file (guard.onKeptEdit) while the Dockerfile still syncs.
    guardGeneratedFile(
      tree,
      joinPath(plan.projectRoot, 'Dockerfile.dockerignore'),
      rendered.dockerignore,
      schema.project,
      force,
      guard.onKeptEdit,
    ),
    planBakeChange(tree, {
      project: schema.project,
      bakeTarget: names.bakeTarget,
      generated: plan.bake,
      previous,
      force,
    }),
  ].filter((change): change is FileChange => change !== undefined);
  for (const change of changes) tree.write(change.path, change.content);
  // Generated data files (an integrated Node project's Nx-made runtime package.json and lockfile).
  for (const file of plan.files) tree.write(file.path, file.content);
  logger.info(`nx-dockerize: ${schema.project}\n${plan.notes.map((note) => `  - ${note}`).join('\n')}`);
  return plan;
}

export interface RenderedProject {
  plan: BuildPlan;
  names: ImageNames;
  /** Unstamped texts (the checksum line is added when written). */
  dockerfile: string;
  dockerignore: string;
}

/**
 * Everything the generator would write for a project, computed without writing: options
 * validated, names checked unique across the graph, detection (with its refusals), plan, render.
 * Reads the Tree only. Throws an Error naming the project, the file and the fix.
 */
export function renderProjectFiles(
  tree: Tree,
  schema: DockerizeGeneratorSchema,
  graph: ProjectGraphLike,
): RenderedProject {
  const node = graph.nodes[schema.project];
  if (!node) {
    const known = Object.keys(graph.nodes).sort().join(', ') || 'none';
    throw new Error(
      `Cannot dockerize "${schema.project}": no such Nx project (known projects: ${known}). Check the name with \`nx show projects\`.`,
    );
  }
  const { options, given } = normalizeOptions(schema);
  const names = assertUniqueNames(schema.project, Object.keys(graph.nodes));
  const profile = detectProject({
    fs: treeFsView(tree),
    project: {
      name: schema.project,
      root: node.data.root,
      targets: node.data.targets,
      type: node.type,
      projectType: node.data.projectType,
    },
    graph,
    options,
    createRuntimeManifest: toRuntimeManifestFactory(tree, graph),
  });
  const plan = planProject(profile);
  return {
    plan,
    names,
    dockerfile: recordBake(recordOptions(renderDockerfile(plan, rendererOptions(tree, schema)), given), plan.bake),
    dockerignore: renderDockerignore(plan),
  };
}

/** Template overrides are read from the Tree, so they work in dry runs and in-memory tests. */
function rendererOptions(tree: Tree, schema: DockerizeGeneratorSchema) {
  if (!schema.templateDir) return {};
  const dir = schema.templateDir.replace(/\/+$/, '');
  if (!tree.exists(dir)) {
    throw new Error(
      `Template directory "${dir}" (--templateDir for ${schema.project}) does not exist in the workspace. Create it, or drop --templateDir.`,
    );
  }
  const partials: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const child of tree.children(folder)) {
      const path = `${folder}/${child}`;
      if (tree.isFile(path)) {
        if (path.endsWith('.hbs'))
          partials[path.slice(dir.length + 1, -'.hbs'.length)] = tree.read(path, 'utf-8') ?? '';
      } else walk(path);
    }
  };
  walk(dir);
  return { partials, partialsDir: dir };
}

export default dockerizeGenerator;
