import type { NodePackageManager } from '../../types';

/**
 * How each manager runs one workspace package's script from the workspace root. npm selects
 * the workspace by path; the others by package name.
 */
const RUNNERS: Record<NodePackageManager, (input: { root: string; name: string; script: string }) => string> = {
  npm: ({ root, script }) => `npm run ${script} --workspace=${root}`,
  pnpm: ({ name, script }) => `pnpm --filter ${name} run ${script}`,
  'yarn-classic': ({ name, script }) => `yarn workspace ${name} run ${script}`,
  'yarn-berry': ({ name, script }) => `yarn workspace ${name} run ${script}`,
  bun: ({ name, script }) => `bun run --filter ${name} ${script}`,
};

/** The workspace-root command that runs `script` of the package at `root` named `name`. */
export function toWorkspaceRunCommand(
  manager: NodePackageManager,
  input: { root: string; name: string; script: string },
): string {
  // A root project is the workspace package itself: no workspace selection is needed.
  if (input.root === '.' || input.root === '') return `${manager.replace(/-.*/, '')} run ${input.script}`;
  return RUNNERS[manager](input);
}
