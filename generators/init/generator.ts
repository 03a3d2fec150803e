import { readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import type { InitGeneratorSchema } from './schema';

export const PLUGIN_NAME = 'nx-dockerize';

/** What `nx add nx-dockerize` runs: register the plugin once, keeping any options already set. */
export async function initGenerator(tree: Tree, schema: InitGeneratorSchema = {}): Promise<void> {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const registered = plugins.some((p) => (typeof p === 'string' ? p : p.plugin) === PLUGIN_NAME);
  if (registered) return;
  const targetName = schema.targetName ?? 'docker-build';
  const entry = targetName === 'docker-build' ? PLUGIN_NAME : { plugin: PLUGIN_NAME, options: { targetName } };
  updateNxJson(tree, { ...nxJson, plugins: [...plugins, entry] });
}

export default initGenerator;
