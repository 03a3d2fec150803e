import { logger, readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import type { InitGeneratorSchema } from './schema';

export const PLUGIN_NAME = 'nx-dockerize';

/** What `nx add nx-dockerize` runs: register the plugin once, keeping any options already set. */
export async function initGenerator(tree: Tree, schema: InitGeneratorSchema = {}): Promise<void> {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const registered = plugins.some((p) => (typeof p === 'string' ? p : p.plugin) === PLUGIN_NAME);
  const targetName = schema.targetName ?? 'docker-build';
  if (registered) {
    logger.info(`nx-dockerize: already registered in nx.json; nothing changed.`);
    return;
  }
  const entry = targetName === 'docker-build' ? PLUGIN_NAME : { plugin: PLUGIN_NAME, options: { targetName } };
  updateNxJson(tree, { ...nxJson, plugins: [...plugins, entry] });
  logger.info(describeRegistration(targetName));
}

/** What `nx add nx-dockerize` tells the user it did, and what to run next. */
export function describeRegistration(targetName: string): string {
  return [
    `nx-dockerize: registered the plugin in nx.json (plugins).`,
    `  Every project whose Dockerfile nx-dockerize wrote now gets an inferred \`${targetName}\` target (see \`nx show project <project>\`).`,
    `  Next: \`nx g nx-dockerize:dockerize <project>\` writes a project's Dockerfile and bake target; \`nx affected -t ${targetName}\` builds what changed in one bake.`,
  ].join('\n');
}

export default initGenerator;
