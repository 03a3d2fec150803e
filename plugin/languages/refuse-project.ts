import type { FsView } from '../fs-view';
import type { ProjectInput } from '../detect/detect-input';
import { joinPath } from '../detect/join-path';

/**
 * Kinds of project nx-dockerize refuses before any language reads it, each as an Error naming the
 * project, the file that says so and the fix (undefined: go on). Rules, in order:
 *
 * 1. A library: `projectType: "library"` declared in project.json (or package.json#nx). A library has
 *    no process to run; dockerizing it would write an image that exits and put it in the default group.
 *    Nx also *infers* type `lib` for a package.json project with `main`/`exports` and no projectType;
 *    that is not refused, because most Node services have a `main` (the inference is Nx's guess).
 * 2. No manifest of a known language, only project.json, and a `build` target that is not a Node
 *    build (`make build`, `@nx/gradle:…`) and no JavaScript/TypeScript source in its first two levels:
 *    the Node recipe would run `npm ci` on a project that is not a Node project. Node's integrated
 *    style (project.json only) is kept for Node builds: an `@nx/*` JavaScript executor, a command
 *    chain in which any command is a JavaScript tool (`rm -rf dist && tsc`), or JS/TS sources.
 */
export function refuseProject(
  fs: FsView,
  project: ProjectInput,
  claimedBy: string | undefined,
  markers: string,
): Error | undefined {
  const root = joinPath(project.root);
  const configFile = fs.exists(joinPath(root, 'project.json'))
    ? joinPath(root, 'project.json')
    : joinPath(root, 'package.json');
  if (project.projectType === 'library') {
    return new Error(
      `nx-dockerize: project "${project.name}" is a library (projectType "library" in ${configFile}): a library has no process to run, so it gets no image. ` +
        'Fix: dockerize the application that uses it (its Dockerfile copies the library), or, if it is a service, set "projectType": "application" in that file.',
    );
  }
  if (claimedBy !== 'node' || fs.exists(joinPath(root, 'package.json'))) return undefined;
  const build = project.targets?.build;
  const command = build && describeNonNodeBuild(build);
  if (command && !hasJavaScriptSources(fs, root)) {
    const makefile = fs.exists(joinPath(root, 'Makefile')) ? ` (${joinPath(root, 'Makefile')} is there)` : '';
    return new Error(
      `nx-dockerize: project "${project.name}": ${configFile}: its build target runs ${command}${makefile}, which is not a Node build, and ${root || '.'} has no manifest nx-dockerize knows (${markers}). ` +
        'nx-dockerize does not guess: it would write a Node Dockerfile that runs `npm ci`. Fix: write this Dockerfile by hand (nx-dockerize leaves hand-written Dockerfiles alone), or add the manifest of a supported language.',
    );
  }
  return undefined;
}

const JS_TOOLS = new Set([
  'node',
  'npx',
  'npm',
  'pnpm',
  'pnpx',
  'yarn',
  'bun',
  'bunx',
  'tsc',
  'tsx',
  'ts-node',
  'esbuild',
  'webpack',
  'vite',
  'rollup',
  'rspack',
  'swc',
  'babel',
  'nx',
  'next',
  'nest',
  'tsup',
]);
/** Nx plugins that build other languages (their executors are never a Node build). */
const NON_JS_PLUGINS =
  /^(@nx\/(gradle|maven|dotnet)|@nx-go\/|@nx-dotnet\/|@monodon\/rust|@nxlv\/python|@nx-extend\/(gcp-functions-go))/;

/** `"make build"` (quoted as it will be shown) when a build target is clearly not a Node build. */
function describeNonNodeBuild(build: {
  executor?: string;
  command?: string;
  options?: Record<string, unknown>;
}): string | undefined {
  if (build.executor && NON_JS_PLUGINS.test(build.executor)) return `the executor ${build.executor}`;
  const isCommands = build.executor === 'nx:run-commands' || (!build.executor && build.command);
  if (!isCommands) return undefined;
  const options = (build.options ?? {}) as { command?: unknown; commands?: unknown[] };
  const first = options.command ?? options.commands?.[0] ?? build.command;
  const command = typeof first === 'string' ? first : (first as { command?: unknown } | undefined)?.command;
  if (typeof command !== 'string') return undefined;
  const tools = command.split(/&&|\|\||;|\|/).map(
    (part) =>
      part
        .trim()
        .split(/\s+/)
        .find((word) => !/^[A-Z_][A-Z0-9_]*=/.test(word)) ?? '',
  );
  return tools.some((tool) => JS_TOOLS.has(tool.replace(/^.*\//, ''))) ? undefined : `\`${command.trim()}\``;
}

const JS_SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Any .js/.ts (and variants) file at the project root or one folder down (src/main.ts). */
function hasJavaScriptSources(fs: FsView, root: string): boolean {
  return fs
    .list(root)
    .some((entry) => JS_SOURCE.test(entry) || fs.list(joinPath(root, entry)).some((child) => JS_SOURCE.test(child)));
}
