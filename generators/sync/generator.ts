import { logger, type Tree } from '@nx/devkit';
import {
  readGeneratedState,
  readRecordedOptions,
  recordedChecksumMatches,
  stampGenerated,
} from '../../plugin/generated-marker';
import { dockerizeProject, renderProjectFiles } from '../dockerize/generator';
import { joinPath } from '../../plugin/detect/join-path';
import { readGraphForTree, type ProjectGraphLike } from '../dockerize/lib/read-graph-for-tree';
import type { DockerizeGeneratorSchema } from '../dockerize/schema';

const RUNTIME_MANIFESTS = ['package.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'];

export interface SyncResult {
  outOfSyncMessage?: string;
}

/**
 * `nx sync` / `nx sync:check`: regenerates every nx-dockerize Dockerfile, ignore file and bake
 * target from the current project graph with the options it was generated with, so a new
 * library dependency reaches the Dockerfile. Nx compares the Tree: any change is drift.
 * Hand-edited files are never touched. A hand-edited Dockerfile whose generated content would
 * now differ (the graph changed since), or a project the generator now refuses (a bake field
 * changed by hand, a library…), is reported as out of sync with its file and reason, so
 * `nx sync:check` fails instead of passing.
 */
export async function syncGenerator(tree: Tree): Promise<SyncResult> {
  return syncDockerfiles(tree, await readGraphForTree(tree));
}

export function syncDockerfiles(tree: Tree, graph: ProjectGraphLike): SyncResult {
  const problems: string[] = [];
  const drifted = new Set<string>();
  const projects = Object.entries(graph.nodes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [project, node] of projects) {
    const path = joinPath(node.data.root, 'Dockerfile');
    if (!tree.exists(path)) continue;
    const text = tree.read(path, 'utf-8') ?? '';
    const state = readGeneratedState(text);
    if (state === 'foreign') continue;
    const options = (readRecordedOptions(text) ?? {}) as Omit<DockerizeGeneratorSchema, 'project'>;
    const schema = { ...options, project, force: false };
    try {
      if (state === 'edited') {
        const now = stampGenerated(renderProjectFiles(tree, schema, graph).dockerfile);
        if (!recordedChecksumMatches(text, now)) {
          problems.push(
            `${path}: edited by hand, and the project graph changed since it was generated, so it no longer matches (nx sync does not touch hand edits). ` +
              `Fix: move the edit into a template override (--templateDir) and run \`nx g nx-dockerize:dockerize ${project} --force\`, or delete the checksum line to own the file.`,
          );
        } else
          logger.warn(`nx-dockerize: ${path} was edited by hand; not synced (it still matches the project graph).`);
        continue;
      }
      // An integrated Node project's Nx-made runtime manifest and lockfile drift with the root lockfile.
      const paths = [
        path,
        `${path}.dockerignore`,
        'docker-bake.json',
        ...RUNTIME_MANIFESTS.map((name) => `${path}.${name}`),
      ];
      const before = paths.map((p) => tree.read(p, 'utf-8'));
      // A hand-edited ignore file is kept (and reported) while the Dockerfile and bake target still sync.
      dockerizeProject(tree, schema, graph, {
        onKeptEdit: (kept) => logger.warn(`nx-dockerize: ${kept} was edited by hand; kept as it is (not synced).`),
      });
      paths.forEach((p, i) => tree.read(p, 'utf-8') !== before[i] && drifted.add(p));
    } catch (error) {
      problems.push(`${path} (${project}): ${(error as Error).message}`);
    }
  }
  const messages = [
    ...(drifted.size
      ? [
          `${[...drifted].sort().join(', ')} no longer ${drifted.size === 1 ? 'matches' : 'match'} the project graph (a library dependency added or removed, a changed entry point or port, or a root lockfile change that moves the runtime dependencies). Run \`nx sync\`.`,
        ]
      : []),
    ...problems,
  ];
  return messages.length ? { outOfSyncMessage: messages.join('\n') } : {};
}

export default syncGenerator;
