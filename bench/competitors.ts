import { join } from 'node:path';
import versions from '../plugin/versions.json';
import { REPO } from './lib';

/**
 * Competitor Dockerfiles live under bench/competitors/workloads/<workload>/ (each with a header
 * naming its source); this module holds the lab's stand-in image names and `adaptForLab`, the
 * only edits made to them.
 */
export const COMPETITORS = join(REPO, 'bench/competitors');

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
