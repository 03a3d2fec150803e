/**
 * Runs the dockerize generator on a workspace on disk, as `nx g nx-dockerize:dockerize` would,
 * with the project graph computed by the repo's own Nx (the workspace needs no install).
 * Usage: tsx e2e/lib/generate-fixture.ts <workspace-dir> <project> ['<options json>']
 * Runs as its own process because Nx fixes its workspace root from the cwd when it is loaded.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProjectGraphLike } from '../../generators/dockerize/lib/read-graph-for-tree';

async function main(): Promise<void> {
  const [dir, project, optionsJson = '{}'] = process.argv.slice(2);
  if (!dir || !project) throw new Error('usage: generate-fixture.ts <workspace-dir> <project> [<options json>]');
  process.chdir(dir);
  process.env.NX_DAEMON = 'false';
  process.env.NX_NO_CLOUD = 'true';
  process.env.NX_WORKSPACE_ROOT_PATH = process.cwd();
  // Everything that loads Nx is imported after the chdir: Nx fixes its workspace root when first loaded.
  const { createProjectGraphAsync } = await import('@nx/devkit');
  const { FsTree } = await import('@nx/devkit/internal');
  const { dockerizeProject } = await import('../../generators/dockerize/generator');
  const graph = (await createProjectGraphAsync({ exitOnError: false })) as unknown as ProjectGraphLike;
  const tree = new FsTree(process.cwd(), false);
  const plan = dockerizeProject(tree, { project, ...JSON.parse(optionsJson) }, graph);
  for (const change of tree.listChanges()) {
    const file = join(process.cwd(), change.path);
    if (change.type === 'DELETE') rmSync(file, { force: true });
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, change.content ?? '');
    }
  }
  // The last line tells the e2e harness which bake target is this project's.
  console.log(`nx-dockerize-fixture dockerfile=${plan.bake.dockerfile}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
