/**
 * The real-size workloads (issue #17): one small real workspace per ecosystem under
 * bench/workloads/<id>/, each with the service `api` (the one measured) and a sibling project
 * `worker` (whose dependency change must not rebuild api). Lockfiles were made by the real tools
 * (npm 11, go mod tidy, cargo generate-lockfile, uv 0.13.9; Maven has none: the runtime jars
 * `mvn dependency:list` resolves are counted instead).
 *
 * Shape: `WorkloadSpec` rows; `countPackages(spec, dir)` → the number of packages/modules/crates the
 * workload's lockfile (or Maven's resolution) holds, read at run time so the report never goes stale.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import versions from '../plugin/versions.json';
import { LAB_DEBIAN, LAB_GOLANG, LAB_JRE, LAB_MAVEN, LAB_NODE, LAB_PYTHON, LAB_RUST } from './competitors';

export interface CompetitorFile {
  /** Variant id in the report. */
  id: 'upstream docs' | 'naive' | 'nx-docker';
  /** bench/competitors/workloads/<workload>/<file>. */
  file: string;
  /** Build context, workspace-relative. */
  context: string;
  /** The runtime base as dockerd can pull it, for the size breakdown. */
  base: string;
}

export interface WorkloadSpec {
  id: 'node' | 'go' | 'rust' | 'python' | 'java';
  language: string;
  /** What the service is built from, for the report. */
  stack: string;
  /** Workspace-relative file the one-line edit appends a comment to, and its comment marker. */
  source: string;
  marker: string;
  port: number;
  /** The lockfile counted, and what a counted entry is. */
  lockfile: string;
  unit: string;
  competitors: CompetitorFile[];
  /** The edit floor: the same compile on the host with warm caches (cwd = apps/api); none → 0 s. */
  hostBuild?: { cmd: string; args: string[]; env?: Record<string, string> };
  /** Adds a dependency to the sibling project `worker` with the real tool (cwd = the workspace copy). */
  siblingDependency(workspace: string): void;
  /** Minutes this workload may use in a full run; repetitions of the fast scenarios fit inside. */
  budgetMin: number;
}

const run = (cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { cwd, stdio: 'pipe', env: { ...process.env, ...env } });

/** A unique version bump, so a repeated sibling change is still a change. */
const stamp = () => `${Date.now()}`;

const upstream = (file: string, base: string): CompetitorFile => ({
  id: 'upstream docs',
  file,
  context: 'apps/api',
  base,
});
const naive = (base: string): CompetitorFile => ({ id: 'naive', file: 'naive.Dockerfile', context: '.', base });

