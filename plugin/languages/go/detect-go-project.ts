import type { FsView } from '../../fs-view';
import { toServiceSettings } from '../../detect/service-settings';
import type { GoProfile, Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import { detectClosure } from '../../detect/detect-closure';
import type { NodeProjectInput } from '../../detect/detect-input';
import { detectServiceSource } from '../../detect/detect-service-source';
import { joinPath } from '../../detect/join-path';
import { detectGoToolchain } from './go-toolchain';
import { readGoVersionLines } from './go-version-lines';
import { detectLocalModules, readImports, type GoLocalLayout } from './detect-local-modules';
import { detectGoSystemLibraries } from './system-libraries';
import type { SystemPackages } from '../../plan/system-packages';
import { readGoMod, type GoMod } from './read-go-mod';

/** A directory holds a main package when one of its .go files says `package main`. */
function isMainPackage(fs: FsView, dir: string): boolean {
  return fs
    .list(dir)
    .some(
      (name) =>
        name.endsWith('.go') &&
        !name.endsWith('_test.go') &&
        /^package\s+main\b/m.test(fs.read(joinPath(dir, name)) ?? ''),
    );
}

/** The option, else the project root's own main package, else the single `cmd/*` one. */
function detectMain(fs: FsView, projectName: string, root: string, option?: string): Sourced<string> {
  if (option) {
    const main = option === '.' || option.startsWith('./') ? option : `./${option}`;
    if (!isMainPackage(fs, joinPath(root, main))) {
      throw createDetectError({
        project: projectName,
        file: joinPath(root, main),
        problem: 'the main option names no `package main` directory',
        fix: 'pass --main with a project-relative directory whose .go files declare package main',
      });
    }
    return { value: main, source: 'options.main' };
  }
  if (isMainPackage(fs, root)) return { value: '.', source: `${joinPath(root, '*.go')}: package main` };
  const commands = fs.list(joinPath(root, 'cmd')).filter((name) => isMainPackage(fs, joinPath(root, 'cmd', name)));
  if (commands.length === 1)
    return {
      value: `./cmd/${commands[0]}`,
      source: `${joinPath(root, 'cmd', commands[0])}: the only main package under cmd/`,
    };
  throw createDetectError({
    project: projectName,
    file: joinPath(root, 'cmd'),
    problem:
      commands.length === 0
        ? 'no main package at the project root or under cmd/*'
        : `several main packages under cmd/ (${commands.join(', ')})`,
    fix: 'pass --main=./cmd/<name> to say which one the image runs',
  });
}

/** `go build` names the binary after the package directory, or the module's last (non-`vN`) element. */
function toBinaryName(module: string, main: string): string {
  const parts = (main === '.' ? module : main).split('/').filter((part) => part !== '.' && !/^v\d+$/.test(part));
  return (parts.pop() ?? 'app').replace(/[^A-Za-z0-9._-]/g, '-');
}

/** The file the port and health flag are read from: main.go in the main package, else its first .go file. */
function findMainSource(fs: FsView, dir: string): string | undefined {
  const files = fs.list(dir).filter((name) => name.endsWith('.go') && !name.endsWith('_test.go'));
  const file = files.includes('main.go') ? 'main.go' : files[0];
  return file ? joinPath(dir, file) : undefined;
}

/** The option wins; otherwise a module that needs cgo turns it on (it would not work without). */
function detectCgo(option: boolean | undefined, libraries: SystemPackages[]): Sourced<boolean> {
  if (option !== undefined) return { value: option, source: 'options.cgo' };
  if (libraries.length > 0)
    return { value: true, source: libraries.map((library) => library.reason.split(':')[0]).join('; ') };
  return { value: false, source: 'default (static binary)' };
}

/**
 * `go mod download` verifies every module it fetches against go.sum (go.work.sum too in workspace
 * mode): a module with requirements that no local directory satisfies needs one.
 */
function checkGoSum(fs: FsView, projectName: string, goSum: string, goMod: GoMod, layout: GoLocalLayout): void {
  if (fs.exists(goSum)) return;
  // Workspace mode checks go.work.sum and every workspace module's go.sum.
  if (layout.goWork?.used && (layout.goWork.sum || layout.localModules.some((module) => module.goSum))) return;
  const local = new Set(layout.localModules.map((module) => module.module));
  const fetched = goMod.Require.filter((req) => !local.has(req.Path));
  if (fetched.length === 0) return;
  throw createDetectError({
    project: projectName,
    file: goSum,
    problem: `missing, but go.mod requires ${fetched.length} module${fetched.length === 1 ? '' : 's'} (${fetched
      .slice(0, 3)
      .map((req) => req.Path)
      .join(', ')}${fetched.length > 3 ? ', …' : ''}) that \`go mod download\` must verify against it`,
    fix: 'run `go mod tidy` in the project root and commit go.sum',
  });
}

/**
 * A Go module at the project root (go.mod). Reads only through `input.fs`.
 * Throws an Error naming the project, the file and the fix when it cannot decide.
 */
export function detectGoProject(input: NodeProjectInput): GoProfile {
  const { fs, project, graph, options = {} } = input;
  const root = joinPath(project.root);
  const goModPath = joinPath(root, 'go.mod');
  let goMod: GoMod;
  try {
    goMod = readGoMod(fs.read(goModPath) ?? '', goModPath);
  } catch (error) {
    throw createDetectError({
      project: project.name,
      file: goModPath,
      problem: `not a valid go.mod (${(error as Error).message})`,
      fix: 'correct that line; `go mod edit -json` reports the same error',
    });
  }
  const module = goMod.Module?.Path;
  if (!module) {
    throw createDetectError({
      project: project.name,
      file: goModPath,
      problem: 'no `module` line',
      fix: 'run `go mod init <module path>` in the project root',
    });
  }
  const layout = detectLocalModules(fs, project.name, root, goMod);
  const goSum = joinPath(root, 'go.sum');
  checkGoSum(fs, project.name, goSum, goMod, layout);
  const main = detectMain(fs, project.name, root, options.main);
  const mainDir = joinPath(root, main.value);
  const source = detectServiceSource(fs, findMainSource(fs, mainDir), options.port);
  const systemLibraries = detectGoSystemLibraries(goMod, goModPath, readImports(fs, root));
  return {
    language: 'go',
    project: project.name,
    projectRoot: root,
    settings: toServiceSettings(options),
    module,
    goVersion: detectGoToolchain(
      readGoVersionLines(fs, goModPath, goMod, layout.goWork, layout.localModules),
      project.name,
      options.goVersion,
    ),
    ...(fs.exists(goSum) && { goSum }),
    ...(layout.goWork && { goWork: layout.goWork }),
    localModules: layout.localModules,
    main,
    binary: toBinaryName(module, main.value),
    cgo: detectCgo(options.cgo, systemLibraries),
    systemLibraries,
    ...(source.port && { port: source.port }),
    ...(source.healthcheckFlag && { healthcheckFlag: source.healthcheckFlag }),
    closure: detectClosure(graph, project.name),
  };
}
