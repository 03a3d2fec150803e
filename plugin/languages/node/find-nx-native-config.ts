import type { FsView } from '../../fs-view';
import { joinPath } from '../../detect/join-path';

/** Markers of Nx's bundler plugins in a webpack/rspack config (`@nx/webpack`, `@nx/rspack`). */
const NX_PLUGIN = /\b(NxAppWebpackPlugin|NxAppRspackPlugin|withNx|NxReactWebpackPlugin)\b|@nx\/(webpack|rspack)/;
const BUNDLER = /^(?:npx\s+)?(webpack-cli|webpack|rspack)\b/;
const CONFIG_NAMES: Record<string, string[]> = {
  webpack: ['webpack.config.js', 'webpack.config.ts', 'webpack.config.cjs', 'webpack.config.mjs'],
  rspack: ['rspack.config.js', 'rspack.config.ts', 'rspack.config.cjs', 'rspack.config.mjs'],
};

/**
 * When a run-commands build calls webpack/rspack directly on a config that uses Nx's plugin
 * (`NxAppWebpackPlugin`, `withNx`, the default of Nx's Node and Nest generators), the config
 * reads Nx's project graph, which exists only when Nx runs the task ("No cached ProjectGraph is
 * available" otherwise). Returns the config file that says so, or undefined.
 */
export function findNxNativeConfig(fs: FsView, command: { scriptText?: string; cwd: string }): string | undefined {
  const bundler = command.scriptText && BUNDLER.exec(command.scriptText.trim())?.[1];
  if (!bundler) return undefined;
  const explicit = /--config(?:=|\s+)(\S+)/.exec(command.scriptText ?? '')?.[1];
  const names = explicit ? [explicit] : CONFIG_NAMES[bundler === 'rspack' ? 'rspack' : 'webpack'];
  for (const name of names) {
    const file = joinPath(command.cwd, name);
    const text = fs.read(file);
    if (text !== undefined) return NX_PLUGIN.test(text) ? `${file} uses Nx's bundler plugin` : undefined;
  }
  return undefined;
}
