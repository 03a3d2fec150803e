import { isUnderDir } from './detect/join-path';
import { DependencyType, logger, type CreateDependencies, type RawProjectGraphDependency } from '@nx/devkit';
import { diskFsView, type FsView } from './fs-view';
import type { DockerizePluginOptions } from './create-nodes';
import { LANGUAGES } from './languages/languages';

/** A project as createDependencies sees it: its Nx name and workspace-relative root (`.` for a root project). */
export interface GraphProject {
  name: string;
  root: string;
}

/**
 * Static Nx graph edges from each Go, Rust, Python and Java project to the projects holding its
 * local dependencies (LanguageModule.localDependencies: Go `replace`/go.work, Cargo path
 * dependencies, uv workspace sources, Maven reactor modules). Without them `nx affected` never
 * sees a library edit or `nx sync` a new library in a service's closure. Node projects get their
 * edges from Nx's own JS analysis. Each edge's sourceFile is the project's manifest (Nx requires a
 * file of the source project). A dependency directory belongs to the project with the longest
 * root containing it; a directory in no project (or in the project itself) gives no edge.
 *
 * A manifest that cannot be read is skipped with a warning, so one bad go.mod does not break the
 * graph of the whole workspace (the generator reports the same error with its fix).
 * `createDependencies` has this signature in nx 22, 23 and 24 (public-api.d.ts CreateDependencies;
 * context.projects keyed by name; see nx-compat.ts).
 */
export function listLocalDependencyEdges(
  fs: FsView,
  projects: GraphProject[],
  warn: (message: string) => void = () => {},
): RawProjectGraphDependency[] {
  const byDepth = [...projects].sort((a, b) => depth(b.root) - depth(a.root));
  const owner = (dir: string) => byDepth.find((project) => isUnderDir(dir, project.root));
  const edges = new Map<string, RawProjectGraphDependency>();
  for (const project of projects) {
    const root = project.root === '.' ? '' : project.root;
    const language = LANGUAGES.find((candidate) => candidate.localDependencies && candidate.claims(fs, root));
    if (!language?.localDependencies) continue;
    let dependencies;
    try {
      dependencies = language.localDependencies(fs, root);
    } catch (error) {
      warn(
        `nx-dockerize: no ${language.language} dependency edges for ${project.name}: ${(error as Error).message.split('\n')[0].replace(/^nx-dockerize: project "[^"]*": /, '')}`,
      );
      continue;
    }
    for (const dependency of dependencies) {
      const target = owner(dependency.root);
      if (!target || target.name === project.name) continue;
      edges.set(`${project.name}\0${target.name}`, {
        source: project.name,
        target: target.name,
        sourceFile: dependency.file,
        type: DependencyType.static,
      });
    }
  }
  return [...edges.values()];
}

const depth = (root: string) => (root === '.' ? 0 : root.split('/').length);

/** The Nx plugin entry (index.ts exports it beside createNodes). */
export const createDependencies: CreateDependencies<DockerizePluginOptions> = (_options, context) => {
  const projects = Object.entries(context.projects).map(([name, config]) => ({
    name: config.name ?? name,
    root: normalizeRoot(config.root),
  }));
  return listLocalDependencyEdges(diskFsView(context.workspaceRoot), projects, (message) => logger.warn(message));
};

function normalizeRoot(root: string): string {
  const trimmed = root.replace(/^\.\//, '').replace(/\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}
