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
    rootFiles: ['package.json', ctx.lockfile, ...ctx.pm.optionalRootFiles, ...framework.allow, ...profile.rootFiles],
    closure: profile.closure,
    buildContext: profile.buildContext,
    excludeEverywhere: ['dist'],
    // A framework's local build output (Next's `.next`), already `**/`-anchored.
    excludePaths: framework.exclude,
    reinclude: ctx.options.buildMode === 'copy-output' ? [ctx.outputPath] : [],
  });
}
