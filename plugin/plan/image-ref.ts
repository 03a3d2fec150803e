import type { ImageRef } from '../types';

/**
 * The one reader and writer of image references in plans. `parseImageRef` splits
 * `registry/name:tag` at the last colon after the last slash (a registry port such as
 * `localhost:5000/x` is not a tag); a reference without a tag keeps `tag: ''`, the image's default.
 * Validation against Docker's reference grammar happens where user input enters
 * (plugin/bake/image-reference.ts); references built from versions.json are trusted.
 */
export function parseImageRef(reference: string): ImageRef {
  const colon = reference.lastIndexOf(':');
  if (colon <= reference.lastIndexOf('/')) return { image: reference, tag: '' };
  return { image: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}

/** `{ image: 'node', tag: '22-bookworm-slim' }` → `node:22-bookworm-slim`; no tag → the bare name. */
export function formatImageRef(ref: ImageRef): string {
  return ref.tag ? `${ref.image}:${ref.tag}` : ref.image;
}
