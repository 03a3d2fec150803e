import { joinPath } from '../detect/join-path';
import type { BakeTarget, Mount, Step } from '../types';
import { toImageNames } from '../bake/to-image-names';

/** The uid/gid the Python and Java slim runtimes create (distroless brings its own `nonroot`). */
export const SERVICE_UID = 10001;

/**
 * The optional `ca-certificates` build secret (the same id the Node recipe uses), mounted over the
 * image's system bundle for the install only: the tools are told to read the system bundle (uv
 * UV_NATIVE_TLS, pip PIP_CERT), so a bundle with a corporate CA reaches them without entering a layer.
 * Without the secret nothing is mounted and the image's own bundle is used.
 */
export const SYSTEM_CA_SECRET: Mount = {
  type: 'secret',
  id: 'ca-certificates',
  target: '/etc/ssl/certs/ca-certificates.crt',
};

/**
 * The optional `ca-certificates` build secret at its own path, for tools told to read an extra
 * bundle (NODE_EXTRA_CA_CERTS, Go's SSL_CERT_DIR, cargo's CARGO_HTTP_CAINFO): mounted for downloads
 * only, never in a layer; without the secret nothing is mounted.
 */
export const CA_SECRET: Mount = { type: 'secret', id: 'ca-certificates', target: '/run/secrets/ca-certificates.crt' };

/** A numeric system user (and group) with no home and no shell, for slim runtimes. */
export function planCreateUserStep(uid: number): Step {
  return {
    kind: 'run',
    role: 'setup',
    command: [
      '/bin/sh',
      '-c',
      `groupadd --system --gid ${uid} app && useradd --system --uid ${uid} --gid ${uid} --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app`,
    ],
    mounts: [],
  };
}

export function planServiceLabels(project: string, projectRoot: string): Step {
  return {
    kind: 'label',
    labels: {
      'org.opencontainers.image.title': project,
      'org.opencontainers.image.description': `${project} (${projectRoot}), built by nx-dockerize`,
    },
  };
}

/** The fields the generator owns in the project's bake target; the image name comes from `toImageNames`. */
export function planServiceBake(project: string, projectRoot: string): BakeTarget {
  return {
    context: '.',
    dockerfile: joinPath(projectRoot, 'Dockerfile'),
    tags: [`${toImageNames(project).repository}:latest`],
  };
}

/** `COPY <root>/<file>` sources for project-relative manifests (directories keep their trailing slash). */
export function toProjectPaths(projectRoot: string, files: string[]): string[] {
  return files.map((file) => joinPath(projectRoot, file));
}
