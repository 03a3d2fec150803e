import { joinPath } from '../../detect/join-path';
import { planHealth } from '../../plan/health';
import { planAllowList } from '../../plan/allow-list';
import { mergeSystemPackages, planAptInstall } from '../../plan/system-packages';
import versions from '../../versions.json';
import type { BuildPlan, ImageRef, Mount, PythonProfile, RuntimeBase, Stage, Step } from '../../types';
import { parseImageRef } from '../../plan/image-ref';
import { pythonTools, VENV, type PythonToolRecipe } from './python-tools';
import { planManifestCopies, planSourceCopies, toWorkspaceDest } from './python-copies';
import { OVERLAY, planOverlayInstall, planVenvCopies } from './venv-layers';
import {
  planCreateUserStep,
  planServiceBake,
  planServiceLabels,
  SERVICE_UID,
  SYSTEM_CA_SECRET,
} from '../../plan/service-parts';

interface PythonContext {
  profile: PythonProfile;
  /** The runtime base (profile.settings). */
  runtime: RuntimeBase;
  tool: PythonToolRecipe;
  distroless: boolean;
  buildImage: ImageRef;
  runtimeImage: ImageRef;
  uvImage: ImageRef;
  uid: number;
  port?: number;
}

/**
 * Slim: build and run on `python:<minor>-slim-bookworm` (same interpreter path, so the venv moves).
 * Distroless: its python3 is Debian's /usr/bin/python3, so the venv is built on debian:bookworm-slim
 * with Debian's python3-venv (Debian 12 ships 3.11 only: pythonVersion cannot change it).
 */
function toPythonContext(profile: PythonProfile): PythonContext {
  const runtime = profile.settings.runtime.value;
  const distroless = runtime === 'distroless';
  const minor = profile.pythonVersion.value;
  const slim = parseImageRef(versions.python.images.slim.replace('{minor}', minor));
  return {
    profile,
    runtime,
    tool: pythonTools[profile.packageManager.value],
    distroless,
    buildImage: distroless ? parseImageRef(versions.python.images.distrolessBuild) : slim,
    runtimeImage: distroless ? parseImageRef(versions.python.images.distroless) : slim,
    uvImage: parseImageRef(versions.python.images.uv.replace('{version}', versions.python.uv)),
    uid: distroless ? versions.distroless.nonrootUid : SERVICE_UID,
    port: profile.port?.value,
  };
}

function planBaseStages(ctx: PythonContext): Stage[] {
  const uv = ctx.profile.packageManager.value === 'uv';
  const python = ctx.distroless ? '/usr/bin/python3' : `python${ctx.profile.pythonVersion.value}`;
  const steps: Step[] = [];
  const native = mergeSystemPackages(ctx.profile.systemPackages ?? []);
  if (ctx.distroless) {
    // Debian's python3 has no headers unless python3-dev is installed (python:slim ships them).
    const headers = native.build.length > 0 ? ['python3-dev'] : [];
    steps.push(
      ...planAptInstall(
        ['ca-certificates', 'python3-venv', ...headers, ...native.build],
        "Debian's python3 (the interpreter distroless runs), kept apt caches so a rebuild downloads nothing.",
      ),
    );
  } else {
    steps.push(
      ...planAptInstall(
        native.build,
        `Build headers and tools for ${native.reasons.map((reason) => reason.split(' ')[0]).join(', ')} (built from source; see the header).`,
      ),
    );
  }
  steps.push(
    { kind: 'workdir', path: '/app' },
    { kind: 'env', vars: { ...ctx.tool.env, ...(uv ? { UV_PYTHON: python } : {}) } },
  );
  if (uv) steps.push({ kind: 'copy', role: 'tool', from: 'uv', sources: ['/uv', '/uvx'], dest: '/bin/' });
  for (const argv of ctx.tool.setup) {
    const command = argv
      .map((arg) => arg.replace('{poetry}', versions.python.poetry))
      .map((arg) => (ctx.distroless && arg === 'python' ? 'python3' : arg));
    steps.push({ kind: 'run', role: 'setup', command, mounts: [] });
  }
  const base: Stage = { name: 'base', role: 'base', from: ctx.buildImage, steps };
  // uv's image is FROM scratch with /uv and /uvx; a named stage keeps every COPY --from on a stage.
  return uv ? [{ name: 'uv', role: 'base', from: ctx.uvImage, steps: [] }, base] : [base];
}

function planDepsStage(ctx: PythonContext): Stage {
  const { profile } = ctx;
  const cache: Mount = { type: 'cache', target: ctx.tool.cacheDir, sharing: 'locked' };
  const facts = {
    lockfile: profile.manifests[0],
    hashes: profile.hashes,
    workspacePackage: profile.uvWorkspace?.package,
    localPaths: (profile.uvWorkspace?.paths.length ?? 0) > 0,
  };
  return {
    name: 'deps',
    role: 'deps',
    // --no-dev, --only main, or a requirements file: the runtime copies this venv as it is.
    productionOnly: true,
    from: { stage: 'base' },
    steps: [
      ...planManifestCopies(profile),
      {
        kind: 'run',
        role: 'install',
        locked: true,
        command: ctx.tool.installDeps(facts),
        mounts: [cache, SYSTEM_CA_SECRET],
        // The venv is in the layer (a registry cache carries it); only the download cache is a mount.
        layers: [VENV],
      },
    ],
  };
}

