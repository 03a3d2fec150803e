import { describe, expect, it } from 'vitest';
import { didRun, parseBuildProgress } from './parse-build-progress';

const line = (vertexes: object[]) => JSON.stringify({ vertexes });

describe('parseBuildProgress', () => {
  it('folds the updates of each vertex into one outcome', () => {
    const stream = [
      line([{ digest: 'sha256:a', name: '[deps 2/2] RUN npm ci', started: '2026-01-01T00:00:00Z' }]),
      line([
        {
          digest: 'sha256:a',
          name: '[deps 2/2] RUN npm ci',
          started: '2026-01-01T00:00:00Z',
          completed: '2026-01-01T00:00:05Z',
        },
      ]),
      line([
        {
          digest: 'sha256:b',
          name: '[build 3/3] RUN esbuild',
          cached: true,
          started: '2026-01-01T00:00:00Z',
          completed: '2026-01-01T00:00:00Z',
        },
      ]),
    ].join('\n');
    const outcomes = parseBuildProgress(stream);
    expect(outcomes).toEqual([
      {
        digest: 'sha256:a',
        name: '[deps 2/2] RUN npm ci',
        cached: false,
        started: true,
        completed: true,
        error: undefined,
      },
      {
        digest: 'sha256:b',
        name: '[build 3/3] RUN esbuild',
        cached: true,
        started: true,
        completed: true,
        error: undefined,
      },
    ]);
    expect(outcomes.filter(didRun).map((v) => v.name)).toEqual(['[deps 2/2] RUN npm ci']);
  });

  it('skips lines that are not SolveStatus JSON and keeps errors', () => {
    const stream = [
      '#0 building with "lab" instance',
      '{not json',
      line([{ digest: 'sha256:c', name: 'RUN false', started: 'x', error: 'exit code: 1' }]),
    ].join('\n');
    expect(parseBuildProgress(stream)).toEqual([
      { digest: 'sha256:c', name: 'RUN false', cached: false, started: true, completed: false, error: 'exit code: 1' },
    ]);
  });
});
