import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

export const EXAMPLES = resolve(__dirname, '../../examples');

const SKIPPED = new Set(['node_modules', 'dist', '.nx', '.git']);

/** A throwaway copy of examples/ that a test may edit; installed deps and build output stay behind. */
export function copyExamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nx-dockerize-e2e-'));
  cpSync(EXAMPLES, dir, { recursive: true, filter: (src) => !SKIPPED.has(basename(src)) });
  return dir;
}
