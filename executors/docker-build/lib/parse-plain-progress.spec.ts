import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    // A stage's FROM (resolving the base image, DONE on every build) is no step that ran.
    expect(progress.orders).toEqual({ cached: 0, executed: 1, seconds: 0.2, errors: [] });
    expect(progress['examples-inventory'].cached).toBe(1);
    expect(progress['examples-inventory'].executed).toBe(0);
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

/** Real buildx v0.36.1 / BuildKit v0.32.2 output, captured in the lab (see __fixtures__/cache-progress/README.md). */
const captured = (name: string) =>
  readFileSync(join(__dirname, '__fixtures__/cache-progress', `${name}.plain.txt`), 'utf-8');

describe('parsePlainProgress: failed cache imports and exports (captured output)', () => {
  it('one target: a refused export (ignore-error=true) is a cache problem, not an error', () => {
    const { probe } = parsePlainProgress(captured('export-refused-one-target'), ['probe']);
    expect(probe.errors).toEqual([]);
    expect(probe.executed).toBe(1); // the RUN (its FROM is no step)
    expect(probe.cache).toEqual([
      {
        direction: 'export',
        error: expect.stringMatching(/^error writing layer blob: .*localhost:5999.*connection refused$/),
      },
    ]);
  });

  it('one target: a read-only registry (405 on upload) is reported the same way', () => {
    const { probe } = parsePlainProgress(captured('export-read-only-one-target'), ['probe']);
    expect(probe.errors).toEqual([]);
    expect(probe.cache?.[0].error).toMatch(/405 Method Not Allowed/);
  });

  it('two targets: each bracketed export vertex belongs to its own target', () => {
    const progress = parsePlainProgress(captured('export-refused-two-targets'), ['probe-a', 'probe-b']);
    expect(progress['probe-a'].errors).toEqual([]);
    expect(progress['probe-a'].cache?.[0].error).toMatch(/localhost:5999\/v2\/a\//);
    expect(progress['probe-b'].cache?.[0].error).toMatch(/localhost:5999\/v2\/b\//);
  });

  it('without ignore-error the same vertex is still recorded (bake fails: the round logic blames it)', () => {
    const { probe } = parsePlainProgress(captured('export-refused-strict'), ['probe']);
    expect(probe.cache).toHaveLength(1);
  });

  it('imports: a missing ref is expected (new branch), an unreachable one is a problem naming its ref', () => {
    const progress = parsePlainProgress(captured('import-missing-and-refused'), ['probe-a', 'probe-b']);
    expect(progress['probe-b'].cache).toBeUndefined();
    expect(progress['probe-b'].errors).toEqual([]);
    expect(progress['probe-a'].errors).toEqual([]);
    expect(progress['probe-a'].cache).toEqual([
      {
        direction: 'import',
        ref: 'localhost:5999/a:buildcache-main',
        error: expect.stringMatching(/connection refused$/),
      },
    ]);
  });
});
