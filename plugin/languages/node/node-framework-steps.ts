import type { Mount, Step } from '../../types';
import { joinPath } from '../../detect/join-path';
import { mergeSystemPackages, planAptInstall, type SystemPackages } from '../../plan/system-packages';
import { toNativeSystemPackages } from './detect-native-modules';
import type { NodeContext } from './node-context';

/**
 * The hooks frameworks and native modules add to the Node recipe, each a list of steps the
 * recipe's stages splice in (empty when nothing was detected, so plain services render unchanged).
 */

/** Nx runs in the image without its daemon and without Nx Cloud (no token, no network beyond npm). */
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

/** Build and runtime system packages from native modules and frameworks. */
export function toNodeSystemPackages(ctx: NodeContext): ReturnType<typeof mergeSystemPackages> {
  const native = toNativeSystemPackages(ctx.profile.nativeModules ?? []);
  const fromFrameworks = (ctx.profile.frameworks ?? [])
    .map((facts) => facts.systemPackages)
    .filter((needs): needs is SystemPackages => needs !== undefined);
  return mergeSystemPackages([...(native ? [native] : []), ...fromFrameworks]);
}

/** Base stage (install and build, never the runtime): the toolchain native modules compile with. */
export function planBaseSystemSteps(ctx: NodeContext): Step[] {
  const { build, reasons } = toNodeSystemPackages(ctx);
  const compiles = (ctx.profile.nativeModules ?? []).some((module) => module.compiles);
  // node-gyp downloads Node's headers from nodejs.org unless told where they are; Node's images
  // ship them in /usr/local/include/node, so compiling needs no network beyond the registry.
  const nodedir: Step[] = compiles ? [{ kind: 'env', vars: { npm_config_nodedir: '/usr/local' } }] : [];
  return [
    ...planAptInstall(build, build.length > 0 ? `Build stages only: ${reasons.join('; ')}.` : undefined),
    ...nodedir,
  ];
}

/** Build stage, before the build command: Nx's and the frameworks' env, then `prisma generate` and the like. */
export function planFrameworkBuildSteps(ctx: NodeContext): Step[] {
  const frameworks = ctx.profile.frameworks ?? [];
  const env = {
    ...(ctx.profile.build?.value.runsNx && NX_ENV),
    ...Object.assign({}, ...frameworks.map((facts) => facts.buildEnv ?? {})),
  };
  const preBuild = frameworks.flatMap((facts) => facts.preBuild ?? []);
  return [
    ...(Object.keys(env).length > 0 ? [{ kind: 'env', vars: env } as Step] : []),
    ...preBuild.map((command): Step => ({
      kind: 'run',
      role: 'build',
      command: ['/bin/sh', '-c', command],
      mounts: [],
    })),
  ];
}

/** Cache mounts for the build command (Next's `.next/cache`), under the build stage's /workspace. */
export function planFrameworkBuildMounts(ctx: NodeContext): Mount[] {
  return (ctx.profile.frameworks ?? [])
    .flatMap((facts) => facts.buildCaches ?? [])
    .map((dir): Mount => ({ type: 'cache', target: `/workspace/${dir}` }));
}

/**
 * Runtime stage, first (as root, before any copy, so artifact changes keep it cached): shared
 * libraries. Slim only: distroless has no apt, and its base already carries OpenSSL and libstdc++.
 */
export function planRuntimeSystemSteps(ctx: NodeContext): Step[] {
  const { runtime, reasons } = toNodeSystemPackages(ctx);
  if (ctx.runtime !== 'slim') return [];
  return planAptInstall(runtime, runtime.length > 0 ? `Runtime libraries: ${reasons.join('; ')}.` : undefined);
}

/** Runtime stage, after the artifact: the frameworks' extra copies (Next's static files) and env. */
export function planFrameworkRuntimeSteps(ctx: NodeContext): Step[] {
  const frameworks = ctx.profile.frameworks ?? [];
  const fromBuild = ctx.hasBuildStage;
  const copies = frameworks
    .flatMap((facts) => facts.runtimeCopies ?? [])
    .map((copy): Step => ({
      kind: 'copy',
      role: 'artifact',
      ...(fromBuild && { from: 'build' }),
      sources: [fromBuild ? `/workspace/${copy.from}` : copy.from],
      // Relative to the artifact, which the runtime keeps at its workspace path under /app.
      dest: `./${joinPath(ctx.outputPath, copy.to)}`,
      // --link from the context only, as planTreeCopy (node-runtime-stage.ts) says why.
      ...(!fromBuild && { link: true }),
    }));
  const portEnv = frameworks.find((facts) => facts.portEnv)?.portEnv;
  const env = {
    ...Object.assign({}, ...frameworks.map((facts) => facts.runtimeEnv ?? {})),
    ...(portEnv && ctx.port !== undefined && { [portEnv]: String(ctx.port) }),
  };
  return [...copies, ...(Object.keys(env).length > 0 ? [{ kind: 'env', vars: env } as Step] : [])];
}

/** Header lines: each framework and where it was found, its decisions, native modules. */
export function planFrameworkNotes(ctx: NodeContext): string[] {
  const frameworks = ctx.profile.frameworks ?? [];
  const native = (ctx.profile.nativeModules ?? []).filter((module) => module.runtime || module.compiles);
  const { runtime } = toNodeSystemPackages(ctx);
  return [
    ...frameworks.map((facts) => `Framework ${facts.name}: ${facts.evidence}.`),
    ...frameworks.flatMap((facts) => facts.notes ?? []),
    ...(ctx.profile.build?.value.runsNx
      ? [
          "The build runs through Nx in the image (NX_DAEMON=false, NX_NO_CLOUD=true) with nx.json and the closure's project files, so executors and Nx's bundler plugins see the project graph and the target's options and args.",
        ]
      : []),
    ...(native.length > 0
      ? [
          `Native modules: ${native.map((module) => `${module.name} (${module.compiles ? 'compiles from source' : 'prebuilt, glibc'}; from ${module.source})`).join(', ')}.`,
        ]
      : []),
    ...(runtime.length > 0 && ctx.runtime === 'distroless'
      ? [
          `Runtime libraries ${runtime.join(', ')} are not installed: distroless has no apt, and its base already carries OpenSSL and libstdc++.`,
        ]
      : []),
  ];
}

/** Ignore-file additions: frameworks' local build folders, Nx's config when Nx runs the build. */
export function planFrameworkIgnore(ctx: NodeContext): { allow: string[]; exclude: string[] } {
  return {
    allow: ctx.profile.build?.value.runsNx ? ['nx.json'] : [],
    exclude: (ctx.profile.frameworks ?? []).flatMap((facts) => facts.ignore ?? []),
  };
}
