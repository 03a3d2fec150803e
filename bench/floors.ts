/**
 * The floors every figure is also given as a ratio to (issue #17):
 *
 * - edit floor: the same compile run on the host with warm caches after the same one-line edit
 *   (`go build`, `cargo build --release`, `mvn -o package`, the Node build through Nx; Python
 *   compiles nothing: 0 s). One unmeasured warm-up build first, in a copy of the workload, with
 *   the host's caches (Go's build cache, ~/.m2, a persistent CARGO_TARGET_DIR under FLOOR_CACHE).
 * - network floor: the time to fetch, from the lab registry, every blob of the registry cache a
 *   fresh runner imports (the cache manifest's layers, all of them in parallel as BuildKit would):
 *   no build can start from that cache faster than its bytes arrive.
 *
 * - extraction floor: an empty runner (`lab.sh runner up`) building `FROM <image>` + `RUN true`, no
 *   cache: pulling and extracting the image at the root of ours' build stage. A fresh-runner edit
 *   needs that filesystem before its first re-run step, so it pays at least this (plus the compile);
 *   its MB/s (compressed) is the rate at which this machine's BuildKit turns blobs into a filesystem.
 *
 * Shape: `editFloor(spec, nodeWorkspace?) → { seconds, detail }`; `networkFloor(ref) → { seconds, bytes, blobs }`;
 * `extractionFloor(image, runner) → { seconds, bytes }`.
 * Throws with the failing command's output tail.
 */
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onFreshRunner } from '../e2e/lib/extra-runner';
import { buildxBuild, timed } from './lib';
import { copyWorkload } from './workload-variants';
import { FLOOR_CACHE, type WorkloadSpec } from './workloads';

export interface EditFloor {
  seconds: number;
  detail: string;
}

const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true' };

/** `nodeWorkspace`: an installed copy of the Node workload (nx-docker's, which needs the install anyway). */
export async function editFloor(spec: WorkloadSpec, nodeWorkspace?: string): Promise<EditFloor> {
  if (spec.id === 'python') return { seconds: 0, detail: 'Python compiles nothing: the edit floor is 0 s' };
  mkdirSync(FLOOR_CACHE, { recursive: true });
  const edit = (ws: string) =>
    appendFileSync(join(ws, spec.source), `\n${spec.marker} bench floor edit ${Date.now()}\n`);
  if (spec.id === 'node') {
    if (!nodeWorkspace) throw new Error('node edit floor: no installed copy of the workload');
    const nx = join(nodeWorkspace, 'node_modules/.bin/nx');
    const args = ['run', 'api:build'];
    const env = { ...process.env, ...NX_ENV };
    await timed(nx, args, nodeWorkspace, env); // warm: webpack's own caches, Nx's graph
    edit(nodeWorkspace);
    const run = await timed(nx, args, nodeWorkspace, env);
    if (run.exitCode !== 0) throw new Error(`node edit floor: ${run.output.slice(-400)}`);
    return {
      seconds: run.seconds,
      detail: '`nx run api:build` (webpack) on the host after the edit, installed workspace',
    };
  }
  const host = spec.hostBuild!;
  const ws = copyWorkload(spec.id);
  const cwd = join(ws, 'apps/api');
  const env = { ...process.env, ...host.env };
  // Warm-up: online (Maven resolves its plugins once), then the measured build offline where the tool has a switch.
  const warm = await timed(host.cmd, host.cmd === 'mvn' ? host.args.filter((a) => a !== '-o') : host.args, cwd, env);
  if (warm.exitCode !== 0) throw new Error(`${spec.id} edit floor warm-up: ${warm.output.slice(-400)}`);
  edit(ws);
  const run = await timed(host.cmd, host.args, cwd, env);
  if (run.exitCode !== 0) throw new Error(`${spec.id} edit floor: ${run.output.slice(-400)}`);
  return {
    seconds: run.seconds,
    detail: `\`${host.cmd} ${host.args.join(' ')}\` on the host after the edit, warm caches`,
  };
}

