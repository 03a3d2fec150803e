import { execFileSync } from 'node:child_process';
import type { GitFacts } from './resolve-images';

/** Commit facts from git; options win (detached CI checkouts know their branch better). */
export function readGitFacts(cwd: string, overrides: { sha?: string; branch?: string }): GitFacts {
  const git = (...args: string[]) => {
    try {
      return (
        execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
          .toString()
          .trim() || undefined
      );
    } catch {
      return undefined;
    }
  };
  const branch = overrides.branch ?? git('rev-parse', '--abbrev-ref', 'HEAD');
  const commitTime = git('log', '-1', '--format=%ct');
  return {
    sha: overrides.sha ?? git('rev-parse', 'HEAD'),
    branch: branch === 'HEAD' ? undefined : branch,
    commitTime: commitTime ? Number(commitTime) : undefined,
    remoteUrl: git('config', '--get', 'remote.origin.url'),
  };
}
