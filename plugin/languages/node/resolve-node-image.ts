import versions from '../../versions.json';
import type { ImageRef, RuntimeBase } from '../../types';
import { parseImageRef } from '../../plan/image-ref';

/** The Node image for a runtime flavour and major version, from the single version table. */
export function resolveNodeImage(runtime: RuntimeBase, major: string): ImageRef {
  return parseImageRef(versions.node.images[runtime].replace('{major}', major));
}
