/**
 * The esbuild-style `--outfile=X` / `--outfile X` in a command, as written (relative to the
 * directory the command runs in). Its directory is the build output; its name the entrypoint.
 */
export function findOutfile(command: string): string | undefined {
  const match = /--outfile(?:=|\s+)(?:"([^"]+)"|'([^']+)'|([^\s;&|]+))/.exec(command);
  const outfile = match?.[1] ?? match?.[2] ?? match?.[3];
  return outfile?.replace(/^\.\//, '');
}

/** tsc/swc/babel-style `--outDir X` or `--out-dir X`: the output directory as written (relative to where the command runs), if any. */
export function findOutDir(command: string): string | undefined {
  const match = /--out-?[dD]ir(?:=|\s+)(?:"([^"]+)"|'([^']+)'|([^\s;&|]+))/.exec(command);
  const dir = match?.[1] ?? match?.[2] ?? match?.[3];
  return dir?.replace(/^\.\//, '').replace(/\/+$/, '');
}
