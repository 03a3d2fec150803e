import { planAllowList } from '../../plan/allow-list';
import type { NodeContext } from './node-context';
import { planFrameworkIgnore } from './node-framework-steps';

/**
 * Allow-list for `<root>/Dockerfile.dockerignore` (plan/allow-list.ts): the root manifest, the
 * lockfile and the package manager's root files, the closure and the project; local build output
 * (`dist`) stays out, except the output a copy-output build copies.
 */
export function planNodeIgnore(ctx: NodeContext): string[] {
  const { profile } = ctx;
  const framework = planFrameworkIgnore(ctx);
  return planAllowList({
    project: profile.project,
    projectRoot: profile.projectRoot,
    rootFiles: [
      'package.json',
      ctx.lockfile,
      ...ctx.installInputs.map((path) => path.replace(/\/$/, '')),
      ...framework.allow,
      ...profile.rootFiles,
    ],
    closure: profile.closure,
    buildContext: profile.buildContext,
    excludeEverywhere: ['dist'],
    // A framework's local build output (Next's `.next`), already `**/`-anchored.
    excludePaths: framework.exclude,
    // copy-output also lets in the output of closure libraries built first (their `main` folder).
    reinclude:
      ctx.buildMode === 'copy-output'
        ? [ctx.outputPath, ...(profile.libraryBuilds ?? []).flatMap((lib) => (lib.output ? [lib.output] : []))]
        : [],
  });
}