export interface NetworkFloor {
  seconds: number;
  bytes: number;
  blobs: number;
}

const ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** `ref` = localhost:5000/<repo>:<tag> as exported with image-manifest=true (one OCI manifest). */
export async function networkFloor(ref: string): Promise<NetworkFloor> {
  const m = /^([^/]+)\/(.+):([^:]+)$/.exec(ref);
  if (!m) throw new Error(`network floor: cannot parse cache ref ${ref}`);
  const [, host, repo, tag] = m;
  const base = `http://${host}/v2/${repo}`;
  const res = await fetch(`${base}/manifests/${tag}`, { headers: { Accept: ACCEPT } });
  if (!res.ok) throw new Error(`network floor: GET ${ref} manifest: HTTP ${res.status}`);
  const manifest = (await res.json()) as { layers?: { digest: string; size: number }[] };
  const layers = manifest.layers ?? [];
  const start = performance.now();
  await Promise.all(
    layers.map(async (l) => {
      const blob = await fetch(`${base}/blobs/${l.digest}`);
      if (!blob.ok) throw new Error(`network floor: GET blob ${l.digest}: HTTP ${blob.status}`);
      await blob.arrayBuffer();
    }),
  );
  return {
    seconds: (performance.now() - start) / 1000,
    bytes: layers.reduce((sum, l) => sum + l.size, 0),
    blobs: layers.length,
  };
}

export interface ExtractionFloor {
  seconds: number;
  /** Compressed bytes of the image's layers, as the lab registry serves them. */
  bytes: number;
}

/**
 * The lab registry's name for an image the lab's BuildKit pulls through its mirrors (tools/lab
 * buildkitd.toml): docker.io/<x> → localhost:5000/library/<x> (or /<org>/<x>), gcr.io → /gcr, ghcr.io → /ghcr.
 */
function labRepository(image: string): { repo: string; tag: string } {
  const at = image.lastIndexOf(':');
  const [name, tag] = at > image.lastIndexOf('/') ? [image.slice(0, at), image.slice(at + 1)] : [image, 'latest'];
  const mirrored = name
    .replace(/^gcr\.io\//, 'gcr/')
    .replace(/^ghcr\.io\//, 'ghcr/')
    .replace(/^docker\.io\//, '');
  return { repo: mirrored.includes('/') ? mirrored : `library/${mirrored}`, tag };
}

async function imageBytes(image: string): Promise<number> {
  const { repo, tag } = labRepository(image);
  const get = async (reference: string) => {
    const res = await fetch(`http://localhost:5000/v2/${repo}/manifests/${reference}`, { headers: { Accept: ACCEPT } });
    if (!res.ok) throw new Error(`extraction floor: GET ${repo}:${reference} manifest: HTTP ${res.status}`);
    return (await res.json()) as {
      layers?: { size: number }[];
      manifests?: { digest: string; platform?: { os: string; architecture: string } }[];
    };
  };
  let manifest = await get(tag);
  const amd64 = manifest.manifests?.find((m) => m.platform?.os === 'linux' && m.platform.architecture === 'amd64');
  if (amd64) manifest = await get(amd64.digest);
  return (manifest.layers ?? []).reduce((sum, l) => sum + l.size, 0);
}

/** `image` as written in a FROM line (pulled through the lab's mirrors); `runner` names the empty runner used. */
export async function extractionFloor(image: string, runner: string): Promise<ExtractionFloor> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-extract-'));
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${image}\nRUN true\n`);
  const run = await onFreshRunner(runner, (builder) =>
    buildxBuild({ cwd: dir, context: '.', file: 'Dockerfile', builder, output: 'type=cacheonly' }),
  );
  if (run.exitCode !== 0) throw new Error(`extraction floor of ${image}: ${run.tail.slice(-300)}`);
  return { seconds: run.seconds, bytes: await imageBytes(image) };
}
