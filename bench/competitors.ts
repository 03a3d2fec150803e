import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExamples, EXAMPLES } from '../e2e/lib/workspace-copy';
import versions from '../plugin/versions.json';
import { log, REPO } from './lib';

/**
 * Competitor Dockerfiles, produced by the competitors themselves (at run time, into copies of
 * examples/) and committed under bench/competitors/<tool>/ as a record of what they produced.
 */
export const NX_VERSION = '23.2.1';
export const FLY_VERSION = '0.7.10';
export const COMPETITORS = join(REPO, 'bench/competitors');

export interface NodeService {
  project: string;
  dir: 'orders' | 'inventory';
  bakeTarget: string;
  source: string;
  libs: string[];
  hostBuild: string[];
  hostOutput: string;
}

export const NODE_SERVICES: NodeService[] = [
  {
    project: 'orders',
    dir: 'orders',
    bakeTarget: 'orders',
    source: 'apps/orders/src/main.ts',
    libs: ['health', 'money'],
    hostBuild: [
      'apps/orders/src/main.ts',
      '--bundle',
      '--platform=node',
      '--target=node22',
      '--outfile=dist/apps/orders/main.js',
    ],
    hostOutput: 'dist/apps/orders',
  },
  {
    project: '@examples/inventory',
    dir: 'inventory',
    bakeTarget: 'examples-inventory',
    source: 'apps/inventory/src/main.ts',
    libs: ['health'],
    hostBuild: [
      'apps/inventory/src/main.ts',
      '--bundle',
      '--platform=node',
      '--target=node22',
      '--external:ms',
      '--outfile=apps/inventory/dist/main.js',
    ],
    hostOutput: 'apps/inventory/dist',
  },
];

const quiet = {
  stdio: 'pipe' as const,
  env: {
    ...process.env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_INTERACTIVE: 'false',
    NX_TUI: 'false',
    CI: 'true',
  },
};

// The lab's stand-ins, named from the one version table the generator and the lab share.
const NODE_MAJOR = versions.node.defaultMajor;
export const LAB_NODE = versions.node.images.slim.replace('{major}', NODE_MAJOR);
export const LAB_GOLANG = versions.go.images.build.replace('{minor}', versions.go.defaultMinor);
export const LAB_PYTHON = versions.python.images.slim.replace('{minor}', versions.python.defaultMinor);
export const LAB_UV = versions.python.images.uv.replace('{version}', versions.python.uv);
export const LAB_RUST = versions.rust.images.build.replace('{minor}', versions.rust.defaultMinor);
export const LAB_DEBIAN = `debian:${versions.debian.tag}`;
const JAVA_MAJOR = versions.java.lab.major;
export const LAB_JRE = versions.java.images.jre.replace('{major}', JAVA_MAJOR);
export const LAB_MAVEN = versions.java.images.maven.replace('{major}', JAVA_MAJOR);
const UBUNTU_JRE_FROM = new RegExp(`^FROM eclipse-temurin:${JAVA_MAJOR}-jre-jammy `);

/**
 * The only edits made to a competitor's Dockerfile so it can build in the registry-less lab
 * (never to ours, which needs none): drop `# syntax=` lines; map base images the lab does not
 * serve to its stand-ins (Node, Go, Python, uv, Rust, Debian for Alpine, Temurin on Debian for
 * Ubuntu jammy) and Alpine's `apk add` to its apt equivalent; strip the colour codes the lab's
 * Maven adds to `help:evaluate` output; after each external FROM, point npm, uv and pip at the
 * machine's CA bundle (the stand-ins carry it) so they can reach their registries.
 */
