// Types for the plain-JavaScript Yarn 1 pruner (it stays JS so the Dockerfile can run it on bare Node).
export type YarnLockObject = Record<
  string,
  {
    version?: string;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    [key: string]: unknown;
  }
>;
export function pruneYarnClassic(
  lockObject: YarnLockObject,
  manifests: {
    name?: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  }[],
): YarnLockObject;
export function runCli(argv: string[]): void;
