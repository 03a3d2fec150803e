import { posix } from 'node:path';
import { toServiceSettings } from '../../detect/service-settings';
import versions from '../../versions.json';
import type { FsView } from '../../fs-view';
import type { RustProfile, Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import { detectClosure } from '../../detect/detect-closure';
import type { NodeProjectInput } from '../../detect/detect-input';
import { detectServiceSource } from '../../detect/detect-service-source';
import { isUnderDir, joinPath } from '../../detect/join-path';
import { findCargoWorkspace, loadCargoToml, type CargoWorkspace } from './find-cargo-workspace';
import type { CargoToml } from './read-cargo-toml';
import { detectRustSystemLibraries } from './system-libraries';

type Crate = RustProfile['crates'][number];
interface Bin {
  name: string;
  package: string;
  /** Workspace-relative source file of the binary. */
  file: string;
}

/** `channel = "1.95.0"` (rust-toolchain.toml) or a bare `1.95` (rust-toolchain) → `1.95`. */
const CHANNEL = /^(?:\s*channel\s*=\s*")?(\d+\.\d+)(?:\.\d+)?"?\s*$/m;

function detectRustVersion(fs: FsView, root: string): Sourced<string> {
  for (const file of [
    joinPath(root, 'rust-toolchain.toml'),
    joinPath(root, 'rust-toolchain'),
    'rust-toolchain.toml',
    'rust-toolchain',
  ]) {
    const match = CHANNEL.exec(fs.read(file) ?? '');
    if (match) return { value: match[1], source: `${file} channel` };
  }
  // rust-version in Cargo.toml is a minimum (MSRV), not the toolchain to build with.
  return { value: versions.rust.defaultMinor, source: 'default (versions.json rust.defaultMinor)' };
}

/** One package: the target files cargo needs to parse its manifest, and its binaries. `dir` is workspace-relative. */
function readCrate(
  fs: FsView,
  projectName: string,
  dir: string,
  toml: CargoToml,
  cargoRoot: string,
): { crate: Crate; bins: Bin[] } {
  const manifest = joinPath(dir, 'Cargo.toml');
  if (!toml.packageName) {
    throw createDetectError({
      project: projectName,
      file: manifest,
      problem: 'no [package] name',
      fix: 'give the crate a [package] table with a name, or list it as a workspace member only if it is a package',
    });
  }
  const name = toml.packageName;
  const at = (file: string) => joinPath(dir, file);
  const bins: Bin[] = toml.bins.map((bin) => {
    const binName = bin.name ?? name;
    return {
      name: binName,
      package: name,
      file: at(
        bin.path ?? (binName === name && fs.exists(at('src/main.rs')) ? 'src/main.rs' : `src/bin/${binName}.rs`),
      ),
    };
  });
  if (fs.exists(at('src/main.rs')) && !bins.some((bin) => bin.file === at('src/main.rs')))
    bins.push({ name, package: name, file: at('src/main.rs') });
  for (const file of fs.list(at('src/bin')).filter((entry) => entry.endsWith('.rs'))) {
    if (!bins.some((bin) => bin.file === at(`src/bin/${file}`)))
      bins.push({ name: file.slice(0, -3), package: name, file: at(`src/bin/${file}`) });
  }
  const lib = toml.libPath ?? (fs.exists(at('src/lib.rs')) ? 'src/lib.rs' : undefined);
  const prefix = dir === '.' ? '' : `${dir}/`;
  const binFiles = [...new Set(bins.map((bin) => bin.file.slice(prefix.length)))].sort();
  // Targets cargo checks for on load: a declared build script; examples, tests, benches by path or name.
  const others = [
    ...(toml.build ? [toml.build] : []),
    ...toml.otherTargets.map(
      (target) =>
        target.path ?? `${{ example: 'examples', test: 'tests', bench: 'benches' }[target.kind]}/${target.name}.rs`,
    ),
  ];
  const crate: Crate = {
    dir: posix.relative(cargoRoot, dir) || '.',
    name,
    ...(lib && { lib }),
    bins: binFiles,
    ...(others.length > 0 && { others: [...new Set(others)].sort() }),
  };
  return { crate, bins };
}

/** Path dependencies of a crate, resolved to workspace-relative dirs (inherited ones from [workspace.dependencies]). */
function listPathDependencies(
  toml: CargoToml,
  dir: string,
  root: CargoToml,
  cargoRoot: string,
  kinds: string[],
): string[] {
  return toml.dependencies
    .filter((dep) => kinds.includes(dep.kind))
    .flatMap((dep) => {
      if (dep.path !== undefined) return [joinPath(dir, dep.path)];
      const inherited = dep.inherited ? root.workspaceTable?.dependencies[dep.name]?.path : undefined;
      return inherited !== undefined ? [joinPath(cargoRoot, inherited)] : [];
    });
}

/** Every crate cargo loads: the members, then path dependencies outside the workspace (transitively). */
export function loadCrates(
  fs: FsView,
  project: string,
  workspace: CargoWorkspace,
  root: CargoToml,
): Map<string, CargoToml> {
  const crates = new Map<string, CargoToml>();
  const queue = [...workspace.members];
  for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
    if (crates.has(dir)) continue;
    const toml = dir === workspace.root ? root : loadCargoToml(fs, project, joinPath(dir, 'Cargo.toml'));
    crates.set(dir, toml);
    queue.push(...listPathDependencies(toml, dir, root, workspace.root, ['normal', 'dev', 'build']));
  }
  return crates;
}

/** The crates the binary's package needs sources of: its path dependencies (normal, build), transitively. */
export function listSourceDirs(
  start: string,
  crates: Map<string, CargoToml>,
  root: CargoToml,
  cargoRoot: string,
): string[] {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
    for (const dep of listPathDependencies(crates.get(dir)!, dir, root, cargoRoot, ['normal', 'build'])) {
      if (seen.has(dep) || !crates.has(dep)) continue;
      seen.add(dep);
      queue.push(dep);
    }
  }
  return [...seen].sort();
}

