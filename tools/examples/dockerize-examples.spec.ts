import { describe, expect, it } from 'vitest';
import { planExampleChanges } from './dockerize-examples';

describe('examples/ drift', () => {
  it('regenerating every example application changes no committed file', () => {
    const changed = planExampleChanges().map((change) => `examples/${change.path}`);
    expect(changed, 'run `npm run examples` and commit the result').toEqual([]);
  }, 120_000);
});
