import { posix } from 'node:path';
import type { FsView } from '../../fs-view';
import type { Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import type { BuildFacts } from './detect-build';
import type { PackageJson } from '../../detect/detect-input';
import { joinPath } from '../../detect/join-path';
import { parseStartScript } from './parse-start-script';

interface Context {
  fs: FsView;
  project: string;
  projectRoot: string;
  projectPackageJson?: PackageJson;
  build?: BuildFacts;
  /** The `entry` option: project-relative (as package.json#main), or workspace-relative under the build output. */
  entry?: string;
  /** A framework's own layout (Next.js standalone): replaces every other candidate. */
  frameworkOutput?: { outputPath: string; entry: string; source: string };
}

/** A candidate file, workspace-relative, and where it came from. */
type Candidate = { path: string; source: string } | undefined;

/**
 * The file `node` runs, relative to the build output (or the project root without a build).
 * Evidence, strongest first (docs/entry-port-health-toolchain.md, docs/frameworks/):
 * - the `entry` option;
 * - a framework's own layout (Next.js standalone `server.js`);
 * - with a build: `--outfile` → the build configuration's output (Nx executor options, webpack
 *   config, nest-cli.json) → the `start` script's `node <file>` → package.json `main`; candidates
 *   outside the output directory are skipped and nothing is guessed: none left is an Error naming
 *   the file to fix and `--entry`;
 * - without a build: the `start` script's file → `main` → `main.js`/`index.js`/`server.js`, each only
 *   when the file exists (a stale `main` is skipped, and the source says so) → Error.
 * The start script ranks above `main`: it is what `npm start` runs, while `main` is a library field
 * that `npm init` fills with `index.js` whether or not that file exists.
 */
export function detectEntrypoint(context: Context): Sourced<string> {
  const { build, projectRoot } = context;
  const framework = context.frameworkOutput;
  const base = framework ? framework.outputPath : build ? build.build.value.outputPath : joinPath(projectRoot);
  if (context.entry) return fromEntryOption(context, base, context.entry);
  if (framework) return { value: toRelative(base, framework.entry) ?? framework.entry, source: framework.source };
  const candidates: Candidate[] = [
    build?.outfile ? { path: build.outfile, source: '--outfile in the build command' } : undefined,
    build?.configEntry,
    fromStartScript(context),
    fromMain(context),
    ...(build ? [] : ['main.js', 'index.js', 'server.js'].map((file) => fromExistingFile(context, file))),
  ];
  const skipped: { path: string; source: string; why: string }[] = [];
  for (const candidate of candidates) {
    const relative = candidate && toRelative(base, candidate.path);
    if (!candidate || !relative) continue;
    // Without a build the file must be there; a build's output does not exist yet.
    if (!build && !existsForNode(context.fs, candidate.path)) {
      skipped.push({ ...candidate, why: `${candidate.source} names ${candidate.path}, which does not exist` });
      continue;
    }
    return { value: relative, source: [candidate.source, ...skipped.map(({ why }) => `skipped: ${why}`)].join('; ') };
  }
  throw build ? noBuiltEntryError(context, base) : noSourceEntryError(context, base, skipped);
}

function noSourceEntryError(
  context: Context,
  base: string,
  skipped: { path: string; source: string; why: string }[],
): Error {
  const packageJson = joinPath(context.projectRoot, 'package.json');
  if (skipped.length > 0) {
    // Without a build nothing creates the entry file: name the first field that points nowhere.
    const [first, ...others] = skipped;
    return createDetectError({
      project: context.project,
      file: first.source,
      problem: `names ${first.path}, which does not exist, and the project has no build step that would make it${others.length ? ` (also: ${others.map(({ why }) => why).join('; ')})` : ''}`,
      fix: `point it at the file the service starts from, add a build target or "build" script that writes ${first.path}, or pass --entry=<file>`,
    });
  }
  return createDetectError({
    project: context.project,
    file: packageJson,
    problem: `no entrypoint found (no \`node <file>\` start script, no "main", no main.js, index.js or server.js in ${base})`,
    fix: `add a "start" script such as "node src/server.js", set "main" in ${packageJson}, or pass --entry=src/server.js`,
  });
}

function noBuiltEntryError(context: Context, base: string): Error {
  const projectJson = joinPath(context.projectRoot, 'project.json');
  return createDetectError({
    project: context.project,
    file: projectJson,
    problem: `the build (${context.build?.build.source}) writes to ${base}, but nothing says which file in it node runs (no --outfile, no outputPath/outputFileName in the build target, no webpack.config or nest-cli.json output, no "main" or \`node <file>\` start script inside ${base})`,
    fix: `pass --entry=${joinPath(base, 'main.js')} (the built file, workspace-relative), or set "main" in ${joinPath(context.projectRoot, 'package.json')} to the built file, or make the build name its output file (esbuild --outfile, an Nx executor's outputPath)`,
  });
}

/** Node's own resolution of a file (nodejs.org/api/modules, LOAD_AS_FILE/LOAD_INDEX): the name, its extensions, `/index.js`. */
function existsForNode(fs: FsView, path: string): boolean {
  return ['', '.js', '.cjs', '.mjs', '.json', '/index.js', '/index.cjs', '/index.mjs'].some(
    (suffix) => fs.read(`${path}${suffix}`) !== undefined,
  );
}

/**
 * The `entry` option: tried project-relative first (as package.json#main is), then workspace-relative
 * (Nx's own paths, e.g. `dist/apps/api/main.js`). It must lie in the build output, or, without a
 * build, be a file of the project. Throws naming the option and the fix otherwise.
 */
function fromEntryOption(context: Context, base: string, entry: string): Sourced<string> {
  const cleaned = entry.trim().replace(/^\.\//, '');
  const tries = [joinPath(context.projectRoot, cleaned), joinPath(cleaned)];
  for (const path of tries) {
    const relative = toRelative(base, path);
    if (relative && (context.build || context.fs.exists(path))) return { value: relative, source: 'the entry option' };
  }
  throw createDetectError({
    project: context.project,
    file: joinPath(context.projectRoot, 'package.json'),
    problem: context.build
      ? `the entry option "${entry}" is not inside the build output ${base}`
      : `the entry option "${entry}" names no file of the project (looked for ${[...new Set(tries)].join(', ')})`,
    fix: context.build
      ? `pass the file the build writes, e.g. --entry=${joinPath(base, 'main.js')}`
      : 'pass a file of the project relative to its root, e.g. --entry=src/server.js',
  });
}

function fromMain({ projectPackageJson, projectRoot }: Context): Candidate {
  const main = projectPackageJson?.main;
  return typeof main === 'string'
    ? { path: joinPath(projectRoot, main), source: `${joinPath(projectRoot, 'package.json')}#main` }
    : undefined;
}

function fromStartScript({ projectPackageJson, projectRoot }: Context): Candidate {
  const start = projectPackageJson?.scripts?.start;
  const file = typeof start === 'string' ? parseStartScript(start) : undefined;
  return file
    ? { path: joinPath(projectRoot, file), source: `${joinPath(projectRoot, 'package.json')}#scripts.start` }
    : undefined;
}

function fromExistingFile({ fs, projectRoot }: Context, file: string): Candidate {
  const path = joinPath(projectRoot, file);
  return fs.exists(path) ? { path, source: path } : undefined;
}

/** `path` relative to `base`, or undefined when it lies outside it. */
function toRelative(base: string, path: string): string | undefined {
  const relative = posix.relative(base === '.' ? '' : base, path);
  return relative === '' || relative.startsWith('..') ? undefined : relative;
}