function selectBin(
  projectName: string,
  manifest: string,
  bins: Bin[],
  option?: string,
): Sourced<{ name: string; package: string }> {
  if (option) {
    const bin = bins.find((candidate) => candidate.name === option);
    if (!bin)
      throw createDetectError({
        project: projectName,
        file: manifest,
        problem: `no binary named ${option} (binaries: ${bins.map((b) => b.name).join(', ') || 'none'})`,
        fix: 'pass --bin with one of the binaries listed',
      });
    return { value: { name: bin.name, package: bin.package }, source: 'options.bin' };
  }
  if (bins.length === 1)
    return { value: { name: bins[0].name, package: bins[0].package }, source: `${bins[0].file}: the only binary` };
  throw createDetectError({
    project: projectName,
    file: manifest,
    problem:
      bins.length === 0
        ? 'no binary target (src/main.rs, src/bin/*.rs or [[bin]])'
        : `several binaries (${bins.map((b) => b.name).join(', ')})`,
    fix: 'pass --bin=<name> to say which one the image runs',
  });
}

/**
 * A Cargo package or workspace at the project root. Reads only through `input.fs`.
 * Throws an Error naming the project, the file and the fix when it cannot decide.
 */
function readSystemLibraries(project: string, fs: FsView, lockfile: string, pkg: string, devOnly: string[]) {
  try {
    return detectRustSystemLibraries(fs.read(lockfile) ?? '', lockfile, pkg, devOnly);
  } catch (error) {
    throw createDetectError({
      project,
      file: lockfile,
      problem: `is not valid TOML (${(error as Error).message.split('\n')[0]})`,
      fix: 'regenerate it with `cargo generate-lockfile`',
    });
  }
}

/** Packages the binary's crate uses only as dev-dependencies: the image never links them. */
function listDevOnlyPackages(crate: { dependencies: { kind: string; name: string; package: string }[] }): string[] {
  const { dependencies } = crate;
  return dependencies
    .filter(
      (dep) => dep.kind === 'dev' && !dependencies.some((other) => other.kind !== 'dev' && other.name === dep.name),
    )
    .map((dep) => dep.package);
}

export function detectRustProject(input: NodeProjectInput): RustProfile {
  const { fs, project, graph, options = {} } = input;
  const root = joinPath(project.root);
  const manifest = joinPath(root, 'Cargo.toml');
  const toml = loadCargoToml(fs, project.name, manifest);
  if (!toml.packageName && !toml.workspaceTable) {
    throw createDetectError({
      project: project.name,
      file: manifest,
      problem: 'neither a [package] with a name nor a [workspace]',
      fix: 'give the crate a [package] table with a name (`cargo init` writes one)',
    });
  }
  const workspace = findCargoWorkspace(fs, project.name, root, toml);
  const rootToml =
    workspace.root === root ? toml : loadCargoToml(fs, project.name, joinPath(workspace.root, 'Cargo.toml'));
  const loaded = loadCrates(fs, project.name, workspace, rootToml);
  // A virtual workspace root has no package: it is read, not built.
  const read = [...loaded]
    .filter(([dir, crate]) => !(dir === workspace.root && !crate.packageName))
    .map(([dir, crate]) => ({ dir, ...readCrate(fs, project.name, dir, crate, workspace.root) }));
  const lockfile = joinPath(workspace.root, 'Cargo.lock');
  if (!fs.exists(lockfile)) {
    throw createDetectError({
      project: project.name,
      file: lockfile,
      problem: 'missing: the image builds with `cargo build --locked`',
      fix: `run \`cargo generate-lockfile\` in ${workspace.root} and commit Cargo.lock`,
    });
  }
  // The project is the workspace (or a lone package): any of its binaries; one member: its own.
  const candidates = workspace.root === root ? read : read.filter((crate) => crate.dir === root);
  const bins = candidates.flatMap((crate) => crate.bins);
  const bin = selectBin(project.name, manifest, bins, options.bin);
  const binFile = bins.find((candidate) => candidate.name === bin.value.name)?.file;
  const binDir = read.find((crate) => crate.crate.name === bin.value.package)!.dir;
  const source = detectServiceSource(fs, binFile, options.port);
  const devOnly = listDevOnlyPackages(loaded.get(binDir)!);
  return {
    language: 'rust',
    project: project.name,
    projectRoot: root,
    settings: toServiceSettings(options),
    rustVersion: detectRustVersion(fs, root),
    lockfile,
    workspaceRoot: workspace.root,
    crates: read.map((crate) => crate.crate).sort((a, b) => a.dir.localeCompare(b.dir)),
    sourceDirs: listSourceDirs(binDir, loaded, rootToml, workspace.root).filter((dir) => !isUnderDir(dir, root)),
    systemLibraries: readSystemLibraries(project.name, fs, lockfile, bin.value.package, devOnly),
    bin,
    ...(source.port && { port: source.port }),
    ...(source.healthcheckFlag && { healthcheckFlag: source.healthcheckFlag }),
    closure: detectClosure(graph, project.name),
  };
}
