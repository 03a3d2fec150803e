/**
 * Every detection failure reads the same way: which project, which file, what is wrong,
 * and what to do about it — so a user can fix it without reading our source.
 */
export function createDetectError(input: { project: string; file: string; problem: string; fix: string }): Error {
  return new Error(`nx-dockerize: project "${input.project}": ${input.file}: ${input.problem}. Fix: ${input.fix}.`);
}
