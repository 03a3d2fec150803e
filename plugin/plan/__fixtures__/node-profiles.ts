import { toServiceSettings } from '../../detect/service-settings';
import type { DockerizeOptions, NodeProfile } from '../../types';

/** `orders`: an integrated project (no package.json) with one library, as in examples/. */
export const ordersProfile: NodeProfile = {
  // Default runtime and build mode; specs set others with withSettings().
  settings: toServiceSettings(),
  language: 'node',
  project: 'orders',
  projectRoot: 'apps/orders',
  packageManager: { value: 'npm', source: 'package-lock.json' },
  lockfile: 'package-lock.json',
  nodeVersion: { value: '22', source: 'versions.json default' },
  style: 'integrated',
  build: {
    value: {
      command:
        'esbuild apps/orders/src/main.ts --bundle --platform=node --target=node22 --outfile=dist/apps/orders/main.js',
      outputPath: 'dist/apps/orders',
    },
    source: 'apps/orders/project.json#targets.build',
  },
  entrypoint: { value: 'main.js', source: 'apps/orders/project.json#targets.build (--outfile)' },
  port: { value: 3000, source: 'apps/orders/src/main.ts (PORT default)' },
  health: { value: { kind: 'http', path: '/health' }, source: 'libs/health/src/index.ts: route "/health"' },
  closure: ['libs/health'],
  rootFiles: ['tsconfig.base.json'],
  hasProdDependencies: false,
  risks: [],
};

/** `@examples/inventory`: a workspace package with production dependencies. */
export const inventoryProfile: NodeProfile = {
  ...ordersProfile,
  project: '@examples/inventory',
  projectRoot: 'apps/inventory',
  packageManager: { value: 'npm', source: 'package-lock.json' },
  packageManagerVersion: { value: '10.9.9', source: 'package.json#packageManager' },
  style: 'package',
  build: {
    value: { command: 'npm run build --workspace apps/inventory', outputPath: 'apps/inventory/dist' },
    source: 'apps/inventory/package.json#scripts.build',
  },
  entrypoint: { value: 'main.js', source: 'apps/inventory/package.json#main' },
  port: { value: 3001, source: 'apps/inventory/src/main.ts (PORT default)' },
  health: { value: { kind: 'http', path: '/health' }, source: 'libs/health/src/index.ts: route "/health"' },
  workspaceManifests: [],
  hasProdDependencies: true,
};

export const pnpmProfile: NodeProfile = {
  ...inventoryProfile,
  packageManager: { value: 'pnpm', source: 'pnpm-lock.yaml' },
  packageManagerVersion: { value: '9.15.9', source: 'package.json#packageManager' },
  lockfile: 'pnpm-lock.yaml',
  build: {
    value: { command: 'pnpm --filter @examples/inventory build', outputPath: 'apps/inventory/dist' },
    source: 'apps/inventory/package.json#scripts.build',
  },
  workspaceManifests: ['libs/health'],
};

export const defaultOptions: DockerizeOptions = { runtime: 'slim', buildMode: 'docker' };
