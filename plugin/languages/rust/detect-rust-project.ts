import { parse } from 'smol-toml';
import versions from '../../versions.json';
import type { FsView } from '../../fs-view';
import type { RustProfile, Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import { detectClosure } from '../../detect/detect-closure';
import type { NodeProjectInput } from '../../detect/detect-input';
import { detectServiceSource } from '../../detect/detect-service-source';
import { joinPath } from '../../detect/join-path';
import { readCargoToml } from './read-cargo-toml';

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
  for (const file of [joinPath(root, 'rust-toolchain.toml'), joinPath(root, 'rust-toolchain'), 'rust-toolchain.toml', 'rust-toolchain']) {
    const match = CHANNEL.exec(fs.read(file) ?? '');
    if (match) return { value: match[1], source: `${file} channel` };
  }
  // rust-version in Cargo.toml is a minimum (MSRV), not the toolchain to build with.
  return { value: versions.rust.defaultMinor, source: 'default (versions.json rust.defaultMinor)' };
}

/** `crates/*` style members expand to the directories that hold a Cargo.toml. */
function expandMembers(fs: FsView, root: string, members: string[]): string[] {
  return members.flatMap((member) => {
    if (!member.endsWith('/*')) return [member];
    const parent = member.slice(0, -2);
    return fs.list(joinPath(root, parent)).filter((name) => fs.exists(joinPath(root, parent, name, 'Cargo.toml'))).map((name) => `${parent}/${name}`);
  });
}

/** One package: the target files cargo needs to parse its manifest, and its binaries. */
function readCrate(fs: FsView, projectName: string, root: string, dir: string): { crate: Crate; bins: Bin[] } {
  const manifest = joinPath(root, dir, 'Cargo.toml');
  const toml = readCargoToml(fs.read(manifest) ?? '');
  if (!toml.packageName) {
    throw createDetectError({ project: projectName, file: manifest, problem: 'no [package] name', fix: 'give the crate a [package] table with a name, or list it as a workspace member only if it is a package' });
  }
  const at = (file: string) => joinPath(root, dir, file);
  const bins: Bin[] = toml.bins.map((bin) => {
    const name = bin.name ?? toml.packageName!;
    return { name, package: toml.packageName!, file: at(bin.path ?? (name === toml.packageName && fs.exists(at('src/main.rs')) ? 'src/main.rs' : `src/bin/${name}.rs`)) };
  });
  if (fs.exists(at('src/main.rs')) && !bins.some((bin) => bin.file === at('src/main.rs'))) bins.push({ name: toml.packageName, package: toml.packageName, file: at('src/main.rs') });
  for (const name of fs.list(at('src/bin')).filter((file) => file.endsWith('.rs'))) {
    if (!bins.some((bin) => bin.file === at(`src/bin/${name}`))) bins.push({ name: name.slice(0, -3), package: toml.packageName, file: at(`src/bin/${name}`) });
  }
  const lib = toml.libPath ?? (fs.exists(at('src/lib.rs')) ? 'src/lib.rs' : undefined);
  const prefix = joinPath(root, dir) === '.' ? '' : `${joinPath(root, dir)}/`;
  const binFiles = [...new Set(bins.map((bin) => bin.file.slice(prefix.length)))].sort();
  return { crate: { dir, name: toml.packageName, ...(lib && { lib }), bins: binFiles }, bins };
}

function selectBin(projectName: string, manifest: string, bins: Bin[], option?: string): Sourced<{ name: string; package: string }> {
  if (option) {
    const bin = bins.find((candidate) => candidate.name === option);
    if (!bin) throw createDetectError({ project: projectName, file: manifest, problem: `no binary named ${option} (binaries: ${bins.map((b) => b.name).join(', ') || 'none'})`, fix: 'pass --bin with one of the binaries listed' });
    return { value: { name: bin.name, package: bin.package }, source: 'options.bin' };
  }
  if (bins.length === 1) return { value: { name: bins[0].name, package: bins[0].package }, source: `${bins[0].file}: the only binary` };
  throw createDetectError({
    project: projectName,
    file: manifest,
    problem: bins.length === 0 ? 'no binary target (src/main.rs, src/bin/*.rs or [[bin]])' : `several binaries (${bins.map((b) => b.name).join(', ')})`,
    fix: 'pass --bin=<name> to say which one the image runs',
  });
}

/** The text, once smol-toml (a full TOML 1.0 parser) accepts it: the reader above only skims. */
function checkToml(projectName: string, file: string, text: string): string {
  try {
    parse(text);
  } catch (error) {
    throw createDetectError({ project: projectName, file, problem: `is not valid TOML (${(error as Error).message.split('\n')[0]})`, fix: 'correct the file (`cargo metadata` shows where cargo rejects it)' });
  }
  return text;
}

/**
 * A Cargo package or workspace at the project root. Reads only through `input.fs`.
 * Throws an Error naming the project, the file and the fix when it cannot decide.
 */
export function detectRustProject(input: NodeProjectInput): RustProfile {
  const { fs, project, graph, options = {} } = input;
  const root = joinPath(project.root);
  const manifest = joinPath(root, 'Cargo.toml');
  const toml = readCargoToml(checkToml(project.name, manifest, fs.read(manifest) ?? ''));
  if (!toml.packageName && toml.members === undefined) {
    throw createDetectError({ project: project.name, file: manifest, problem: 'neither a [package] with a name nor a [workspace]', fix: 'give the crate a [package] table with a name (`cargo init` writes one)' });
  }
  const dirs = [...(toml.packageName ? ['.'] : []), ...expandMembers(fs, root, toml.members ?? []).filter((dir) => dir !== '.' && dir !== '')];
  const read = dirs.map((dir) => readCrate(fs, project.name, root, dir));
  const lockfile = joinPath(root, 'Cargo.lock');
  if (!fs.exists(lockfile)) {
    throw createDetectError({ project: project.name, file: lockfile, problem: 'missing: the image builds with `cargo build --locked`', fix: 'run `cargo generate-lockfile` in the project root and commit Cargo.lock' });
  }
  const bin = selectBin(project.name, manifest, read.flatMap((crate) => crate.bins), options.bin);
  const binFile = read.flatMap((crate) => crate.bins).find((candidate) => candidate.name === bin.value.name)?.file;
  const source = detectServiceSource(fs, binFile, options.port);
  return {
    language: 'rust',
    project: project.name,
    projectRoot: root,
    rustVersion: detectRustVersion(fs, root),
    lockfile,
    crates: read.map((crate) => crate.crate),
    bin,
    ...(source.port && { port: source.port }),
    ...(source.healthcheckFlag && { healthcheckFlag: source.healthcheckFlag }),
    closure: detectClosure(graph, project.name),
  };
}
