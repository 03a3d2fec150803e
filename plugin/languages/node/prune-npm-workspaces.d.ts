// Types for the plain-JavaScript pruner (it stays JS so the Dockerfile can run it on bare Node).
export interface NpmManifest {
  workspaces?: string[];
  [key: string]: unknown;
}
export interface NpmLockfile {
  lockfileVersion?: number;
  packages: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}
export function pruneNpmWorkspaces(
  rootManifest: NpmManifest,
  lockfile: NpmLockfile,
  keepWorkspaces: string[],
): { manifest: NpmManifest & { workspaces: string[] }; lockfile: NpmLockfile };
export function runCli(argv: string[]): void;
