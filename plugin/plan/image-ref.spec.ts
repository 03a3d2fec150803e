import { describe, expect, it } from 'vitest';
import { explainImageReference, formatImageRef, parseImageRef } from './image-ref';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageRef / formatImageRef', () => {
  it.each([
    ['node:22-bookworm-slim', { image: 'node', tag: '22-bookworm-slim' }],
    [
      'localhost:5000/gcr/distroless/static-debian12',
      { image: 'localhost:5000/gcr/distroless/static-debian12', tag: '' },
    ],
    ['localhost:5000/x:buildcache-main', { image: 'localhost:5000/x', tag: 'buildcache-main' }],
    [`node@${DIGEST}`, { image: 'node', tag: '', digest: DIGEST }],
    [`ghcr.io/acme/api:1.2@${DIGEST}`, { image: 'ghcr.io/acme/api', tag: '1.2', digest: DIGEST }],
  ])('%s', (reference, ref) => {
    expect(explainImageReference(reference)).toBeUndefined();
    expect(parseImageRef(reference)).toEqual(ref);
    expect(formatImageRef(parseImageRef(reference))).toBe(reference);
  });
});
