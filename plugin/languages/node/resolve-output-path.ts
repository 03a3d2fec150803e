/**
 * Turns an Nx `outputs` entry into a workspace-relative path: `{workspaceRoot}/dist/x` →
 * `dist/x`, `{projectRoot}/dist` → `<root>/dist`, `{options.outputPath}` → that option.
 * Undefined when a token is left that we cannot resolve (e.g. a glob or another option).
 */
export function resolveOutputPath(
  output: string,
  context: { projectRoot: string; options?: Record<string, unknown> },
): string | undefined {
  const projectRoot = context.projectRoot === '.' ? '' : context.projectRoot;
  const resolved = output
    .replace(/^\{workspaceRoot\}\/?/, '')
    .replace(/\{projectRoot\}/g, projectRoot)
    .replace(/\{options\.(\w+)\}/g, (token, key: string) => {
      const value = context.options?.[key];
      return typeof value === 'string' ? value : token;
    })
    .replace(/^\.?\//, '')
    .replace(/\/+$/, '');
  return resolved === '' || /[{*]/.test(resolved) ? undefined : resolved;
}
