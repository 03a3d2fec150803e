import { formatImageRef } from '../../plan/image-ref';
import type { NodeContext } from './node-context';
import { planNodeHealth } from './node-runtime-stage';
import { planFrameworkNotes } from './node-framework-steps';

const toImageName = formatImageRef;

function planDetectionNotes(ctx: NodeContext): string[] {
  const { profile } = ctx;
  const pmVersion = profile.packageManagerVersion;
  const build = profile.build;
  return [
    `Project ${profile.project} at ${profile.projectRoot}, ${profile.style === 'package' ? 'a workspace package with its own package.json' : 'integrated (no package.json of its own)'}.`,
    `Package manager ${profile.packageManager.value} (from ${profile.packageManager.source})${pmVersion ? `, version ${pmVersion.value} (from ${pmVersion.source})` : ''}; lockfile ${ctx.lockfile}.`,
    profile.nodeVersion.source.startsWith('options.nodeVersion')
      ? `Node ${ctx.major} (from the nodeVersion option).`
      : `Node ${ctx.major} (from ${profile.nodeVersion.source}).`,
    build
      ? `Build: \`${build.value.command}\` → ${build.value.outputPath} (from ${build.source}).`
      : 'No build target: the project root is the artifact.',
    `Entrypoint ${profile.entrypoint.value} (from ${profile.entrypoint.source}).`,
    profile.port?.source === 'options.port'
      ? `Port ${profile.port.value} (from the port option).`
      : profile.port
        ? `Port ${profile.port.value} (from ${profile.port.source}).`
        : 'No port detected: no EXPOSE and no HEALTHCHECK.',
    `Dependency closure (Nx project graph): ${profile.closure.length > 0 ? profile.closure.join(', ') : 'none'}.`,
    profile.hasProdDependencies
      ? 'Production dependencies found: the runtime gets a prod-only node_modules.'
      : profile.frameworks?.some((facts) => facts.bundlesDependencies)
        ? 'The artifact carries the node_modules it needs: no separate production install.'
        : 'No production dependencies: the runtime gets no node_modules.',
  ];
}

function planDecisionNotes(ctx: NodeContext): string[] {
  const { profile } = ctx;
  const notes = [
    `Runtime base ${ctx.runtime}: ${toImageName(ctx.runtimeImage)} (from the runtime option; versions.json).`,
    'No "# syntax=" line: BuildKit\'s built-in Dockerfile frontend supports RUN --mount, heredocs and COPY --link, and a syntax line would make every build pull docker/dockerfile from a registry.',
  ];
  const health = planNodeHealth(ctx).note;
  if (health) notes.push(health);
  if (ctx.buildMode === 'copy-output')
    notes.push(
      `Build mode copy-output: run the Nx build first; the image copies ${ctx.outputPath}/ from the build context.`,
    );
  notes.push(...planInstallNotes(ctx));
  if (ctx.runtime === 'alpine')
    notes.push('Alpine (musl) cannot be built in the offline lab, and native modules built for glibc break on musl.');
  if (ctx.runtime === 'alpine' && profile.risks.some((risk) => /native/i.test(risk)))
    notes.push(`Risk: ${profile.risks.join('; ')} — prefer runtime slim or distroless.`);
  if (ctx.runtime === 'alpine' && profile.settings.nativeOnAlpine && (profile.nativeModules ?? []).length > 0)
    notes.push(
      "nativeOnAlpine: native modules built on glibc are copied into a musl runtime at the user's request; they may fail to load.",
    );
  return notes;
}

/**
 * What another project's new dependency re-runs. Workspace packages: nothing but the pruning (the
 * slice is the same bytes). No workspaces (an Nx integrated app, a root project): the slice is the
 * root manifest itself, so the dev install re-runs on any root dependency change; an integrated
 * app's production install reads Nx's runtime manifest, which changes only with its own graph.
 */
