import type { FsView } from '../fs-view';
import type { HealthProbe, Language, Sourced } from '../types';
import { joinPath } from './join-path';

/** Source files scanned per language (tests, build output and installed packages are skipped). */
const SOURCE_EXTENSIONS: Record<Language, RegExp> = {
  node: /\.(?:[cm]?[jt]sx?)$/,
  go: /\.go$/,
  rust: /\.rs$/,
  python: /\.py$/,
  java: /\.(?:java|kt)$/,
};
const SKIPPED_DIRS = new Set([
  'node_modules',
  'dist',
  'build',
  'target',
  '.venv',
  'venv',
  '__pycache__',
  '.git',
  '.nx',
  'coverage',
  'test',
  'tests',
  '__tests__',
  'e2e',
  '.next',
]);
const TEST_FILE = /(?:\.(?:spec|test)\.[cm]?[jt]sx?|_test\.go|(?:^|\/)test_[^/]*\.py|_test\.py|Tests?\.(?:java|kt))$/;
const MAX_FILES = 400;
const MAX_BYTES = 256 * 1024;

/** Health route names, most conventional first: the first one found in the sources wins. */
const HEALTH_NAMES = [
  'health',
  'healthz',
  'livez',
  'healthcheck',
  'health-check',
  '_health',
  'readyz',
  'ready',
  'ping',
];
const NAME = HEALTH_NAMES.map((name) => name.replace('-', '\\-')).join('|');
/**
 * A route as code spells it: a quoted path whose last segment is a health name (`'/health'`,
 * `"GET /healthz"` Go 1.22 patterns, `"/api/health"`), NestJS `@Controller('health')`, Django `path('health/'`.
 */
const ROUTE_PATTERNS: { pattern: RegExp; toPath: (match: RegExpExecArray) => string }[] = [
  {
    pattern: new RegExp(`["'\`](?:(?:GET|HEAD)\\s+)?((?:/[\\w.-]+)*/(?:${NAME}))/?["'\`]`, 'g'),
    toPath: (match) => match[1],
  },
  { pattern: new RegExp(`@Controller\\(\\s*["'\`]/?(${NAME})["'\`]`, 'g'), toPath: (match) => `/${match[1]}` },
  {
    pattern: new RegExp(`\\bre_?path\\(\\s*r?["']\\^?((?:${NAME}))/?\\$?["']`, 'g'),
    toPath: (match) => `/${match[1]}/`,
  },
];

/** Parses the `healthcheck` option: `none`, `tcp` or an HTTP path. Throws naming the fix otherwise. */
export function parseHealthOption(value: string, project: string): HealthProbe {
  const trimmed = value.trim();
  if (trimmed === 'none' || trimmed === 'tcp') return { kind: trimmed };
  if (trimmed.startsWith('/')) return { kind: 'http', path: trimmed };
  throw new Error(
    `nx-dockerize: project "${project}": the healthcheck option "${value}" is not a route, "tcp" or "none". ` +
      'Fix: pass --healthcheck=/your/health/route (HTTP GET must answer 2xx), --healthcheck=tcp (the port accepts connections) or --healthcheck=none.',
  );
}

/**
 * How the image checks its own health, in precedence order:
 * 1. the `healthcheck` option (`/path`, `tcp`, `none`);
 * 2. a health route found in the sources of the project and its Nx closure (first of HEALTH_NAMES);
 * 3. a framework default the project really has (`frameworkDefault`, e.g. Spring Boot's actuator);
 * 4. otherwise `tcp`: the port accepts connections (never a guessed `/health` an app may not have).
 * Whether a port is known, and what the runtime image can run, is the recipe's business (plan/health.ts).
 */
export function detectHealth(input: {
  fs: FsView;
  language: Language;
  project: string;
  roots: string[];
  /** Folders under the roots that are other projects (their routes are not this service's). */
  exclude?: string[];
  option?: string;
  frameworkDefault?: Sourced<HealthProbe>;
}): Sourced<HealthProbe> {
  if (input.option !== undefined)
    return { value: parseHealthOption(input.option, input.project), source: 'the healthcheck option' };
  const extensions = SOURCE_EXTENSIONS[input.language];
  const route = extensions && findHealthRoute(input.fs, input.roots, input.exclude ?? [], extensions);
  if (route) return route;
  if (input.frameworkDefault) return input.frameworkDefault;
  return { value: { kind: 'tcp' }, source: 'the default: no health route in the sources, so none is guessed' };
}

/** The best health route literal in the roots' source files, with the file that names it. */
function findHealthRoute(
  fs: FsView,
  roots: string[],
  exclude: string[],
  extensions: RegExp,
): Sourced<HealthProbe> | undefined {
  let best: { rank: number; path: string; file: string } | undefined;
  for (const file of listSources(fs, roots, exclude, extensions)) {
    const text = fs.read(file);
    if (text === undefined || text.length > MAX_BYTES) continue;
    for (const { pattern, toPath } of ROUTE_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const path = toPath(match as RegExpExecArray);
        const rank = HEALTH_NAMES.indexOf(path.replace(/\/$/, '').split('/').pop()!);
        if (!best || rank < best.rank || (rank === best.rank && path.length < best.path.length))
          best = { rank, path, file };
      }
    }
  }
  return best && { value: { kind: 'http', path: best.path }, source: `${best.file}: route "${best.path}"` };
}

/** Source files under the roots, breadth-first, sorted, capped at MAX_FILES. */
function listSources(fs: FsView, roots: string[], exclude: string[], extensions: RegExp): string[] {
  const files: string[] = [];
  const queue = [...new Set(roots)];
  while (queue.length > 0 && files.length < MAX_FILES) {
    const dir = queue.shift()!;
    for (const name of fs.list(dir)) {
      const path = joinPath(dir, name);
      if (extensions.test(name)) {
        if (!TEST_FILE.test(path)) files.push(path);
      } else if (!SKIPPED_DIRS.has(name) && !name.startsWith('.') && !name.includes('.') && !exclude.includes(path))
        queue.push(path);
    }
  }
  return files.slice(0, MAX_FILES);
}
