import type { GraphInput, PackageJson } from '../../../detect/detect-input';
import { joinPath } from '../../../detect/join-path';
import type { FrameworkFacts, FrameworkInput, FrameworkProvider } from './framework-provider';
import { fastifyProvider, expressProvider, koaProvider } from './http-servers';
import { nestProvider } from './nest';
import { nextProvider } from './next';
import { prismaProvider } from './prisma';

/**
 * Tried in order; the first `server` provider that detects wins, every `addon` adds to it.
 * - Next.js first: it replaces the artifact layout (standalone tree), and a Next app may also
 *   pull in express or others for custom servers.
 * - NestJS before the plain servers: Nest apps depend on express or fastify through their platform package.
 * - Fastify, Koa, Express: plain servers, named only.
 * - Prisma: an add-on to any of them.
 */
export const FRAMEWORK_PROVIDERS: FrameworkProvider[] = [
  nextProvider,
  nestProvider,
  fastifyProvider,
  koaProvider,
  expressProvider,
  prismaProvider,
];

/** The winning server framework (if any) followed by every add-on that detected. */
export function detectFrameworks(input: FrameworkInput, providers = FRAMEWORK_PROVIDERS): FrameworkFacts[] {
  const found: FrameworkFacts[] = [];
  for (const provider of providers) {
    if (provider.kind === 'server' && found.some((facts) => facts.kind === 'server')) continue;
    const facts = provider.detect(input);
    if (facts) found.push(facts);
  }
  return found;
}

/**
 * npm package names the project uses, each with where it was seen: the project's package.json
 * `dependencies` and `devDependencies`, then the `npm:` edges of the Nx graph from the project
 * and its closure libraries (Nx names a second version `npm:name@version`; the name is kept).
 */
export function collectPackages(input: {
  project: string;
  projectRoot: string;
  projectPackageJson?: PackageJson & { devDependencies?: Record<string, string> };
  closure: string[];
  graph: GraphInput;
}): Map<string, string> {
  const packages = new Map<string, string>();
  const manifest = joinPath(input.projectRoot, 'package.json');
  for (const field of ['dependencies', 'devDependencies'] as const) {
    for (const name of Object.keys(input.projectPackageJson?.[field] ?? {})) packages.set(name, `${manifest}#${field}`);
  }
  const roots = new Set(input.closure);
  const names = [
    input.project,
    ...Object.keys(input.graph.nodes).filter((name) => roots.has(input.graph.nodes[name].data.root)),
  ];
  for (const name of names) {
    for (const { target } of input.graph.dependencies[name] ?? []) {
      if (!target.startsWith('npm:')) continue;
      const pkg = target.slice('npm:'.length).replace(/(?<=.)@[^/@]*$/, '');
      if (!packages.has(pkg)) packages.set(pkg, `the Nx project graph (${name} → ${target})`);
    }
  }
  return packages;
}
