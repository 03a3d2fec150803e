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
}

/** A candidate file, workspace-relative, and where it came from. */
type Candidate = { path: string; source: string } | undefined;

/**
 * The file `node` runs, relative to the build output (or the project root without a build).
 * With a build: `--outfile` → package.json `main` → `start` script's `node <file>` → `main.js`
 * (the name Nx's bundlers emit). Candidates outside the output directory are skipped.
 * Without a build: `main` → `start` script → an existing `main.js`/`index.js` → Error.
 */
export function detectEntrypoint(context: Context): Sourced<string> {
  const { build, projectRoot } = context;
  const base = build ? build.build.value.outputPath : joinPath(projectRoot);
  const candidates: Candidate[] = [
    build?.outfile ? { path: build.outfile, source: '--outfile in the build command' } : undefined,
    fromMain(context),
    fromStartScript(context),
    ...(build
      ? [{ path: joinPath(base, 'main.js'), source: 'default (main.js, the Nx bundler output name)' }]
      : ['main.js', 'index.js'].map((file) => fromExistingFile(context, file))),
  ];
  for (const candidate of candidates) {
    const relative = candidate && toRelative(base, candidate.path);
    if (candidate && relative) {
      if (!build) checkExists(context, candidate);
      return { value: relative, source: candidate.source };
    }
  }
  const packageJson = joinPath(projectRoot, 'package.json');
  throw createDetectError({
    project: context.project,
    file: packageJson,
    problem: `no entrypoint found (no "main", no \`node <file>\` start script, no main.js or index.js in ${base})`,
    fix: `set "main" in ${packageJson}, or add a "start" script such as "node src/server.js"`,
  });
}

/**
 * Without a build nothing creates the entry file, so it must be in the sources: Node resolves
 * `main` with its extensions and `/index.js` (nodejs.org/api/modules, LOAD_AS_FILE/LOAD_INDEX).
 */
function checkExists({ fs, project }: Context, candidate: { path: string; source: string }): void {
  const variants = ['', '.js', '.cjs', '.mjs', '.json', '/index.js', '/index.cjs', '/index.mjs'].map((suffix) => `${candidate.path}${suffix}`);
  if (variants.some((path) => fs.read(path) !== undefined)) return;
  throw createDetectError({
    project,
    file: candidate.source,
    problem: `names ${candidate.path}, which does not exist, and the project has no build step that would make it`,
    fix: `point it at the file the service starts from, or add a build target or "build" script that writes ${candidate.path}`,
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
