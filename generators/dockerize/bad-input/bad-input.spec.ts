import { logger } from '@nx/devkit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BAD_INPUT_CASES } from './cases';
import { runCase } from './run-case';

beforeAll(() => {
  vi.spyOn(logger, 'info').mockImplementation(() => undefined);
  vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
});

describe('bad input never loses work and never writes a wrong file (#15)', () => {
  it('has at least 60 cases, unique ids, every kind covered', () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(BAD_INPUT_CASES.map((c) => c.id)).size).toBe(BAD_INPUT_CASES.length);
  });

  it.each(BAD_INPUT_CASES.map((c) => [c.id, c] as const))('%s', (_, testCase) => {
    const result = runCase(testCase);
    const expectation = testCase.expect;
    if ('refused' in expectation) {
      expect(result.refused, `expected a refusal, got changes to ${result.changed.join(', ')}`).toBe(true);
      expect(result.message).toContain(expectation.refused.file);
      expect(result.message).toMatch(expectation.refused.fix);
      if (expectation.refused.message) expect(result.message).toMatch(expectation.refused.message);
      // The workspace is byte-identical after a refused run.
      expect(result.after).toEqual(result.before);
      return;
    }
    expect(result.refused ? result.message : undefined).toBeUndefined();
    if ('nothingChanged' in expectation) {
      expect(result.message).toBeUndefined();
      expect(result.after).toEqual(result.before);
    } else if ('outOfSync' in expectation) {
      expect(result.message).toContain(expectation.outOfSync.file);
      expect(result.message).toMatch(expectation.outOfSync.message);
    } else {
      expect(result.message).toBeUndefined();
      for (const [path, needles] of Object.entries(expectation.written)) {
        const text = result.after[path] ?? '';
        for (const needle of needles)
          expect(text, path).toMatch(
            typeof needle === 'string' ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : needle,
          );
      }
    }
    // Whatever the run did, no file existing before it was deleted, and `unchanged` files stayed byte-identical.
    for (const path of Object.keys(result.before)) expect(result.after[path], `${path} was deleted`).toBeDefined();
    for (const path of ('unchanged' in expectation && expectation.unchanged) || [])
      expect(result.after[path], path).toBe(result.before[path]);
  });
});
