import { describe, expect, it } from 'vitest';
import { withEntry } from './detect-project';

describe('withEntry (one entry option for every language)', () => {
  it.each([
    ['go', { main: './cmd/server' }],
    ['rust', { bin: './cmd/server' }],
    ['python', { entrypoint: './cmd/server' }],
    ['java', { entrypoint: './cmd/server' }],
  ] as const)('%s reads it under its own name', (language, expected) => {
    expect(withEntry(language, { entry: './cmd/server' })).toMatchObject(expected);
  });

  it('wins over the older alias and leaves Node and empty values alone', () => {
    expect(withEntry('go', { entry: './cmd/a', main: './cmd/b' }).main).toBe('./cmd/a');
    expect(withEntry('node', { entry: 'dist/main.js' })).toEqual({ entry: 'dist/main.js' });
    expect(withEntry('go', { entry: ' ', main: './cmd/b' }).main).toBe('./cmd/b');
  });
});
