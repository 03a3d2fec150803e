import { describe, expect, it } from 'vitest';
import { runBakeRounds, type BakeRound } from './run-bake-rounds';

/** Plain-progress text in which `failing` targets error and the others are canceled. */
function failedRound(targets: string[], failing: string[]): BakeRound {
  const lines = targets.flatMap((target, i) => [
    `#${i + 10} [${target} build 2/2] RUN make`,
    failing.includes(target)
      ? `#${i + 10} ERROR: process "make" did not complete successfully: exit code: 2`
      : `#${i + 10} CANCELED`,
  ]);
  return { exitCode: 1, output: lines.join('\n'), seconds: 3 };
}

function okRound(targets: string[]): BakeRound {
  const lines = targets.flatMap((target, i) => [`#${i + 10} [${target} build 2/2] RUN make`, `#${i + 10} DONE 1.0s`]);
  const metadata = Object.fromEntries(
    targets.map((t) => [t, { 'containerimage.digest': `sha256:${t}`, 'image.name': `reg/${t}:abc` }]),
  );
  return { exitCode: 0, output: lines.join('\n'), metadata, seconds: 2 };
}

describe('runBakeRounds', () => {
  it('builds everything in one bake when all succeed', async () => {
    const calls: string[][] = [];
    const outcomes = await runBakeRounds(['a', 'b'], async (targets) => (calls.push(targets), okRound(targets)));
    expect(calls).toEqual([['a', 'b']]);
    expect(outcomes.a).toMatchObject({ success: true, digest: 'sha256:a', imageName: 'reg/a:abc' });
  });

  it('fails the broken target and re-runs the canceled ones together', async () => {
    const calls: string[][] = [];
    const outcomes = await runBakeRounds(['a', 'broken', 'c'], async (targets) => {
      calls.push(targets);
      return targets.includes('broken') ? failedRound(targets, ['broken']) : okRound(targets);
    });
    expect(calls).toEqual([
      ['a', 'broken', 'c'],
      ['a', 'c'],
    ]);
    expect(outcomes.broken.success).toBe(false);
    expect(outcomes.broken.progress.errors[0]).toMatch(/exit code: 2/);
    expect(outcomes.a).toMatchObject({ success: true, digest: 'sha256:a' });
    expect(outcomes.c.success).toBe(true);
  });

  it('fails every target when the failure belongs to none of them', async () => {
    const outcomes = await runBakeRounds(['a', 'b'], async () => ({
      exitCode: 1,
      output: 'ERROR: failed to find target x',
      seconds: 0,
    }));
    expect(outcomes.a.success).toBe(false);
    expect(outcomes.b.progress.errors).toEqual(['ERROR: failed to find target x']);
  });
});
