import { type BadInputCase } from './run-case';
import { bakeCases } from './cases/bake';
import { editCases } from './cases/edits';
import { kindCases } from './cases/kinds';
import { lockfileCases } from './cases/lockfiles';
import { manifestCases } from './cases/manifests';
import { nameCases } from './cases/names';
import { optionCases } from './cases/options';
import { pathCases } from './cases/paths';

/**
 * The bad-input table (issue #15): one in-memory fixture per case, each with its exact outcome.
 * `bad-input.spec.ts` runs it (a refused run must name the file and the fix and leave the
 * workspace byte-identical); `tools/docs/render-bad-input.ts` turns it into docs/bad-input.md.
 * The cases live in `cases/<kind>.ts`; this order is the order of docs/bad-input.md.
 */
export const BAD_INPUT_CASES: BadInputCase[] = [
  ...bakeCases,
  ...nameCases,
  ...editCases,
  ...kindCases,
  ...manifestCases,
  ...lockfileCases,
  ...optionCases,
  ...pathCases,
];