export function adaptForLab(dockerfile: string): string {
  const out: string[] = [];
  for (const line of dockerfile.split('\n')) {
    if (/^#\s*syntax\s*=/.test(line)) continue;
    const l = line
      .replace(/docker\.io\/node:lts-alpine/, LAB_NODE)
      .replace(/^ARG NODE_VERSION=.*$/, `ARG NODE_VERSION=${NODE_MAJOR}`)
      .replace(/node:\$\{NODE_VERSION\}-slim/, 'node:${NODE_VERSION}-bookworm-slim')
      .replace(/^FROM golang:1\.19 /, `FROM ${LAB_GOLANG} `)
      .replace(/gcr\.io\/distroless\/base-debian11/, 'gcr.io/distroless/cc-debian12')
      .replace(/^FROM python:3\.12-slim$/, `FROM ${LAB_PYTHON}`)
      .replace(/ghcr\.io\/astral-sh\/uv:0\.13 /, `${LAB_UV} `)
      .replace(/^ARG RUST_VERSION=.*$/, `ARG RUST_VERSION=${versions.rust.defaultMinor}`)
      .replace(
        /docker\.io\/library\/rust:\$\{RUST_VERSION\}-alpine/,
        versions.rust.images.build.replace('{minor}', '${RUST_VERSION}'),
      )
      .replace(
        /^RUN apk add --no-cache clang lld musl-dev git$/,
        'RUN apt-get update && apt-get install -y --no-install-recommends clang lld git && rm -rf /var/lib/apt/lists/*',
      )
      .replace(/docker\.io\/library\/alpine:3\.18/, LAB_DEBIAN)
      .replace(UBUNTU_JRE_FROM, `FROM ${LAB_JRE} `)
      // The lab's Maven is Debian's 3.8.7, which appends ANSI colour resets to `-q -DforceStdout`
      // output whatever the colour settings; upstream's maven:3 (3.9) prints the bare value.
      .replace(/\$\((mvn help:evaluate [^)]*-DforceStdout)\)/g, "$($1 | sed 's/\\x1b\\[[0-9;]*m//g')");
    out.push(l);
    const from = /^FROM\s+(\S+)/i.exec(l);
    if (from && /node:/.test(from[1])) out.push('ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt');
    // uv and pip bring their own CA roots: point them at the system bundle (the lab's CA is in it).
    // The lab's Python stand-in is Debian's python3, marked externally managed (PEP 668); upstream
    // python images are not, so pip may install into it as it would there.
    if (from && /python:/.test(from[1]))
      out.push('ENV UV_NATIVE_TLS=1 PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_BREAK_SYSTEM_PACKAGES=1');
  }
  return out.join('\n');
}

/**
 * @nx/docker 23.2.1 ships only an `init` generator; the Dockerfile Nx writes for a Node app comes
 * from @nx/node's `setup-docker` (which registers @nx/docker's inferred `docker:build`). Runs it
 * in a copy of examples/ and records the output under bench/competitors/nx-docker/.
 */
