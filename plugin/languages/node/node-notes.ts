import type { ImageRef } from '../../types';
import type { NodeContext } from './node-context';
import { planNodeHealth } from './node-runtime-stage';
import { planFrameworkNotes } from './node-framework-steps';

function toImageName(ref: ImageRef): string {
  return ref.tag ? `${ref.image}:${ref.tag}` : ref.image;
}

function planDetectionNotes(ctx: NodeContext): string[] {
  const { profile, options } = ctx;
  const pmVersion = profile.packageManagerVersion;
  const build = profile.build;
  return [
    `Project ${profile.project} at ${profile.projectRoot}, ${profile.style === 'package' ? 'a workspace package with its own package.json' : 'integrated (no package.json of its own)'}.`,
    `Package manager ${profile.packageManager.value} (from ${profile.packageManager.source})${pmVersion ? `, version ${pmVersion.value} (from ${pmVersion.source})` : ''}; lockfile ${ctx.lockfile}.`,
    options.nodeVersion ? `Node ${ctx.major} (from the nodeVersion option).` : `Node ${ctx.major} (from ${profile.nodeVersion.source}).`,
    build ? `Build: \`${build.value.command}\` → ${build.value.outputPath} (from ${build.source}).` : 'No build target: the project root is the artifact.',
    `Entrypoint ${profile.entrypoint.value} (from ${profile.entrypoint.source}).`,
    options.port !== undefined ? `Port ${options.port} (from the port option).`
      : profile.port ? `Port ${profile.port.value} (from ${profile.port.source}).` : 'No port detected: no EXPOSE and no HEALTHCHECK.',
    `Dependency closure (Nx project graph): ${profile.closure.length > 0 ? profile.closure.join(', ') : 'none'}.`,
    profile.hasProdDependencies ? 'Production dependencies found: the runtime gets a prod-only node_modules.'
      : profile.frameworks?.some((facts) => facts.bundlesDependencies) ? 'The artifact carries the node_modules it needs: no separate production install.'
      : 'No production dependencies: the runtime gets no node_modules.',
  ];
}

function planDecisionNotes(ctx: NodeContext): string[] {
  const { options, profile } = ctx;
  const notes = [
    `Runtime base ${options.runtime}: ${toImageName(ctx.runtimeImage)} (from the runtime option; versions.json).`,
    'No "# syntax=" line: BuildKit\'s built-in Dockerfile frontend supports RUN --mount, heredocs and COPY --link, and a syntax line would make every build pull docker/dockerfile from a registry.',
  ];
  const health = planNodeHealth(ctx).note;
  if (health) notes.push(health);
  if (options.buildMode === 'copy-output') notes.push(`Build mode copy-output: run the Nx build first; the image copies ${ctx.outputPath}/ from the build context.`);
  if (ctx.pm.prunable) notes.push(`The lockfile is pruned to ${ctx.workspaces.length > 0 ? ctx.workspaces.join(', ') : 'the root (no workspaces)'} before \`npm ci\`, so other projects' dependency changes keep the install layer cached.`);
  else notes.push(`${profile.packageManager.value}: the install layer is keyed on the whole root lockfile (pruning is npm-only for now), so any dependency change in the workspace re-runs it.`);
  if (ctx.pm.corepackTool) notes.push(`${ctx.pm.corepackTool} is activated through corepack${profile.packageManagerVersion ? ` at ${profile.packageManagerVersion.value}` : ' (version from the packageManager field at install time)'}; Node >= 25 no longer ships corepack, so it is installed from npm there.`);
  if (ctx.pm.baseImage) notes.push(`${profile.packageManager.value} runs in ${toImageName(ctx.toolImage)} for the install and build stages; the runtime stays on Node.`);
  if (options.runtime === 'alpine') notes.push('Alpine (musl) cannot be built in the offline lab, and native modules built for glibc break on musl.');
  if (options.runtime === 'alpine' && profile.risks.some((risk) => /native/i.test(risk))) notes.push(`Risk: ${profile.risks.join('; ')} — prefer runtime slim or distroless.`);
  if (options.runtime === 'alpine' && options.nativeOnAlpine && (profile.nativeModules ?? []).length > 0) notes.push('nativeOnAlpine: native modules built on glibc are copied into a musl runtime at the user\'s request; they may fail to load.');
  return notes;
}

/** One line per decision and the file (or option) it came from; rendered as the header. */
export function planNodeNotes(ctx: NodeContext): string[] {
  return [...planDetectionNotes(ctx), ...planFrameworkNotes(ctx), ...planDecisionNotes(ctx)];
}
