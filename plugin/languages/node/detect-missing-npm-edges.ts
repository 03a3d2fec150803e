import { builtinModules } from 'node:module';
import type { FsView } from '../../fs-view';
import type { PackageJson, TargetInput } from '../../detect/detect-input';
import { createDetectError } from '../../detect/create-detect-error';
import { joinPath } from '../../detect/join-path';

/**
 * Root dependencies that turn Nx's JS source analysis on when nx.json says nothing
 * (nx/src/plugins/js/utils/config.ts, `jsPluginConfig`, checked in Nx 24.0.6).
 */
const ANALYSIS_PACKAGES = ['@nx/workspace', '@nx/js', '@nx/node', '@nx/next', '@nx/react', '@nx/angular', '@nx/web'];

/** Whether Nx analyses source imports into `npm:` edges, and why, in Nx's own order (`jsPluginConfig`). */
export function readSourceAnalysis(nxJson: unknown, rootPackageJson?: PackageJson): { on: boolean; why: string } {
  const config = (nxJson as { pluginsConfig?: Record<string, { analyzeSourceFiles?: unknown }> } | undefined)
    ?.pluginsConfig?.['@nx/js'];
  if (config) {
    const on = config.analyzeSourceFiles !== false;
    return { on, why: on ? 'pluginsConfig["@nx/js"] is set' : 'pluginsConfig["@nx/js"].analyzeSourceFiles is false' };
  }
  const deps = { ...rootPackageJson?.dependencies, ...rootPackageJson?.devDependencies } as Record<string, unknown>;
  const found = ANALYSIS_PACKAGES.find((name) => deps[name] !== undefined);
  return found
    ? { on: true, why: `package.json has ${found}` }
    : {
        on: false,
        why: `nx.json has no pluginsConfig["@nx/js"] and package.json none of ${ANALYSIS_PACKAGES.join(', ')}`,
      };
}

/**
 * Whether the build leaves third-party imports to node_modules at run time, and how we know; undefined
 * when it bundles them or we cannot tell (a script, an unknown executor). Sources: @nx/esbuild's
 * `thirdParty` (default false: `--packages=external`), @nx/webpack's and @nx/rspack's
 * `externalDependencies` (default 'all' for node), tsc/swc/rollup (no bundling of node_modules).
 */
export function describeExternalBuild(target: TargetInput | undefined): string | undefined {
  if (!target) return 'no build target: node runs the sources';
  const { executor = '', options = {} } = target;
  if (executor === '@nx/esbuild:esbuild')
    return options.thirdParty === true && options.bundle !== false
      ? undefined
      : `targets.build: ${executor} without thirdParty: true`;
  if (executor === '@nx/webpack:webpack' || executor === '@nx/rspack:rspack')
    return options.externalDependencies === 'none'
      ? undefined
      : `targets.build: ${executor} with externalDependencies ${JSON.stringify(options.externalDependencies ?? 'all')}`;
  if (/^@nx\/(js:(tsc|swc)|rollup:rollup)$/.test(executor)) return `targets.build: ${executor}`;
  const command = [
    target.command,
    options.command,
    ...(Array.isArray(options.commands)
      ? options.commands.map((c: unknown) => (typeof c === 'string' ? c : (c as { command?: string })?.command))
      : []),
  ]
    .filter((c): c is string => typeof c === 'string')
    .join(' && ');
  if (/\besbuild\b/.test(command))
    return /--packages=external/.test(command) || !/--bundle\b/.test(command) ? `targets.build: ${command}` : undefined;
  if (/\b(tsc|swc)\b/.test(command)) return `targets.build: ${command}`;
  return undefined;
}

const SOURCE = /\.(c|m)?(j|t)sx?$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.nx', 'coverage', 'tmp', '__tests__']);
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"./][^'"]*)['"]/g;

/** Source files of a folder, at most `limit`: tests, tool configs (webpack.config.js imports devDependencies) and build output skipped. */
function listSources(fs: FsView, dir: string, limit: number, out: string[] = []): string[] {
  for (const name of fs.list(dir)) {
    if (out.length >= limit) break;
    const path = dir === '.' ? name : `${dir}/${name}`;
    if (fs.read(path) === undefined) {
      if (!SKIPPED_DIRS.has(name) && !name.startsWith('.')) listSources(fs, path, limit, out);
    } else if (
      SOURCE.test(name) &&
      !/\.(spec|test|d|config)\.[cm]?[jt]sx?$/.test(name) &&
      !/^(eslint|jest|vite|webpack|rollup)\b/.test(name)
    )
      out.push(path);
  }
  return out;
}

/** The first `[file, package]` whose import names a package of the root manifest (not a builtin, not `import type`). */
export function findPackageImport(
  fs: FsView,
  roots: string[],
  rootPackageJson?: PackageJson,
): [string, string] | undefined {
  const packages = new Set(Object.keys({ ...rootPackageJson?.dependencies, ...rootPackageJson?.devDependencies }));
  for (const file of roots.flatMap((root) => listSources(fs, joinPath(root), 500))) {
    const text = (fs.read(file) ?? '').replace(/^\s*import\s+type\b.*$/gm, '');
    for (const [, specifier] of text.matchAll(IMPORT)) {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (packages.has(name) && !builtinModules.includes(name)) return [file, name];
    }
  }
  return undefined;
}

export interface MissingEdgesInput {
  fs: FsView;
  project: string;
  /** The project's root and its closure's roots. */
  roots: string[];
  build: TargetInput | undefined;
  rootPackageJson?: PackageJson;
}

/**
 * An Nx integrated app whose closure has no `npm:` edge gets no node_modules. When its build
 * keeps packages external and its sources import a package of the root manifest, the image would
 * crash at start (`Cannot find module`): the graph is blind (Nx's source analysis off). Throws an
 * Error naming nx.json, the import and the fix.
 */
export function assertGraphSeesImports(input: MissingEdgesInput): void {
  const external = describeExternalBuild(input.build);
  if (!external) return;
  const found = findPackageImport(input.fs, input.roots, input.rootPackageJson);
  if (!found) return;
  const analysis = readSourceAnalysis(JSON.parse(input.fs.read('nx.json') ?? '{}'), input.rootPackageJson);
  throw createDetectError({
    project: input.project,
    file: 'nx.json',
    problem: `${found[0]} imports "${found[1]}" and the build keeps packages external (${external}), but the Nx project graph has no npm: dependency for ${input.project} or its libraries${analysis.on ? '' : ` because Nx's JS source analysis is off (${analysis.why})`}; the image would have no node_modules and fail to start`,
    fix: analysis.on
      ? 'run `nx reset` so Nx recomputes the project graph, then rerun the generator'
      : 'turn the analysis on in nx.json ("pluginsConfig": { "@nx/js": { "analyzeSourceFiles": true } }) or add @nx/js to devDependencies, then rerun the generator',
  });
}
