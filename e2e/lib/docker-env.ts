import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The environment docker/buildx commands run with. On a registry-less machine the lab
 * (tools/lab) writes `$LAB_HOME/env` (builder, Docker host, registry); with an ordinary
 * Docker and internet there is no such file and the current environment is used as is.
 */
export function readDockerEnv(): NodeJS.ProcessEnv {
  const labHome = process.env.LAB_HOME ?? '/var/lib/nx-dockerize-lab';
  const file = join(labHome, 'env');
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!existsSync(file)) return env;
  for (const line of readFileSync(file, 'utf-8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2].replace(/^["']|["']$/g, '');
  }
  return env;
}
