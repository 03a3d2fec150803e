import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { readDockerEnv } from './docker-env';

/**
 * Empties the builder's local cache, as on a new CI runner; the registry keeps the cache refs.
 * In the lab that is `lab.sh reset`; with an ordinary Docker, `buildx prune` on the current builder.
 */
export function resetToFreshRunner(): void {
  const env = readDockerEnv();
  if (env.LAB_HOME) execFileSync('bash', [resolve(__dirname, '../../tools/lab/lab.sh'), 'reset'], { stdio: 'pipe' });
  else execFileSync('docker', ['buildx', 'prune', '--all', '--force'], { stdio: 'pipe', env });
}