function toRerunNote(ctx: NodeContext): string {
  if (ctx.workspaces.length > 0)
    return "another project's dependency change re-runs only the pruning step and leaves the installs cached.";
  const dev = ctx.hasBuildStage
    ? `any change to the root package.json or ${ctx.lockfile} (another project's new dependency included) re-runs the build stage's dev install (\`${ctx.pm.install.join(' ')}\`: the whole root manifest, which the build's tools come from)`
    : '';
  const prod = ctx.profile.runtimeManifest
    ? `the production install reads ${ctx.profile.projectRoot}/Dockerfile.package.json and Dockerfile.${ctx.lockfile} and re-runs only when this app's runtime dependencies change`
    : ctx.profile.hasProdDependencies
      ? `the production install re-runs with it`
      : '';
  return `${[dev, prod].filter(Boolean).join('; ') || 'no install depends on other projects'}.`;
}

function planInstallNotes(ctx: NodeContext): string[] {
  const { profile, pm } = ctx;
  const manager = profile.packageManager.value;
  const notes: string[] = [];
  const version = profile.packageManagerVersion
    ? `${ctx.pmVersion} (from ${profile.packageManagerVersion.source})`
    : `${ctx.pmVersion} (versions.json default: the workspace pins none; set "packageManager")`;
  if (profile.yarnPath)
    notes.push(
      `yarn is the workspace's own release ${profile.yarnPath} (from .yarnrc.yml#yarnPath); nothing is downloaded for it.`,
    );
  else if (pm.npmPackage)
    notes.push(
      `${manager} is installed with \`npm install --global${pm.npmPackage.includes('yarn') ? ' --force' : ''} ${pm.npmPackage}@${ctx.pmVersion}\`, version ${version}; no corepack (gone from Node 25, fails signature checks behind re-signing proxies)${pm.npmPackage.includes('yarn') ? '; --force replaces the yarn 1 links upstream node images carry' : ''}.`,
    );
  const slice = ctx.workspaces.length > 0 ? ctx.workspaces.join(', ') : 'the root (no workspaces)';
  if (pm.prune)
    notes.push(
      `The lockfile is pruned by ${pm.prune.script ? 'the embedded script' : `\`${pm.prune.command.filter((word) => !word.includes('=') && word !== 'env').join(' ')}\``} to ${slice}, and the frozen install (\`${pm.install.join(' ')}\`) proves the slice; ${toRerunNote(ctx)}`,
    );
  else
    notes.push(
      `Not pruned: ${pm.notPrunedBecause}. Only this project's workspace manifests enter, but any change to ${ctx.lockfile} re-runs the install.`,
    );
  const rootScripts = profile.rootLifecycleScripts ?? [];
  if (profile.patchPackage && !profile.runtimeManifest) {
    notes.push(
      `Root lifecycle scripts (${rootScripts.join(', ')}) run patch-package, so the production install runs them: patch-package must be in "dependencies" (not devDependencies) for the patches to apply there.`,
    );
  } else if (rootScripts.length > 0 && !profile.runtimeManifest) {
    notes.push(
      pm.prodInstallWithoutRootScripts
        ? `Root lifecycle scripts (${rootScripts.join(', ')}) are dev hooks: the production install skips them (--ignore-scripts) and rebuilds the dependencies, whose own install scripts still run.`
        : `Root lifecycle scripts (${rootScripts.join(', ')}): ${pm.rootScriptsNote}.`,
    );
  }
  if (ctx.installInputs.length > 0)
    notes.push(`Install inputs entering with the manifests: ${ctx.installInputs.join(', ')}.`);
  if (profile.runtimeManifest)
    notes.push(
      `Runtime dependencies: ${profile.projectRoot}/Dockerfile.package.json and Dockerfile.${ctx.lockfile}, written by Nx's createPackageJson/createLockFile from the project graph's npm: nodes reachable from ${profile.project} and its libraries (regenerate with nx sync).`,
    );
  if (profile.style === 'package' && profile.hasProdDependencies)
    notes.push(
      'Runtime layout mirrors the workspace under /app: production node_modules where the package manager put them, workspace libraries at their own paths.',
    );
  return notes;
}

/** One line per decision and the file (or option) it came from; rendered as the header. */
export function planNodeNotes(ctx: NodeContext): string[] {
  return [...planDetectionNotes(ctx), ...planFrameworkNotes(ctx), ...planDecisionNotes(ctx)];
}
