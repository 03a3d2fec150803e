import type { BuildMode, ImageRef, NodeProfile, RuntimeBase } from '../../types';
import { toBakeTargetName } from '../../bake/to-image-names';
import versions from '../../versions.json';
import { resolveNodeImage } from './resolve-node-image';
import { nodePackageManagers, type PackageManagerRecipe } from './node-package-managers';

/** Facts derived once from a profile (options included: profile.settings), shared by the Node recipe's parts. */
export interface NodeContext {
  profile: NodeProfile;
  /** The runtime base and build mode (profile.settings). */
  runtime: RuntimeBase;
  buildMode: BuildMode;
  major: string;
  pm: PackageManagerRecipe;
  lockfile: string;
  /** Workspace roots whose package.json goes in with the lockfile (project first when package-style). */
  workspaces: string[];
  /** Root install inputs present (config, release, plugins, patches), files and folders. */
  installInputs: string[];
  /** The package-manager version the image installs: pinned by the workspace, else versions.json's default. */
  pmVersion: string;
  /** A build stage exists: the project's build or its libraries' builds run in the image. */
  hasBuildStage: boolean;
  /** Where the artifact lands, workspace-relative. */
  outputPath: string;
  port?: number;
  toolImage: ImageRef;
  runtimeImage: ImageRef;
  targetName: string;
}

const DEFAULT_PM_VERSIONS: Record<string, string | undefined> = versions.node.packageManagers;

/**
 * Native modules are built in the Debian (glibc) install stages; copied into Alpine (musl) they
 * fail to load ("Error relocating … symbol not found"), so Alpine is refused unless asked for.
 */
function assertRuntimeFits(profile: NodeProfile): void {
  const native = (profile.nativeModules ?? []).filter((module) => module.runtime);
  if (profile.settings.runtime.value !== 'alpine' || native.length === 0 || profile.settings.nativeOnAlpine) return;
  throw new Error(
    `nx-dockerize: project "${profile.project}": ${profile.lockfile ?? 'package.json'}: native modules ${native.map((module) => module.name).join(', ')} are built against glibc in the Debian build stages and fail to load on Alpine's musl runtime. Fix: use --runtime=slim or --runtime=distroless, or pass --nativeOnAlpine to accept the risk.`,
  );
}

export function toNodeContext(profile: NodeProfile): NodeContext {
  assertRuntimeFits(profile);
  // detectNodeVersion resolved the option, engines, .nvmrc or a range to a major.
  const major = profile.nodeVersion.value;
  const { runtime, buildMode } = {
    runtime: profile.settings.runtime.value,
    buildMode: profile.settings.buildMode.value,
  };
  const pm = nodePackageManagers[profile.packageManager.value];
  // A root project's manifest is the root package.json itself: it is no workspace of its own.
  const own = profile.style === 'package' && profile.projectRoot !== '.' ? [profile.projectRoot] : [];
  const closure = (profile.workspaceManifests ?? []).filter((root) => root !== profile.projectRoot).sort();
  return {
    profile,
    runtime,
    buildMode,
    major,
    pm,
    lockfile: profile.lockfile ?? pm.lockfile,
    workspaces: [...own, ...closure],
    installInputs: profile.installInputs ?? [],
    pmVersion: profile.packageManagerVersion?.value ?? DEFAULT_PM_VERSIONS[profile.packageManager.value] ?? '',
    hasBuildStage: buildMode === 'docker' && (profile.build !== undefined || (profile.libraryBuilds ?? []).length > 0),
    outputPath: (profile.build?.value.outputPath ?? profile.projectRoot).replace(/\/+$/, ''),
    port: profile.port?.value,
    toolImage: resolveNodeImage('slim', major),
    runtimeImage: resolveNodeImage(runtime, major),
    targetName: toBakeTargetName(profile.project),
  };
}
