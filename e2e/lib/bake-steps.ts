import { expect } from 'vitest';
import { didRun, solveStatuses, type VertexOutcome } from '../../executors/docker-build/lib/parse-build-progress';
import type { BakeRun } from './run-bake';

/**
 * The steps (RUN/COPY) of one target of a bake of `targets` targets: with several targets bake
 * prefixes step names with the target (`[<target> <stage> i/n]`), with one it does not. Names are
 * returned without the target (`[<stage> i/n] ...`). With `links`, also the `LINK COPY ...` vertex
 * BuildKit adds for each `COPY --link` (the merge of the copied files onto the stage): a fresh
 * runner that re-runs it fetches and extracts the copy's source stage, though the `COPY` vertex
 * itself reports a cache hit.
 */
export function stepsOf(vertexes: VertexOutcome[], target: string, targets: number, links = false): VertexOutcome[] {
  const step = links ? /^\[[^\]]+\] (LINK )?(RUN|COPY) / : /^\[[^\]]+\] (RUN|COPY) /;
  return vertexes
    .filter((vertex) => (targets === 1 || vertex.name.startsWith(`[${target} `)) && step.test(vertex.name))
    .map((vertex) => ({ ...vertex, name: vertex.name.replace(`[${target} `, '[') }));
}

/** One line per step, RAN or CACHED: the message of a failed cache assertion. */
export const outcomes = (steps: VertexOutcome[]) =>
  steps.map((step) => `${didRun(step) ? 'RAN   ' : 'CACHED'} ${step.name.slice(0, 140)}`).join('\n');

/**
 * The cache claim of a re-bake of `targets` targets: the steps of `target` matching `pattern` exist
 * and all came from the cache, and some step of the target did run (the edit reached the image).
 * `links`: `LINK COPY` vertices count as steps (stepsOf).
 */
export function expectCachedWhileEditRebuilt(
  bake: BakeRun,
  target: string,
  targets: number,
  pattern: RegExp,
  links = false,
): void {
  const steps = stepsOf(bake.vertexes, target, targets, links);
  const matching = steps.filter((step) => pattern.test(step.name));
  expect(matching.length, outcomes(steps)).toBeGreaterThan(0);
  expect(
    matching.filter(didRun).map((step) => step.name),
    outcomes(steps),
  ).toEqual([]);
  expect(steps.some(didRun), outcomes(steps)).toBe(true);
}

/**
 * `target` has steps in `bake` (of `targets` targets) and every one of them came from the cache,
 * `LINK COPY` vertices included (stepsOf) but those of copies from the build context. Soft
 * assertions: a test making two such claims reports both.
 */
export function expectNoStepRan(bake: BakeRun, target: string, targets: number, what: string): void {
  // Except the merge of a `COPY --link` from the build context: a runner re-runs it after any
  // registry import (the cache lacks it), and needs nothing fetched for it (npm-plain-js: 0.28 s
  // for the whole no-edit build, push included; docs/node-package-managers.md).
  const steps = stepsOf(bake.vertexes, target, targets, true).filter(
    (step) => !/^\[[^\]]+\] LINK COPY (?!.*--from=)/.test(step.name),
  );
  expect.soft(steps.length, `${what}: no step of ${target}\n${bake.output.slice(-3000)}`).toBeGreaterThan(0);
  expect
    .soft(
      steps.filter(didRun).map((step) => step.name),
      `${what}:\n${outcomes(steps)}`,
    )
    .toEqual([]);
}

/** Seconds since `start` (Date.now()), one decimal: the suite logs what its extra bakes cost. */
export const secondsSince = (start: number) => ((Date.now() - start) / 1000).toFixed(1);

/**
 * How long each cache export of a bake took, from its rawjson stream: the `exporting cache ...`
 * vertexes (bake prefixes them with the target when it builds several), name and seconds.
 */
export function cacheExportTimes(rawjson: string): { name: string; seconds: number }[] {
  const spans = new Map<string, { name: string; started?: string; completed?: string }>();
  type Vertex = { digest: string; name?: string; started?: string; completed?: string };
  for (const status of solveStatuses<{ vertexes?: Vertex[] }>(rawjson)) {
    for (const vertex of status.vertexes ?? []) {
      if (!vertex.name?.includes('exporting cache')) continue;
      const known = spans.get(vertex.digest) ?? { name: vertex.name };
      spans.set(vertex.digest, {
        name: vertex.name,
        started: vertex.started ?? known.started,
        completed: vertex.completed ?? known.completed,
      });
    }
  }
  return [...spans.values()]
    .filter((span) => span.started && span.completed)
    .map((span) => ({ name: span.name, seconds: (Date.parse(span.completed!) - Date.parse(span.started!)) / 1000 }));
}
