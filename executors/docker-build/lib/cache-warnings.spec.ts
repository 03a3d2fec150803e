import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCacheDestination, toCacheWarnings } from './cache-warnings';
import { formatSummary } from './format-summary';
import { parsePlainProgress } from './parse-plain-progress';
import { runBakeRounds } from './run-bake-rounds';

const captured = (name: string) =>
  readFileSync(join(__dirname, '__fixtures__/cache-progress', `${name}.plain.txt`), 'utf-8');
const CACHE_TO = [
  'type=registry,ref=localhost:5999/x:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true',
];

describe('cache warnings in the run summary', () => {
  it('name the ref of a failed export (from cache-to) and of a failed import (from the vertex)', () => {
    const { probe } = parsePlainProgress(captured('export-refused-one-target'), ['probe']);
    const [warning] = toCacheWarnings(probe.cache ?? [], CACHE_TO);
    expect(warning).toMatch(/^cache export to localhost:5999\/x:buildcache failed \(ignored; the next fresh runner/);
    expect(warning).toMatch(/connection refused$/);
    const imports = parsePlainProgress(captured('import-missing-and-refused'), ['probe-a', 'probe-b'])['probe-a'];
    expect(toCacheWarnings(imports.cache ?? [], [])).toEqual([
      expect.stringMatching(/^cache import from localhost:5999\/a:buildcache-main failed/),
    ]);
  });

  it('local and gha exports are named by their directory and scope', () => {
    expect(toCacheDestination('type=local,dest=.nx/docker-cache/api,mode=max')).toBe('.nx/docker-cache/api');
    expect(toCacheDestination('type=gha,scope=api-main,mode=max')).toBe('gha scope api-main');
  });

  it('a successful build with a refused export is built, warned about, not failed', async () => {
    const output = captured('export-refused-one-target');
    const outcomes = await runBakeRounds(['probe'], async () => ({ exitCode: 0, output, seconds: 1.2 }));
    expect(outcomes.probe.success).toBe(true);
    const summary = formatSummary([
      {
        project: 'probe',
        outcome: outcomes.probe,
        images: ['localhost:5000/probe:abc'],
        warnings: toCacheWarnings(outcomes.probe.progress.cache ?? [], CACHE_TO),
      },
    ]);
    expect(summary).toMatch(/1 image\(s\) built, 0 failed, 1 with warnings/);
    expect(summary).toMatch(/\nwarnings:\n {2}probe: cache export to localhost:5999\/x:buildcache failed/);
  });

  it('in a failed round, a target whose only error is an ignored cache export is not blamed', async () => {
    const two = captured('export-refused-two-targets');
    const broken = `${two}\n#20 [probe-b 2/2] RUN false\n#20 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\n`;
    const rounds = [
      { exitCode: 1, output: broken, seconds: 1 },
      { exitCode: 0, output: captured('export-refused-one-target'), seconds: 1 },
    ];
    const outcomes = await runBakeRounds(['probe-a', 'probe-b'], async () => rounds.shift()!);
    expect(outcomes['probe-b'].success).toBe(false);
    expect(outcomes['probe-a'].success).toBe(true);
    expect(outcomes['probe-a'].progress.cache).toHaveLength(1);
  });
});
