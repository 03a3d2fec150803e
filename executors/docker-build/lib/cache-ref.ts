import { createHash } from 'node:crypto';
import { explainImageReference } from '../../../plugin/bake';
import { formatImageRef, parseImageRef } from '../../../plugin/plan/image-ref';

/**
 * Registry cache references: one repository per image, the branch in the tag.
 *
 * Default: `<image repository>:buildcache-<branch>`, i.e. the cache lives beside the image
 * (`ghcr.io/acme/api:buildcache-main`). That is the only form every common registry takes:
 * Docker Hub allows exactly `<namespace>/<repository>` (no third path component, so the old
 * `<registry>/cache/<image>` was refused: docker/hub-feedback#1404), Artifact Registry needs
 * `<location>-docker.pkg.dev/<project>/<repository>/<image>` (cloud.google.com/artifact-registry/docs/docker/names),
 * ECR needs the repository to exist (the image's own one does), GHCR and `registry:2` take any path.
 *
 * `cacheRef` is a template (see `toCacheRefTemplate`): `{image}` is the image name without the
 * registry (`api`, or `team/api` with `imageName: "team/{project}"`), `{branch}` the branch made
 * tag-safe by `toBranchTagPart`.
 */
export const CACHE_TAG = 'buildcache-{branch}';

/** Docker's tag grammar (distribution/reference): `[\w][\w.-]{0,127}`. */
const TAG_MAX = 128;
const TAG_CHARS = /[^A-Za-z0-9_.-]+/g;
const HASH_LENGTH = 8;

/**
 * The `{branch}` part of a cache tag, at most `room` characters. A branch that is tag-safe once
 * `/` becomes `-` is kept as it is (`feature/ABC_12` → `feature-ABC_12`). Any other change
 * (characters outside `[A-Za-z0-9_.-]`, a leading `.`/`-` where the part starts the tag, or
 * truncation to fit) appends `-` and 8 hex digits of the branch's SHA-256, so two branches that
 * sanitise or truncate alike still get different tags.
 */
export function toBranchTagPart(branch: string, room: number, startsTag = false): string {
  const plain = branch.replace(/\//g, '-');
  let safe = plain.replace(TAG_CHARS, '-');
  if (startsTag) safe = safe.replace(/^[.-]+/, '');
  if (safe === plain && safe.length > 0 && safe.length <= room) return safe;
  const hash = createHash('sha256').update(branch).digest('hex').slice(0, HASH_LENGTH);
  const kept = safe.slice(0, Math.max(0, room - HASH_LENGTH - 1)).replace(/[.-]+$/, '');
  return kept ? `${kept}-${hash}` : hash;
}

/**
 * The full-ref template for a `cacheRef` value (or the default when there is none):
 * - no `cacheRef`: `<image repository>:buildcache-{branch}`;
 * - `cacheRef` without `{image}`: a repository prefix, `/{image}` is appended
 *   (`registry.internal/cache` → `registry.internal/cache/{image}:buildcache-{branch}`);
 * - `cacheRef` without a tag gets `:buildcache-{branch}`.
 */
export function toCacheRefTemplate(imageRepository: string, cacheRef?: string): string {
  if (cacheRef === undefined) return `${imageRepository}:${CACHE_TAG}`;
  const trimmed = cacheRef.trim().replace(/\/+$/, '');
  const ref = parseImageRef(trimmed.includes('{image}') ? trimmed : `${trimmed}/{image}`);
  return formatImageRef({ image: ref.image, tag: ref.tag || CACHE_TAG });
}

/** Fills a cache-ref template for one image and branch; `{image}` in the tag has its `/` as `-`. */
export function toCacheRef(template: string, imageName: string, branch: string): string {
  const { image, tag } = parseImageRef(template);
  const name = image.split('{image}').join(imageName);
  const tagged = tag.split('{image}').join(imageName.replace(/\//g, '-'));
  const room = TAG_MAX - (tagged.length - '{branch}'.length);
  const part = tagged.includes('{branch}') ? toBranchTagPart(branch, room, tagged.startsWith('{branch}')) : '';
  return formatImageRef({ image: name, tag: tagged.replace('{branch}', part) });
}

/**
 * Why a `cacheRef` value cannot work for the registry backend, or undefined. Checked with the
 * project's own image name and a sample branch, against Docker's reference grammar.
 */
export function explainCacheRef(cacheRef: string, imageRepository: string, imageName: string): string | undefined {
  if (cacheRef.includes('@')) return 'a cache ref is written on every build, so it takes a tag, never a digest';
  if (!cacheRef.includes('{image}') && parseImageRef(cacheRef.trim()).tag)
    return 'a cacheRef with a tag must contain {image} (or be a repository prefix without a tag): every image needs its own cache ref, concurrent writers to one ref overwrite each other';
  const template = toCacheRefTemplate(imageRepository, cacheRef);
  if (parseImageRef(template).image.includes('{branch}')) return '{branch} belongs in the tag (after the last `:`)';
  if (template.split('{branch}').length > 2) return '{branch} may appear once';
  const sample = toCacheRef(template, imageName, 'main');
  const reason = explainImageReference(sample);
  return reason && `it gives ${JSON.stringify(sample)}, and ${reason}`;
}
