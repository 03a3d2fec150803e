import type { FsView } from '../../fs-view';
import type { GoLocalModule, GoProfile } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import { joinPath } from '../../detect/join-path';
import { directiveLine, isDirectoryPath, readGoMod, readGoWork, type GoMod, type GoModReplace } from './read-go-mod';

/**
 * Which local modules the go command reads for one service, by Go's own rules:
 *
 * - go.work: the go command looks for it in the module's directory and its parents (GOWORK
 *   unset). When it `use`s this module, the build is in workspace mode: every used module's go.mod
 *   joins the requirement graph (so all of them are dependency-layer inputs), and replacements in
 *   go.work and in every used go.mod apply. When it does not list this module, the image builds
 *   with GOWORK=off, as `go build` would refuse the module otherwise.
 * - module mode: only the main module's own `replace … => ../dir` directives count (replacements
 *   in dependencies' go.mod files are ignored by Go).
 *
 * Sources are needed for the modules the service reaches: local modules its go.mod requires or
 * its .go files import, transitively. The rest contribute go.mod/go.sum only.
 */
export interface GoLocalLayout {
  goWork?: GoProfile['goWork'];
  localModules: GoLocalModule[];
  /** The service's go.mod, parsed. */
  goMod: GoMod;
}

/** The directive that names a local module directory: `<file>:<line>` and its text, for errors. */
interface Origin {
  at: string;
  directive: string;
}

interface Context {
  fs: FsView;
  project: string;
  /** Local module directory → the replace/use directive that names it. */
  origins: Map<string, Origin>;
}

/**
 * Reads a local module's go.mod. A directory that does not exist is Go's "replacement directory …
 * does not exist" (a mistyped path), reported at the directive naming it; one without go.mod needs
 * `go mod init`.
 */
/** What the go command prints for a missing directory (modload: replacement directory / go.work use). */
function goSays(origin: Origin): string {
  const path = origin.directive.split(' ').pop();
  return origin.directive.startsWith('use ')
    ? `go: cannot load module ${path} listed in go.work file`
    : `go: replacement directory ${path} does not exist`;
}

