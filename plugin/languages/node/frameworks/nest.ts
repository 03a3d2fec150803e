import type { FrameworkProvider } from './framework-provider';

/**
 * NestJS: `@nestjs/core` among the project's packages. The layout is a plain Node server; what
 * Nest changes is where the entry lands (`nest build` → nest-cli.json + tsconfig outDir; Nx's
 * Nest generator → webpack with `NxAppWebpackPlugin`), which `findBuildOutput` reads for every
 * build, so this provider only names the framework and its file.
 */
export const nestProvider: FrameworkProvider = {
  name: 'NestJS',
  kind: 'server',
  detect({ packages }) {
    const from = packages.get('@nestjs/core');
    return from ? { name: 'NestJS', kind: 'server', evidence: `@nestjs/core (from ${from})` } : undefined;
  },
};
