import type { GraphInput, PackageJson } from '../../detect/detect-input';

/**
 * Packages that ship or build native binaries: they tie an image to a libc (glibc vs musl)
 * and an architecture, and may need a toolchain in the build stage.
 */
const NATIVE_MODULES = ['@prisma/client', 'argon2', 'bcrypt', 'better-sqlite3', 'canvas', 'sharp'];

/**
 * Risk flags for the plan's notes: `native-module:<name>` for each well-known native package the
 * project depends on (its package.json `dependencies`, or its `npm:` edges in the graph). Sorted.
 */
export function detectRisks(input: { project: string; projectPackageJson?: PackageJson; graph: GraphInput }): string[] {
  const names = new Set([
    ...Object.keys(input.projectPackageJson?.dependencies ?? {}),
    ...(input.graph.dependencies[input.project] ?? [])
      .filter(({ target }) => target.startsWith('npm:'))
      // Nx names a second version of a package `npm:name@version`; keep only the name.
      .map(({ target }) => target.slice('npm:'.length).replace(/(?<=.)@[^/@]*$/, '')),
  ]);
  return NATIVE_MODULES.filter((name) => names.has(name)).map((name) => `native-module:${name}`);
}
