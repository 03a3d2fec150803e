import { planServiceBake } from '../../plan/service-parts';
import type { BuildPlan, NodeProfile } from '../../types';
import { toNodeContext } from './node-context';
import { planNodeBuildStage } from './node-build-stage';
import { planNodeIgnore } from './node-ignore';
import { planNodeInstallStages } from './node-install-stages';
import { planNodeNotes } from './node-notes';
import { planNodeRuntimeStage } from './node-runtime-stage';

/**
 * Node services: base → (manifests) → deps → build → (prod-deps) → runtime. Everything
 * Node-specific is data in the parts imported above; the result is a language-neutral plan.
 */
export function planNodeRecipe(profile: NodeProfile): BuildPlan {
  const ctx = toNodeContext(profile);
  const build = planNodeBuildStage(ctx);
  return {
    project: profile.project,
    projectRoot: profile.projectRoot,
    // Every install precedes every source copy, in the text as in each stage chain.
    stages: [...planNodeInstallStages(ctx), ...(build ? [build] : []), planNodeRuntimeStage(ctx)],
    ignore: planNodeIgnore(ctx),
    bake: planServiceBake(profile.project, profile.projectRoot),
    notes: planNodeNotes(ctx),
    files: profile.runtimeManifest
      ? [
          { path: `${profile.projectRoot}/Dockerfile.package.json`, content: profile.runtimeManifest.packageJson },
          { path: `${profile.projectRoot}/Dockerfile.${ctx.lockfile}`, content: profile.runtimeManifest.lockfile },
        ]
      : [],
  };
}