/** uv and cargo need the machine CA to reach their registries through the lab's proxy. */
const CA_ENV = { SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt', UV_NATIVE_TLS: '1' };
const UV_VENV = '/tmp/bench-uv';

/** uv for the sibling's relock: BENCH_UV, else the lab's uv version installed once from PyPI into /tmp/bench-uv. */
function uv(): string {
  if (process.env.BENCH_UV) return process.env.BENCH_UV;
  const bin = join(UV_VENV, 'bin/uv');
  if (!existsSync(bin)) {
    run('python3', ['-m', 'venv', UV_VENV], '/tmp');
    run(join(UV_VENV, 'bin/pip'), ['install', '-q', `uv==${versions.python.uv}`], '/tmp', CA_ENV);
  }
  return bin;
}
export const FLOOR_CACHE = '/tmp/nx-dockerize-bench-floors';

export const WORKLOADS: WorkloadSpec[] = [
  {
    id: 'node',
    language: 'Node (NestJS)',
    stack:
      'NestJS 12 + TypeORM on sql.js + class-validator/class-transformer + @nestjs/config, built by webpack through Nx',
    source: 'apps/api/src/app/app.controller.ts',
    marker: '//',
    port: 3000,
    lockfile: 'package-lock.json',
    unit: 'packages',
    competitors: [
      { id: 'nx-docker', file: 'nx-docker.Dockerfile', context: 'apps/api', base: LAB_NODE },
      naive(LAB_NODE),
    ],
    siblingDependency: (ws) => {
      // The integrated repo's one package.json gains a package only apps/worker imports.
      run('npm', ['install', `ms@2.1.3`, '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], ws);
      const main = join(ws, 'apps/worker/src/main.ts');
      writeFileSync(main, `${readFileSync(main, 'utf-8')}\n// uses ms ${stamp()}\n`);
    },
    budgetMin: 11,
  },
  {
    id: 'go',
    language: 'Go',
    stack: 'gin + gorm (postgres dialect, pgx driver, DryRun: no database needed) + zap',
    source: 'apps/api/main.go',
    marker: '//',
    port: 8080,
    lockfile: 'apps/api/go.sum',
    unit: 'modules',
    competitors: [upstream('upstream-docs.Dockerfile', 'localhost:5000/gcr/distroless/cc-debian12'), naive(LAB_GOLANG)],
    hostBuild: { cmd: 'go', args: ['build', '-o', `${FLOOR_CACHE}/go-api`, '.'] },
    siblingDependency: (ws) => {
      const dir = join(ws, 'apps/worker');
      run('go', ['get', 'github.com/google/uuid@v1.6.0'], dir);
      writeFileSync(join(dir, 'dep.go'), `package main\n\nimport _ "github.com/google/uuid"\n\n// ${stamp()}\n`);
      run('go', ['mod', 'tidy'], dir);
    },
    budgetMin: 11,
  },
  {
    id: 'python',
    language: 'Python',
    stack: 'FastAPI[standard] + SQLAlchemy 2 + alembic + pydantic-settings + httpx + uvicorn[standard], uv',
    source: 'apps/api/src/api/main.py',
    marker: '#',
    port: 8000,
    lockfile: 'apps/api/uv.lock',
    unit: 'packages',
    competitors: [upstream('upstream-docs.Dockerfile', LAB_PYTHON), naive(LAB_PYTHON)],
    siblingDependency: (ws) => {
      const dir = join(ws, 'apps/worker');
      run(uv(), ['add', '--no-sync', 'python-dateutil==2.9.0.post0'], dir, CA_ENV);
      const init = join(dir, 'src/worker/__init__.py');
      writeFileSync(init, `${readFileSync(init, 'utf-8')}\n# uses dateutil ${stamp()}\n`);
    },
    budgetMin: 6,
  },
  {
    id: 'java',
    language: 'Java (Spring Boot)',
    stack: 'Spring Boot 3.5 web + data-jpa + h2 + validation + actuator, Maven',
    source: 'apps/api/src/main/java/com/example/api/ApiApplication.java',
    marker: '//',
    port: 8080,
    lockfile: 'apps/api/pom.xml (runtime jars resolved by mvn dependency:list)',
    unit: 'jars',
    competitors: [upstream('upstream-docs.Dockerfile', LAB_JRE), naive(LAB_MAVEN)],
    hostBuild: { cmd: 'mvn', args: ['-o', '-q', '-B', 'package', '-DskipTests'] },
    siblingDependency: (ws) => {
      const pom = join(ws, 'apps/worker/pom.xml');
      const dep = `<dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId><version>2.13.1</version></dependency>`;
      writeFileSync(
        pom,
        readFileSync(pom, 'utf-8')
          .replace('<dependencies>', `<dependencies>\n    ${dep}`)
          .replace(/<version>0\.0\.1-SNAPSHOT<\/version>/, `<version>0.0.${stamp()}-SNAPSHOT</version>`),
      );
    },
    budgetMin: 8,
  },
  {
    id: 'rust',
    language: 'Rust',
    stack: 'axum 0.8 + tokio + serde + tracing-subscriber + tower-http + reqwest 0.12 (rustls, ring) + uuid + chrono',
    source: 'apps/api/src/main.rs',
    marker: '//',
    port: 8080,
    lockfile: 'apps/api/Cargo.lock',
    unit: 'crates',
    competitors: [upstream('upstream-docs.Dockerfile', LAB_DEBIAN), naive(LAB_RUST)],
    hostBuild: {
      cmd: 'cargo',
      args: ['build', '--release', '--locked'],
      env: { CARGO_TARGET_DIR: `${FLOOR_CACHE}/rust-target` },
    },
    siblingDependency: (ws) => {
      const dir = join(ws, 'apps/worker');
      run('cargo', ['add', 'itoa@1'], dir, CA_ENV); // updates apps/worker/Cargo.lock too
      const main = join(dir, 'src/main.rs');
      writeFileSync(main, `${readFileSync(main, 'utf-8')}\n// uses itoa ${stamp()}\n`);
    },
    budgetMin: 16,
  },
];

/** Entries in the workload's lockfile: npm `node_modules/` keys, go.sum modules, Cargo/uv `[[package]]`s, Maven runtime jars. */
export function countPackages(spec: WorkloadSpec, dir: string): number {
  if (spec.id === 'java') {
    const out = join(FLOOR_CACHE, 'java-deps.txt');
    run(
      'mvn',
      ['-B', '-q', '-ntp', 'dependency:list', `-DoutputFile=${out}`, '-DincludeScope=runtime'],
      join(dir, 'apps/api'),
    );
    return readFileSync(out, 'utf-8')
      .split('\n')
      .filter((l) => /:jar:/.test(l)).length;
  }
  const text = readFileSync(join(dir, spec.lockfile), 'utf-8');
  if (spec.id === 'node')
    return Object.keys(JSON.parse(text).packages).filter((k) => k.includes('node_modules/')).length;
  if (spec.id === 'go')
    return new Set(
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[0]),
    ).size;
  // Cargo.lock and uv.lock: every [[package]] but the workload's own.
  return (text.match(/^\[\[package\]\]$/gm) ?? []).length - 1;
}
