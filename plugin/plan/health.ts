import type { HealthProbe, Sourced, Step } from '../types';

/**
 * What a runtime image can run to probe itself (none of them has curl or wget):
 * - `node`: the image's node (slim `node`, distroless `/nodejs/bin/node`): fetch / net;
 * - `python`: the venv's python: urllib / socket;
 * - `bash`: bash's /dev/tcp (Debian-based JRE images have bash);
 * - `binary`: a distroless image whose only program is the service: its own probe flag, if it has one.
 */
export type HealthTool =
  | { kind: 'node'; binary: string }
  | { kind: 'python'; binary: string }
  | { kind: 'bash' }
  | { kind: 'binary'; argv?: string[]; image: string; source?: string };

/** The HEALTHCHECK step (or none) and the header note that says why. */
export interface HealthPlan {
  steps: Step[];
  /** Undefined without a port: the recipe's own port note says so. */
  note?: string;
}

/**
 * Plans the image's HEALTHCHECK from the detected probe (detect/detect-health.ts), the port and what
 * the runtime image can run. HTTP only on a route that was found or given; else a TCP connect; never
 * a guessed `/health`. No port: nothing to probe. A distroless image without a self-probe gets none,
 * and the note says so.
 */
export function planHealth(
  health: Sourced<HealthProbe> | undefined,
  port: number | undefined,
  tool: HealthTool,
): HealthPlan {
  const probe = health?.value ?? { kind: 'tcp' };
  const from = health ? ` (from ${health.source})` : '';
  if (port === undefined) return { steps: [] };
  if (probe.kind === 'none') return { steps: [], note: `No HEALTHCHECK${from}.` };
  const target =
    probe.kind === 'http'
      ? `GET http://127.0.0.1:${probe.port ?? port}${probe.path} must answer 2xx`
      : `port ${port} must accept a TCP connection`;
  if (tool.kind === 'binary') {
    if (!tool.argv) {
      return {
        steps: [],
        note: `No HEALTHCHECK: ${tool.image} has no shell and the binary has no probe mode of its own; let the orchestrator probe ${probe.kind === 'http' ? `GET ${probe.path} on port ${probe.port ?? port}` : `TCP port ${port}`}${from}.`,
      };
    }
    const flag = tool.source ? `, from ${tool.source}` : '';
    return {
      steps: [{ kind: 'healthcheck', command: tool.argv }],
      note: `HEALTHCHECK runs \`${tool.argv.join(' ')}\`, the binary's own probe mode (${tool.image} has no shell or curl${flag}).`,
    };
  }
  return {
    steps: [
      {
        kind: 'healthcheck',
        command: toProbeCommand(probe, probe.kind === 'http' ? (probe.port ?? port) : port, tool),
      },
    ],
    note: `HEALTHCHECK: ${target}${from}; ${TOOL_NAMES[tool.kind]}. Override with --healthcheck=/path|tcp|none.`,
  };
}

const TOOL_NAMES = {
  node: "probed with the image's node (no curl in the image)",
  python: "probed with the venv's python (no curl in the image)",
  bash: "probed with bash's /dev/tcp (no curl in the image)",
};

function toProbeCommand(probe: HealthProbe, port: number, tool: Exclude<HealthTool, { kind: 'binary' }>): string[] {
  const path = probe.kind === 'http' ? probe.path : undefined;
  switch (tool.kind) {
    case 'node':
      return [
        tool.binary,
        '-e',
        path
          ? `fetch('http://127.0.0.1:${port}${path}').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`
          : `require('net').connect(${port},'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))`,
      ];
    case 'python':
      return [
        tool.binary,
        '-c',
        path
          ? `import urllib.request; urllib.request.urlopen('http://127.0.0.1:${port}${path}', timeout=4)`
          : `import socket; socket.create_connection(('127.0.0.1', ${port}), timeout=4).close()`,
      ];
    case 'bash':
      return [
        'bash',
        '-c',
        path
          ? `exec 3<>/dev/tcp/127.0.0.1/${port} && printf 'GET ${path} HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 2[0-9][0-9] '`
          : `exec 3<>/dev/tcp/127.0.0.1/${port}`,
      ];
  }
}
