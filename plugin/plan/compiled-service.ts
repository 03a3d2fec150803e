import { joinPath } from '../detect/join-path';
import versions from '../versions.json';
import { toBakeTargetName } from '../bake/to-bake-target-name';
import type { BakeTarget, BuildContextFacts, Mount, Sourced, Stage, Step } from '../types';
import { planAllowList } from './allow-list';

/**
 * What the Go and Rust recipes share: a compiled binary copied into a distroless runtime,
 * an allow-list ignore file, a bake target. Language knowledge stays in go.ts / rust.ts.
 */
export interface CompiledService {
  project: string;
  projectRoot: string;
  closure: string[];
  buildContext?: BuildContextFacts;
  /** Absolute path of the binary in the build stage. */
  artifact: string;
  binary: string;
  runtimeImage: string;
  port?: number;
  healthcheckFlag?: Sourced<string>;
}

/** Optional CA bundle of a TLS-intercepting proxy: mounted for downloads only, never in a layer. */
export const CA_SECRET: Mount = { type: 'secret', id: 'ca-certificates', target: '/run/secrets/ca-certificates.crt' };

export const NONROOT_UID = versions.distroless.nonrootUid;

/** `gcr.io/distroless/static-debian12` → `{ image, tag: '' }` (the image's default tag). */
export function toImageRef(reference: string) {
  const colon = reference.lastIndexOf(':');
  return colon <= reference.lastIndexOf('/') ? { image: reference, tag: '' } : { image: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}

/** Libraries of the Nx dependency closure first (they change less often), then the project. */
export function planSourceCopies(service: Pick<CompiledService, 'projectRoot' | 'closure'>): Step[] {
  const roots = [...service.closure.filter((root) => root !== service.projectRoot), service.projectRoot];
  return roots.map((root): Step => ({ kind: 'copy', sources: [root === '.' ? './' : `${root}/`], dest: root === '.' ? '/workspace/' : `/workspace/${root}/` }));
}

/**
 * The binary alone on distroless, as uid/gid 65532. Distroless has no shell and no curl: a
 * HEALTHCHECK exists only when the binary can probe itself (its `-healthcheck` mode).
 */
export function planCompiledRuntime(service: CompiledService): Stage {
  const binary = `/app/${service.binary}`;
  const portSteps: Step[] = service.port === undefined ? [] : [{ kind: 'expose', port: service.port }];
  const health: Step[] = service.port !== undefined && service.healthcheckFlag ? [{ kind: 'healthcheck', command: [binary, service.healthcheckFlag.value] }] : [];
  return {
    name: 'runtime',
    role: 'runtime',
    from: toImageRef(service.runtimeImage),
    steps: [
      { kind: 'copy', from: 'build', sources: [service.artifact], dest: binary, link: true },
      { kind: 'user', uid: NONROOT_UID, gid: NONROOT_UID },
      ...portSteps,
      ...health,
      {
        kind: 'label',
        labels: {
          'org.opencontainers.image.title': service.project,
          'org.opencontainers.image.description': `${service.project} (${service.projectRoot}), built by nx-dockerize`,
        },
      },
      { kind: 'entrypoint', argv: [binary] },
    ],
  };
}

export function planHealthNote(service: CompiledService): string {
  if (service.port === undefined) return 'No port detected: no EXPOSE and no HEALTHCHECK.';
  if (service.healthcheckFlag) return `HEALTHCHECK runs \`${service.binary} ${service.healthcheckFlag.value}\` (from ${service.healthcheckFlag.source}): distroless has no shell or curl, so the binary probes its own GET /health.`;
  return `No HEALTHCHECK: distroless has no shell or curl and the binary has no -healthcheck mode; give it one (see examples/apps/catalog-go) or rely on the orchestrator's HTTP probe of GET /health on port ${service.port}.`;
}

/** Allow-list for `<root>/Dockerfile.dockerignore` (plan/allow-list.ts): the closure and the project, minus `excludeEverywhere` names. */
export function planCompiledIgnore(service: CompiledService, excludeEverywhere: string[]): string[] {
  return planAllowList({ ...service, excludeEverywhere });
}

export function planCompiledBake(service: CompiledService): BakeTarget {
  return {
    context: '.',
    dockerfile: joinPath(service.projectRoot, 'Dockerfile'),
    tags: [`${toBakeTargetName(service.project).toLowerCase()}:latest`],
  };
}