/** A packaged project is installed into the venv as a wheel, so the venv is all it needs (Poetry installs it editable). */
function shipsSources(profile: PythonProfile): boolean {
  return !profile.packaged || profile.packageManager.value === 'poetry';
}

/** A packaged project, or a uv project (whose `uv sync` after the sources is harmless when it is not a package). */
function installsProject(ctx: PythonContext): boolean {
  return ctx.tool.installProject !== undefined && (ctx.profile.packaged || ctx.profile.packageManager.value === 'uv');
}

/** Sources after the dependencies; the project itself into the venv (its files to /overlay); the app's bytecode compiled now. */
function planBuildStage(ctx: PythonContext): Stage {
  const { profile } = ctx;
  const cache: Mount = { type: 'cache', target: ctx.tool.cacheDir, sharing: 'locked' };
  const steps: Step[] = planSourceCopies(profile);
  if (installsProject(ctx))
    steps.push(
      planOverlayInstall(ctx.tool.installProject!({ workspacePackage: profile.uvWorkspace?.package }), [
        cache,
        SYSTEM_CA_SECRET,
      ]),
    );
  if (!shipsSources(profile)) return { name: 'build', role: 'build', from: { stage: 'deps' }, steps };
  const python = ctx.distroless ? 'python3' : 'python';
  steps.push({
    kind: 'run',
    role: 'build',
    comment:
      'Bytecode at build time (the runtime user cannot write __pycache__); unchecked-hash stays valid whatever the file times.',
    command: [python, '-m', 'compileall', '-q', '--invalidation-mode', 'unchecked-hash', '/app'],
    mounts: [],
  });
  return { name: 'build', role: 'build', from: { stage: 'deps' }, steps };
}

/** The venv's python probes (no curl in slim or distroless): the detected route, else a TCP connect. */
function planPythonHealth(ctx: PythonContext) {
  return planHealth(ctx.profile.health, ctx.port, { kind: 'python', binary: `${VENV}/bin/python` });
}

function planHealthcheck(ctx: PythonContext): Step[] {
  if (ctx.port === undefined) return [];
  return [{ kind: 'expose', port: ctx.port }, ...planPythonHealth(ctx).steps];
}

/** /app, or the member's directory under it when a non-packaged uv workspace member's files ship. */
function toRuntimeWorkdir(profile: PythonProfile): string {
  const workspace = profile.uvWorkspace;
  if (!workspace || !shipsSources(profile)) return '/app';
  const dest = toWorkspaceDest(workspace.root, profile.projectRoot);
  return dest === './' ? '/app' : `/app/${dest.slice(0, -1)}`;
}

