import { describe, expect, it } from 'vitest';
import { parsePlainProgress } from './parse-plain-progress';

// Shaped like buildx v0.36 plain output of a two-target bake (trimmed).
const TWO_TARGETS = `#1 [internal] load local bake definitions
#1 DONE 0.0s
#2 [orders internal] load build definition from Dockerfile
#2 DONE 0.0s
#5 [orders base 1/2] FROM docker.io/library/node:22-bookworm-slim@sha256:9ce9
#5 [examples-inventory base 1/2] FROM docker.io/library/node:22-bookworm-slim@sha256:9ce9
#5 DONE 4.5s
#11 [examples-inventory manifests 1/3] COPY package.json package-lock.json ./
#11 CACHED
#13 [orders manifests 2/2] RUN node - <<'PRUNE_NPM_WORKSPACES'
#13 0.052 some log line
#13 DONE 0.2s
#14 [examples-inventory build 4/4] RUN npm run build --workspace=apps/inventory
#14 ERROR: process "/bin/sh -c npm run build --workspace=apps/inventory" did not complete successfully: exit code: 2
#15 [orders build 4/4] RUN esbuild apps/orders/src/main.ts
#15 CANCELED
`;

describe('parsePlainProgress', () => {
  it('attributes steps to bake targets by their prefix, shared steps to both', () => {
    const progress = parsePlainProgress(TWO_TARGETS, ['orders', 'examples-inventory']);
    expect(progress.orders).toEqual({ cached: 0, executed: 2, seconds: 4.7, errors: [] });
    expect(progress['examples-inventory'].cached).toBe(1);
    expect(progress['examples-inventory'].executed).toBe(1);
    expect(progress['examples-inventory'].errors).toEqual([
      'process "/bin/sh -c npm run build --workspace=apps/inventory" did not complete successfully: exit code: 2',
    ]);
  });

  it('gives every unprefixed step to the only target', () => {
    const single = '#7 [deps 2/2] RUN npm ci\n#7 CACHED\n#8 [build 3/3] RUN esbuild x\n#8 DONE 1.5s\n';
    expect(parsePlainProgress(single, ['orders'])).toEqual({
      orders: { cached: 1, executed: 1, seconds: 1.5, errors: [] },
    });
  });
});