function readModFile(ctx: Context, file: string): GoMod {
  const text = ctx.fs.read(file);
  const dir = joinPath(file, '..');
  const origin = ctx.origins.get(dir);
  if (text === undefined && origin && !ctx.fs.exists(dir)) {
    throw createDetectError({
      project: ctx.project,
      file: origin.at,
      problem: `\`${origin.directive}\` names ${dir}, a directory that does not exist (${goSays(origin)})`,
      fix: `correct the path (it is relative to the directory of ${origin.at.replace(/:\d+$/, '')}), or remove the directive`,
    });
  }
  if (text === undefined)
    throw createDetectError({
      project: ctx.project,
      file,
      problem: `missing: a local module the go command reads has no go.mod${origin ? ` (named by ${origin.at}: \`${origin.directive}\`)` : ''}`,
      fix: 'run `go mod init <module path>` in that directory, or remove the directive that names it',
    });
  try {
    return readGoMod(text, file);
  } catch (error) {
    throw createDetectError({
      project: ctx.project,
      file,
      problem: `not a valid go.mod (${(error as Error).message})`,
      fix: 'correct that line; `go mod edit -json` reports the same error',
    });
  }
}

/** Resolves a directory path written in `from` (a workspace-relative dir) to a workspace-relative dir. */
function resolveDir(ctx: Context, from: string, path: string, file: string): string {
  const dir = joinPath(from, path);
  if (path.startsWith('/') || dir === '..' || dir.startsWith('../')) {
    throw createDetectError({
      project: ctx.project,
      file,
      problem: `${path} is outside the workspace (the build context is the workspace root)`,
      fix: 'move the module into the workspace, or replace it with a published version',
    });
  }
  return dir;
}

function findGoWork(fs: FsView, root: string): string | undefined {
  for (let dir = root; ; dir = joinPath(dir, '..')) {
    if (fs.exists(joinPath(dir, 'go.work'))) return joinPath(dir, 'go.work');
    if (dir === '.') return undefined;
  }
}

/**
 * Directory replacements of one go.mod/go.work, resolved: module path → workspace-relative dir.
 * Outside the workspace is an error in the service's own files; in a sibling module's go.mod it is
 * skipped (the go command reads such a directory only if the build needs that module).
 */
function localReplacements(
  ctx: Context,
  from: string,
  replaces: GoModReplace[],
  file: string,
  strict = true,
): Map<string, string> {
  const found = new Map<string, string>();
  for (const replace of replaces) {
    if (!isDirectoryPath(replace.New.Path)) continue;
    try {
      const dir = resolveDir(ctx, from, replace.New.Path, file);
      found.set(replace.Old.Path, dir);
      if (!ctx.origins.has(dir))
        ctx.origins.set(dir, {
          at: `${file}:${directiveLine(replace) ?? 1}`,
          directive: `replace ${replace.Old.Path}${replace.Old.Version ? ` ${replace.Old.Version}` : ''} => ${replace.New.Path}`,
        });
    } catch (error) {
      if (strict) throw error;
    }
  }
  return found;
}

/** Import paths of the non-test .go files under `dir`, not descending into nested modules, vendor, testdata, or dot/underscore dirs. */
export function readImports(fs: FsView, dir: string, top = true): string[] {
  if (!top && fs.exists(joinPath(dir, 'go.mod'))) return [];
  return fs.list(dir).flatMap((name) => {
    const path = joinPath(dir, name);
    if (name.endsWith('.go')) return name.endsWith('_test.go') ? [] : importsOf(fs.read(path) ?? '');
    if (
      /^[._]/.test(name) ||
      name === 'vendor' ||
      name === 'testdata' ||
      name === 'node_modules' ||
      fs.read(path) !== undefined
    )
      return [];
    return readImports(fs, path, false);
  });
}

function importsOf(source: string): string[] {
  const decls = [...source.matchAll(/^import\s*(\([^)]*\)|[^\n]*)/gm)].map((match) => match[1]);
  return decls.flatMap((decl) => [...decl.matchAll(/"([^"]+)"/g)].map((match) => match[1]));
}

/** The module owning an import path: the longest module path that is the path or a prefix of it. */
function owner(modules: Map<string, string>, importPath: string): string | undefined {
  const matches = [...modules.keys()].filter((module) => importPath === module || importPath.startsWith(`${module}/`));
  return matches.sort((a, b) => b.length - a.length)[0];
}

/** Local modules the service reaches through requirements and imports, transitively (module paths). */
function reachable(
  ctx: Context,
  start: string,
  startMod: GoMod,
  dirs: Map<string, string>,
  mods: Map<string, GoMod>,
): Set<string> {
  const seen = new Set<string>();
  const queue: [string, GoMod][] = [[start, startMod]];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [dir, mod] = next;
    const wanted = [
      ...mod.Require.map((req) => req.Path).filter((path) => dirs.has(path)),
      ...readImports(ctx.fs, dir)
        .map((path) => owner(dirs, path))
        .filter((path): path is string => path !== undefined),
    ];
    for (const module of wanted) {
      if (seen.has(module) || module === startMod.Module?.Path) continue;
      seen.add(module);
      const moduleDir = dirs.get(module)!;
      queue.push([moduleDir, mods.get(moduleDir) ?? readModFile(ctx, joinPath(moduleDir, 'go.mod'))]);
    }
  }
  return seen;
}

export function detectLocalModules(fs: FsView, project: string, root: string, goMod: GoMod): GoLocalLayout {
  const ctx: Context = { fs, project, origins: new Map() };
  const workFile = findGoWork(fs, root);
  const work = workFile ? parseWork(ctx, workFile) : undefined;
  const workDir = workFile ? joinPath(workFile, '..') : '.';
  const useDirs = work
    ? work.Use.map((use) => {
        const dir = resolveDir(ctx, workDir, use.DiskPath, workFile!);
        ctx.origins.set(dir, { at: `${workFile}:${directiveLine(use) ?? 1}`, directive: `use ${use.DiskPath}` });
        return dir;
      })
    : [];
  const workspaceMode = useDirs.includes(root);
  // module path → dir, and dir → parsed go.mod, for every local module the go command reads.
  const dirs = new Map<string, string>();
  const mods = new Map<string, GoMod>([[root, goMod]]);
  if (workspaceMode) {
    for (const dir of useDirs) {
      const mod = dir === root ? goMod : readModFile(ctx, joinPath(dir, 'go.mod'));
      mods.set(dir, mod);
      if (mod.Module) dirs.set(mod.Module.Path, dir);
    }
    for (const dir of useDirs)
      localReplacements(ctx, dir, mods.get(dir)!.Replace, joinPath(dir, 'go.mod'), dir === root).forEach((to, from) =>
        dirs.set(from, to),
      );
    localReplacements(ctx, workDir, work!.Replace, workFile!).forEach((to, from) => dirs.set(from, to));
  } else {
    localReplacements(ctx, root, goMod.Replace, joinPath(root, 'go.mod')).forEach((to, from) => dirs.set(from, to));
  }
  const needed = reachable(ctx, root, goMod, dirs, mods);
  const neededDirs = new Set([...needed].map((module) => dirs.get(module)!));
  const localModules = [...new Set(dirs.values())]
    .filter((dir) => dir !== root)
    // A replacement nothing needs may name a directory that is gone (Go ignores it); a needed one
    // without go.mod was already refused by reachable() (readModFile).
    .filter((dir) => fs.exists(joinPath(dir, 'go.mod')))
    .sort()
    .map((dir): GoLocalModule => {
      const module = mods.get(dir)?.Module?.Path ?? [...dirs.entries()].find(([, to]) => to === dir)![0];
      const goSum = joinPath(dir, 'go.sum');
      return { dir, module, ...(fs.exists(goSum) && { goSum }), needed: neededDirs.has(dir) };
    });
  const workSum = workFile ? `${workFile}.sum` : undefined;
  return {
    goMod,
    localModules,
    ...(workFile && {
      goWork: { file: workFile, ...(workSum && fs.exists(workSum) && { sum: workSum }), used: workspaceMode },
    }),
  };
}

function parseWork(ctx: Context, file: string) {
  try {
    return readGoWork(ctx.fs.read(file) ?? '', file);
  } catch (error) {
    throw createDetectError({
      project: ctx.project,
      file,
      problem: `not a valid go.work (${(error as Error).message})`,
      fix: 'correct that line; `go work edit -json` reports the same error',
    });
  }
}
