/** The machine facts printed at the top of the report: CPU, memory, versions, BuildKit's worker network and GC bounds. */
import { execFileSync } from 'node:child_process';
import { readDockerEnv } from '../e2e/lib/docker-env';
import versions from '../plugin/versions.json';

export function machine(): Record<string, string> {
  const sh = (cmd: string) => {
    try {
      return execFileSync('bash', ['-c', cmd], { env: { ...process.env, ...readDockerEnv() } })
        .toString()
        .trim();
    } catch {
      return 'unknown';
    }
  };
  const builder = builderFacts(sh('docker buildx inspect nx-dockerize-lab'));
  return {
    cpus: sh('nproc'),
    cpuModel: sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"),
    memory: sh("free -h | awk '/Mem:/{print $2}'"),
    kernel: sh('uname -r'),
    node: process.version,
    docker: sh('/usr/bin/docker version --format "{{.Server.Version}}"'),
    buildx: sh('docker buildx version'),
    buildkit: builder.buildkit,
    labVersions: JSON.stringify(versions.tools),
    workerNetwork: builder.workerNetwork,
    buildkitGc: builder.buildkitGc,
  };
}

/** BuildKit version, worker network and GC bounds (the cache the warm scenarios rely on), from one `buildx inspect`. */
function builderFacts(inspect: string): { buildkit: string; workerNetwork: string; buildkitGc: string } {
  if (inspect === 'unknown') return { buildkit: 'unknown', workerNetwork: 'unknown', buildkitGc: 'unknown' };
  const lines = inspect.split('\n');
  const value = (label: RegExp) =>
    lines
      .find((l) => label.test(l))
      ?.replace(label, '')
      .trim() ?? '';
  const lastRule = lines.findIndex((l) => l.includes('GC Policy rule#3'));
  const gcBounds =
    lastRule < 0 ? [] : lines.slice(lastRule + 1, lastRule + 5).filter((l) => /Reserved|Max Used/.test(l));
  return {
    buildkit: value(/^.*BuildKit version:/),
    workerNetwork: value(/^.*worker\.network:/),
    buildkitGc: gcBounds.map((l) => l.trim().replace(/ +/g, ' ')).join('; '),
  };
}
