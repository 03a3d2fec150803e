import type { FsView } from '../../fs-view';
import { createDetectError } from '../../detect/create-detect-error';

/**
 * A build that runs `nx run` in the image needs everything Nx loads to compute the project graph:
 * nx.json itself and each plugin it registers, installed from the root package.json by the deps
 * stage. A plugin that is not a dependency there (a local `./tools/plugin`, or a package installed
 * some other way) cannot be loaded in the image, so the build cannot run there: say why and what to do.
 */
export function checkNxInImage(fs: FsView, project: string): void {
  const nxJson = readJson(fs, 'nx.json');
  if (!nxJson) {
    throw createDetectError({
      project,
      file: 'nx.json',
      problem:
        "the build runs through Nx (an executor, or Nx's bundler plugin in the webpack config), and the workspace has no nx.json to run it with",
      fix: 'add an nx.json at the workspace root, or pass --buildMode=copy-output and build outside Docker',
    });
  }
  const root = readJson(fs, 'package.json') ?? {};
  const installed = new Set(Object.keys({ ...(root.dependencies as object), ...(root.devDependencies as object) }));
  const plugins = Array.isArray(nxJson.plugins) ? nxJson.plugins : [];
  for (const entry of plugins) {
    const spec: unknown = typeof entry === 'string' ? entry : (entry as { plugin?: unknown })?.plugin;
    if (typeof spec !== 'string') continue;
    if (spec.startsWith('.')) {
      throw createDetectError({
        project,
        file: 'nx.json',
        problem: `the build runs through Nx in the image, and nx.json registers the local plugin ${spec}, which the image's context does not hold`,
        fix: 'pass --buildMode=copy-output and build outside Docker (a local plugin must be compiled and copied in by hand)',
      });
    }
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!installed.has(name)) {
      throw createDetectError({
        project,
        file: 'package.json',
        problem: `the build runs through Nx in the image, and nx.json registers the plugin ${spec}, but ${name} is not in the root package.json, so the image's install never has it`,
        fix: `add ${name} to the root devDependencies (npm install -D ${name})`,
      });
    }
  }
}

function readJson(fs: FsView, file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fs.read(file) ?? 'null');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