export function generateNxDocker(): Record<string, string> {
  const ws = copyExamples();
  const files: Record<string, string> = {};
  try {
    cpSync(join(EXAMPLES, 'node_modules'), join(ws, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    execFileSync('git', ['init', '-q'], { cwd: ws });
    // inventory's build target is inferred from its package.json script; setup-docker reads
    // project.targets.build from the project configuration and throws without an explicit one.
    const invPkg = join(ws, 'apps/inventory/package.json');
    const pkg = JSON.parse(readFileSync(invPkg, 'utf-8'));
    pkg.nx.targets = { build: { executor: 'nx:run-script', options: { script: 'build' } } };
    writeFileSync(invPkg, JSON.stringify(pkg, null, 2));
    for (const svc of NODE_SERVICES) {
      // setup-docker never overwrites an existing Dockerfile (ours is committed in examples/).
      rmSync(join(ws, `apps/${svc.dir}/Dockerfile`), { force: true });
      rmSync(join(ws, `apps/${svc.dir}/Dockerfile.dockerignore`), { force: true });
      // setup-docker runs `npm install` for @nx/docker, which drops --no-save packages: reinstall each time.
      execFileSync(
        'npm',
        ['install', '--no-save', '--no-audit', '--no-fund', `@nx/docker@${NX_VERSION}`, `@nx/node@${NX_VERSION}`],
        { cwd: ws, ...quiet },
      );
      execFileSync(
        join(ws, 'node_modules/.bin/nx'),
        [
          'g',
          '@nx/node:setup-docker',
          `--project=${svc.project}`,
          `--outputPath=${svc.hostOutput}`,
          '--no-interactive',
        ],
        { cwd: ws, ...quiet },
      );
      files[svc.dir] = readFileSync(join(ws, `apps/${svc.dir}/Dockerfile`), 'utf-8');
      const dest = join(COMPETITORS, 'nx-docker', svc.dir);
      mkdirSync(dest, { recursive: true });
      writeFileSync(join(dest, 'Dockerfile'), files[svc.dir]);
    }
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
  return files;
}

/**
 * Fly's generator expects a standalone Node app (its own package.json + lockfile, sources inside).
 * Each service is made standalone: its sources, the libraries it imports under ./libs, the root
 * tsconfig.base.json (its path aliases are relative, so they still resolve), the root devDependencies
 * the build needs, a `build` and `start` script (orders has no package.json: one is written), and
 * a lockfile from `npm install --package-lock-only`. Then `npx @flydotio/dockerfile --force`.
 */
export function makeFlyStandalone(svc: NodeService, into: string, workspace = EXAMPLES): void {
  mkdirSync(into, { recursive: true });
  cpSync(join(workspace, `apps/${svc.dir}/src`), join(into, 'src'), { recursive: true });
  for (const lib of svc.libs) cpSync(join(workspace, `libs/${lib}`), join(into, `libs/${lib}`), { recursive: true });
  cpSync(join(workspace, 'tsconfig.base.json'), join(into, 'tsconfig.base.json'));
  writeFileSync(
    join(into, 'tsconfig.json'),
    JSON.stringify({ extends: './tsconfig.base.json', include: ['src/**/*.ts'] }, null, 2),
  );
  const root = JSON.parse(readFileSync(join(workspace, 'package.json'), 'utf-8'));
  const devDependencies = {
    '@types/node': root.devDependencies['@types/node'],
    esbuild: root.devDependencies.esbuild,
    typescript: root.devDependencies.typescript,
  };
  const own = existsSync(join(workspace, `apps/${svc.dir}/package.json`))
    ? JSON.parse(readFileSync(join(workspace, `apps/${svc.dir}/package.json`), 'utf-8'))
    : {};
  const external = svc.hostBuild.filter((a) => a.startsWith('--external')).join(' ');
  const pkg = {
    name: svc.dir,
    version: own.version ?? '0.0.0',
    private: true,
    scripts: {
      build: `esbuild src/main.ts --bundle --platform=node --target=node22 ${external} --outfile=dist/main.js`.replace(
        / +/g,
        ' ',
      ),
      start: 'node dist/main.js',
    },
    dependencies: own.dependencies ?? {},
    devDependencies,
  };
  writeFileSync(join(into, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: into,
    stdio: 'pipe',
  });
}

export function generateFly(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const svc of NODE_SERVICES) {
    const dir = mkdtempSync(join(tmpdir(), `bench-fly-${svc.dir}-`));
    try {
      makeFlyStandalone(svc, dir);
      execFileSync('npx', ['--yes', `@flydotio/dockerfile@${FLY_VERSION}`, '--force'], {
        cwd: dir,
        stdio: 'pipe',
        input: '',
      });
      files[svc.dir] = readFileSync(join(dir, 'Dockerfile'), 'utf-8');
      const dest = join(COMPETITORS, 'fly', svc.dir);
      mkdirSync(dest, { recursive: true });
      for (const f of ['Dockerfile', '.dockerignore', 'package.json']) cpSync(join(dir, f), join(dest, f));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return files;
}

/** Regenerates the competitors' files with the tools themselves; falls back to the committed record. */
export function generateCompetitors(): { nxDocker: string; fly: string } {
  let nxDocker = `@nx/node@${NX_VERSION} setup-docker (with @nx/docker@${NX_VERSION}), generated in this run`;
  let fly = `@flydotio/dockerfile@${FLY_VERSION}, generated in this run`;
  try {
    generateNxDocker();
  } catch (error) {
    nxDocker = `@nx/node@${NX_VERSION} setup-docker: regeneration failed in this run (${(error as Error).message.split('\n')[0]}); committed output used`;
    log(nxDocker);
  }
  try {
    generateFly();
  } catch (error) {
    fly = `@flydotio/dockerfile@${FLY_VERSION}: regeneration failed in this run (${(error as Error).message.split('\n')[0]}); committed output used`;
    log(fly);
  }
  return { nxDocker, fly };
}