/** The venv (the deps layer, then the project install's overlay) and the app's files; nothing else. */
function planRuntimeStage(ctx: PythonContext): Stage {
  const argv = ctx.profile.entrypoint.value;
  // distroless: its ENTRYPOINT is the bare interpreter, so ours names the venv's program in full.
  const start: Step = ctx.distroless
    ? { kind: 'entrypoint', argv: [`${VENV}/bin/${argv[0] === 'python' ? 'python' : argv[0]}`, ...argv.slice(1)] }
    : { kind: 'cmd', argv };
  return {
    name: 'runtime',
    role: 'runtime',
    from: ctx.runtimeImage,
    steps: [
      ...planAptInstall(
        mergeSystemPackages(ctx.profile.systemPackages ?? []).runtime,
        'Shared libraries the natively built packages load at run time (see the header).',
      ),
      ...(ctx.distroless ? [] : [planCreateUserStep(ctx.uid)]),
      { kind: 'workdir', path: toRuntimeWorkdir(ctx.profile) },
      {
        kind: 'env',
        vars: { VIRTUAL_ENV: VENV, PATH: `${VENV}/bin:$PATH`, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' },
      },
      ...planVenvCopies(installsProject(ctx)),
      ...(shipsSources(ctx.profile)
        ? // Not --link, as the venv overlay (planVenvCopies): it changes with every source edit.
          [{ kind: 'copy', role: 'artifact', from: 'build', sources: ['/app/'], dest: './' } as Step]
        : []),
      { kind: 'user', uid: ctx.uid, gid: ctx.uid },
      ...planHealthcheck(ctx),
      planServiceLabels(ctx.profile.project, ctx.profile.projectRoot),
      start,
    ],
  };
}

function planIgnore(profile: PythonProfile): string[] {
  const workspace = profile.uvWorkspace;
  const rootFiles = workspace
    ? [
        joinPath(workspace.root, 'uv.lock'),
        joinPath(workspace.root, 'pyproject.toml'),
        ...workspace.members
          .filter((dir) => !workspace.needed.includes(dir) && dir !== workspace.root)
          .map((dir) => joinPath(dir, 'pyproject.toml')),
      ]
    : [];
  return planAllowList({
    ...profile,
    rootFiles,
    closure: workspace ? workspace.needed : [],
    excludeEverywhere: ['.venv', '__pycache__', '*.py[cod]', '.pytest_cache', '.mypy_cache', '.ruff_cache'],
  });
}

function planWorkspaceNotes(profile: PythonProfile): string[] {
  const workspace = profile.uvWorkspace;
  const outside = profile.closure.filter((root) => !workspace?.needed.includes(root));
  const notes: string[] = [];
  if (workspace) {
    notes.push(
      `uv workspace ${joinPath(workspace.root, 'pyproject.toml')} (${workspace.members.length} members): the root uv.lock and every member's pyproject.toml are copied before the install (uv checks the whole lock with --locked: a manifest change in any member re-runs it); \`uv sync --package ${workspace.package}\` installs only this member's closure, third-party packages first (--no-install-workspace), then ${workspace.needed.join(', ')} from their sources.`,
    );
  }
  if (outside.length > 0)
    notes.push(
      `Nx dependencies ${outside.join(', ')} are not copied: ${workspace ? 'the member does not depend on them (workspace or path sources)' : 'Python path dependencies outside a uv workspace are not supported yet'}.`,
    );
  return notes;
}

function planSystemNotes(profile: PythonProfile): string[] {
  if (!profile.systemPackages?.length) return [];
  const native = mergeSystemPackages(profile.systemPackages);
  return [
    ...native.reasons.map((reason) => `${reason}.`),
    `System packages: build stage ${native.build.join(' ')}; runtime ${native.runtime.join(' ') || 'none'} (apt, caches mounted with sharing=locked).`,
  ];
}

function planNotes(ctx: PythonContext): string[] {
  const { profile } = ctx;
  const pm = profile.packageManager;
  const image = (ref: ImageRef) => (ref.tag ? `${ref.image}:${ref.tag}` : ref.image);
  return [
    `Project ${profile.project} at ${profile.projectRoot}, Python${profile.packaged ? ' (a package: installed into the venv)' : ' (not a package: its files are copied to /app)'}.`,
    `Package manager ${pm.value} (from ${pm.source})${pm.value === 'uv' ? `, uv ${versions.python.uv} from ${image(ctx.uvImage)}` : pm.value === 'poetry' ? `, Poetry ${versions.python.poetry} (versions.json)` : profile.hashes ? ', every requirement hashed: --require-hashes' : ', pinned without hashes: --no-deps, then pip check'}.`,
    `Python ${profile.pythonVersion.value} (from ${profile.pythonVersion.source})${ctx.distroless ? `; distroless runs Debian 12's Python 3.11 whatever the project asks` : ''}.`,
    `Entrypoint \`${profile.entrypoint.value.join(' ')}\` (from ${profile.entrypoint.source}).`,
    // The port option's source reads "the port option" (detect-env-port.ts).
    profile.port
      ? `Port ${profile.port.value} (from ${profile.port.source}).`
      : 'No port detected: no EXPOSE and no HEALTHCHECK.',
    ...[planPythonHealth(ctx).note ?? []].flat(),
    `Runtime base ${ctx.distroless ? 'distroless' : 'slim'}: ${image(ctx.runtimeImage)} (versions.json); user ${ctx.uid}.`,
    `Dependencies install into ${VENV} from the lockfile alone; the sources come after, so a source edit keeps that layer cached.`,
    installsProject(ctx)
      ? `The runtime copies that venv from deps as its own layer, then only what the project install added or changed (${OVERLAY}): an edit re-copies and re-exports the project, not the venv.`
      : 'The runtime copies that venv from deps as it is (the build adds nothing to it): an edit re-copies only the app files.',
    'The optional ca-certificates build secret replaces the system CA bundle during installs (uv: UV_SYSTEM_CERTS, pip: PIP_CERT, Poetry: REQUESTS_CA_BUNDLE).',
    ...planWorkspaceNotes(profile),
    ...planSystemNotes(profile),
    ...(ctx.runtime === 'alpine'
      ? ['Alpine is not offered for Python: the slim runtime is used (musl breaks most binary wheels).']
      : []),
  ];
}

/** Python services: uv (uv image) → base → deps (lockfile only) → build (sources) → runtime (venv + app). */
export function planPythonRecipe(profile: PythonProfile): BuildPlan {
  const ctx = toPythonContext(profile);
  const runtimeLibraries = mergeSystemPackages(profile.systemPackages ?? []).runtime;
  if (ctx.distroless && runtimeLibraries.length > 0) {
    throw new Error(
      `nx-dockerize: project "${profile.project}": ${profile.packageManager.source}: ${profile.systemPackages!.map((need) => need.reason).join('; ')}; distroless has no package manager to add ${runtimeLibraries.join(', ')}. Fix: use --runtime slim, or the pure alternative named above.`,
    );
  }
  return {
    project: profile.project,
    projectRoot: profile.projectRoot,
    stages: [...planBaseStages(ctx), planDepsStage(ctx), planBuildStage(ctx), planRuntimeStage(ctx)],
    ignore: planIgnore(profile),
    bake: planServiceBake(profile.project, profile.projectRoot),
    notes: planNotes(ctx),
    files: [],
  };
}
