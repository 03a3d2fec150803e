/**
 * Turns an Nx project name into a bake target name. Bake accepts `[a-zA-Z0-9_-]+`, so scopes
 * and slashes become dashes: `@examples/inventory` → `examples-inventory`.
 */
export function toBakeTargetName(project: string): string {
  const name = project
    .replace(/[^a-zA-Z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!name) {
    throw new Error(`Cannot derive a bake target name from project "${project}": it has no letters or digits. Rename the project.`);
  }
  return name;
}
