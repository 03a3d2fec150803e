import versions from '../../versions.json';
import type { ImageRef, RuntimeBase } from '../../types';

/** Splits `registry/name:tag` into an ImageRef; a missing tag stays '' (the image's default). */
export function parseImageRef(reference: string): ImageRef {
  const colon = reference.lastIndexOf(':');
  if (colon <= reference.lastIndexOf('/')) return { image: reference, tag: '' };
  return { image: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}

/** The Node image for a runtime flavour and major version, from the single version table. */
export function resolveNodeImage(runtime: RuntimeBase, major: string): ImageRef {
  return parseImageRef(versions.node.images[runtime].replace('{major}', major));
}
