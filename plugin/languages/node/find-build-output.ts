import { posix } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { FsView } from '../../fs-view';
import type { TargetInput } from '../../detect/detect-input';
import { joinPath } from '../../detect/join-path';

/** The build's real output: the directory copied to the image and the file node runs (both workspace-relative). */
export interface BuildOutput {
  outputPath: string;
  entry: string;
  source: string;
}

interface Context {
  fs: FsView;
  projectRoot: string;
  target?: TargetInput;
}

/**
 * Where the build really writes its entry file, read from the build's own configuration:
 * 1. the Nx executor's options (`@nx/webpack:webpack`, `@nx/rspack:rspack` → `outputPath` +
 *    `outputFileName` ?? `main.js`; `@nx/esbuild:esbuild` → `outputPath` + `outputFileName` ??
 *    the main file's name as `.js`; `@nx/js:tsc`/`@nx/js:swc` → `outputPath` + the main file's
 *    path inside the project as `.js`) — the names Nx's executors emit (packages/webpack, esbuild, js);
 * 2. the project's `webpack.config.*` (`NxAppWebpackPlugin({ outputPath })` relative to the
 *    workspace root, or `output.path: join(__dirname, '<dir>')` relative to the project), with
 *    `outputFileName` ?? `main.js`;
 * 3. the project's `nest-cli.json` (`nest build`): `compilerOptions.webpack` → `dist/main.js`;
 *    otherwise the `outDir` of its `tsConfigPath` (default `tsconfig.build.json`) + `entryFile`
 *    (default `main`) `.js` — Nest's CLI defaults (nest-cli's configuration defaults).
 * Undefined when none applies.
 */
export function findBuildOutput(context: Context): BuildOutput | undefined {
  return fromExecutor(context) ?? fromWebpackConfig(context) ?? fromNestCli(context);
}

const WEBPACK_EXECUTORS = ['@nx/webpack:webpack', '@nrwl/webpack:webpack', '@nx/rspack:rspack'];
const ESBUILD_EXECUTORS = ['@nx/esbuild:esbuild', '@nrwl/esbuild:esbuild'];
const TSC_EXECUTORS = ['@nx/js:tsc', '@nx/js:swc', '@nrwl/js:tsc', '@nrwl/js:swc'];

function fromExecutor({ projectRoot, target }: Context): BuildOutput | undefined {
  const options = target?.options ?? {};
  const outputPath = typeof options.outputPath === 'string' ? joinPath(options.outputPath) : undefined;
  const executor = target?.executor ?? '';
  if (!outputPath) return undefined;
  const main = typeof options.main === 'string' ? options.main : undefined;
  const source = `targets.build.options (${executor})`;
  if (WEBPACK_EXECUTORS.includes(executor)) {
    const file = typeof options.outputFileName === 'string' ? options.outputFileName : 'main.js';
    return { outputPath, entry: joinPath(outputPath, file), source };
  }
  if (ESBUILD_EXECUTORS.includes(executor) && main) {
    const file = typeof options.outputFileName === 'string' ? options.outputFileName : toJs(posix.basename(main));
    return { outputPath, entry: joinPath(outputPath, file), source };
  }
  if (TSC_EXECUTORS.includes(executor) && main) {
    const inProject = posix.relative(projectRoot === '.' ? '' : projectRoot, joinPath(main));
    return { outputPath, entry: joinPath(outputPath, toJs(inProject)), source };
  }
  return undefined;
}

function toJs(file: string): string {
  return file.replace(/\.[cm]?tsx?$/, '.js');
}

const WEBPACK_CONFIGS = ['webpack.config.js', 'webpack.config.ts', 'webpack.config.cjs', 'webpack.config.mjs'];

/** Reads the output directory out of the config's text: a literal, never by running the config. */
function fromWebpackConfig({ fs, projectRoot }: Context): BuildOutput | undefined {
  for (const name of WEBPACK_CONFIGS) {
    const file = joinPath(projectRoot, name);
    const text = fs.read(file);
    if (text === undefined) continue;
    const pluginOutput = /\boutputPath\s*:\s*['"`]([^'"`]+)['"`]/.exec(text)?.[1];
    const joined = /\bpath\s*:\s*[^,{}]*?\b(?:join|resolve)\(\s*__dirname\s*,\s*['"`]([^'"`]+)['"`]\s*\)/.exec(
      text,
    )?.[1];
    const outputPath = pluginOutput ? joinPath(pluginOutput) : joined ? joinPath(projectRoot, joined) : undefined;
    if (!outputPath || outputPath.startsWith('..')) return undefined;
    const fileName = /\boutputFileName\s*:\s*['"`]([^'"`]+)['"`]/.exec(text)?.[1] ?? 'main.js';
    return { outputPath, entry: joinPath(outputPath, fileName), source: `${file} (output path)` };
  }
  return undefined;
}

function fromNestCli({ fs, projectRoot }: Context): BuildOutput | undefined {
  const file = joinPath(projectRoot, 'nest-cli.json');
  const cli = readJsonc(fs, file);
  if (!cli) return undefined;
  const compilerOptions = (cli.compilerOptions ?? {}) as Record<string, unknown>;
  const entryFile = typeof cli.entryFile === 'string' ? cli.entryFile : 'main';
  if (compilerOptions.webpack === true || compilerOptions.builder === 'webpack') {
    const outputPath = joinPath(projectRoot, 'dist');
    return { outputPath, entry: joinPath(outputPath, `${entryFile}.js`), source: `${file} (webpack builder)` };
  }
  const tsconfig = joinPath(
    projectRoot,
    typeof compilerOptions.tsConfigPath === 'string' ? compilerOptions.tsConfigPath : 'tsconfig.build.json',
  );
  const outDir = readOutDir(fs, tsconfig);
  if (!outDir) return undefined;
  const outputPath = joinPath(posix.dirname(tsconfig), outDir);
  return { outputPath, entry: joinPath(outputPath, `${entryFile}.js`), source: `${file} + ${tsconfig} (outDir)` };
}

/** `compilerOptions.outDir`, following one level of `extends` to a relative file. */
function readOutDir(fs: FsView, tsconfig: string, depth = 0): string | undefined {
  const json = readJsonc(fs, tsconfig);
  if (!json) return undefined;
  const outDir = (json.compilerOptions as Record<string, unknown> | undefined)?.outDir;
  if (typeof outDir === 'string') return outDir;
  if (typeof json.extends === 'string' && json.extends.startsWith('.') && depth < 3) {
    const parent = joinPath(
      posix.dirname(tsconfig),
      json.extends.endsWith('.json') ? json.extends : `${json.extends}.json`,
    );
    const inherited = readOutDir(fs, parent, depth + 1);
    // An inherited outDir is relative to the file that declares it.
    return inherited && posix.relative(posix.dirname(tsconfig), joinPath(posix.dirname(parent), inherited));
  }
  return undefined;
}

/** JSON with comments and trailing commas (tsconfig, nest-cli.json); undefined when absent or not an object. */
export function readJsonc(fs: FsView, file: string): Record<string, unknown> | undefined {
  const text = fs.read(file);
  if (text === undefined) return undefined;
  const value: unknown = parseJsonc(text, [], { allowTrailingComma: true });
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
