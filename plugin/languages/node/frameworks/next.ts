import { createDetectError } from '../../../detect/create-detect-error';
import { joinPath } from '../../../detect/join-path';
import type { FrameworkFacts, FrameworkInput, FrameworkProvider } from './framework-provider';

const CONFIGS = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs', 'next.config.mts'];

/** `output: 'standalone'` as written in the config object (a literal; the config is never run). */
const STANDALONE = /\boutput\s*:\s*['"`]standalone['"`]/;

/**
 * Next.js: a `next.config.*` in the project root (or `next` among its packages). Only standalone
 * output makes a small image: `next build` then writes a traced server with its own node_modules
 * to `.next/standalone/<app path in the repo>/server.js` (the tracing root is the workspace root,
 * found from the lockfile), and `.next/static` and `public/` must be copied beside it (Next.js
 * docs, "output: standalone"). The server reads PORT and HOSTNAME. Without standalone, stop with
 * the one-line fix: a full `next start` image would carry every dependency and the sources.
 */
export const nextProvider: FrameworkProvider = {
  name: 'Next.js',
  kind: 'server',
  detect(input) {
    const config = CONFIGS.map((name) => joinPath(input.projectRoot, name)).find((file) => input.fs.exists(file));
    const from = input.packages.get('next');
    if (!config && !from) return undefined;
    if (!config || !STANDALONE.test(input.fs.read(config) ?? '')) throw standaloneError(input, config);
    return planStandalone(input, config);
  },
};

function standaloneError(input: FrameworkInput, config: string | undefined): Error {
  const file = config ?? joinPath(input.projectRoot, 'next.config.js');
  return createDetectError({
    project: input.project,
    file,
    problem: config
      ? "Next.js is configured without output: 'standalone', so `next build` writes no self-contained server to put in an image"
      : 'Next.js (the `next` package) is used but the project has no next.config.*, so `next build` writes no standalone server',
    fix: config
      ? `add \`output: 'standalone',\` to the config object in ${file} (e.g. \`const nextConfig = { output: 'standalone' };\`)`
      : `create ${file} with \`module.exports = { output: 'standalone' };\``,
  });
}

function planStandalone(input: FrameworkInput, config: string): FrameworkFacts {
  const { fs, projectRoot } = input;
  const standalone = joinPath(projectRoot, '.next/standalone');
  const publicDir = joinPath(projectRoot, 'public');
  return {
    name: 'Next.js',
    kind: 'server',
    evidence: `Next.js with output: 'standalone' (from ${config})`,
    output: {
      outputPath: standalone,
      entry: joinPath(standalone, projectRoot, 'server.js'),
      source: `${config} (output: 'standalone')`,
    },
    runtimeCopies: [
      { from: joinPath(projectRoot, '.next/static'), to: joinPath(projectRoot, '.next/static') },
      ...(fs.exists(publicDir) ? [{ from: publicDir, to: publicDir }] : []),
    ],
    bundlesDependencies: true,
    portEnv: 'PORT',
    runtimeEnv: { HOSTNAME: '0.0.0.0', NEXT_TELEMETRY_DISABLED: '1' },
    buildEnv: { NEXT_TELEMETRY_DISABLED: '1' },
    defaultPort: { port: 3000, source: 'Next.js default (the server reads PORT)' },
    buildCaches: [joinPath(projectRoot, '.next/cache')],
    ignore: ['**/.next'],
    notes: [
      `Next.js standalone: the runtime holds .next/standalone (server.js and the node_modules Next traced), .next/static${fs.exists(publicDir) ? ' and public/' : ''}; no separate node_modules install.`,
      `Next.js build cache ${joinPath(projectRoot, '.next/cache')} is a cache mount, so rebuilds reuse compiled pages.`,
    ],
  };
}
