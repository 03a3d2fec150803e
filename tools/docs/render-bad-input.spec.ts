import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAD_INPUT_PAGE, renderBadInputPage } from './render-bad-input';

describe('docs/bad-input.md', () => {
  it('is what the bad-input table renders (run `npx tsx tools/docs/render-bad-input.ts`)', () => {
    expect(readFileSync(BAD_INPUT_PAGE, 'utf-8')).toBe(renderBadInputPage());
  });
});
