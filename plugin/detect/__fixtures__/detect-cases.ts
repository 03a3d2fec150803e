import { join } from 'node:path';
import { expect } from 'vitest';
import { diskFsView, type FsView } from '../../fs-view';
import { detectProject } from '../../languages/detect-project';
import { detectNodeProject } from '../../languages/node/detect-node-project';
import type { NodeProfile } from '../../types';
import type { DetectOptions, GraphInput, ProjectInput } from '../detect-input';

/**
 * Shared by the detection specs beside this folder: one row per fixture directory here (a tiny
 * workspace each) with the profile fields it must give, or the patterns its error must match.
 */
export interface DetectCase<Expected> {
  name: string;
  fixture: string;
  project: ProjectInput;
  graph?: GraphInput;
  options?: DetectOptions;
  expected?: Expected;
  /** Every pattern must appear in the error message (project, file, fix). */
  error?: RegExp[];
}

/** The fixture workspace `name` (a directory beside this file), read from disk. */
export function fixtureFs(name: string): FsView {
  return diskFsView(join(__dirname, name));
}

/** A project graph holding the project alone, for cases that give none. */
export function singleProjectGraph(project: ProjectInput): GraphInput {
  return { nodes: { [project.name]: { data: { root: project.root } } }, dependencies: {} };
}

function catchError(run: () => unknown): Error | undefined {
  try {
    run();
  } catch (thrown) {
    return thrown as Error;
  }
  return undefined;
}

/** Runs detectNodeProject on a case: the error must match every pattern, or the profile must hold `expected`. */
export function expectNodeCase({
  fixture,
  project,
  graph,
  options,
  expected,
  error,
}: DetectCase<Partial<NodeProfile>>) {
  const detect = () =>
    detectNodeProject({ fs: fixtureFs(fixture), project, graph: graph ?? singleProjectGraph(project), options });
  if (error) {
    const thrown = catchError(detect);
    expect(thrown).toBeInstanceOf(Error);
    for (const pattern of error) expect(thrown?.message).toMatch(pattern);
    return;
  }
  const profile = detect();
  expect(profile).toMatchObject({ language: 'node', project: project.name, projectRoot: project.root, ...expected });
}

/** Runs a case through the detector registry (detectProject): the error must match every pattern, or the profile hold `expected`. */
export function expectRegistryCase<Expected extends object>({
  fixture,
  project,
  graph,
  options,
  expected,
  error,
}: DetectCase<Expected>) {
  const run = () =>
    detectProject({ fs: fixtureFs(fixture), project, graph: graph ?? singleProjectGraph(project), options });
  if (error) {
    let message = '';
    try {
      run();
    } catch (caught) {
      expect(caught).toBeInstanceOf(Error);
      message = (caught as Error).message;
    }
    for (const pattern of error) expect(message).toMatch(pattern);
    return;
  }
  expect(run()).toMatchObject(expected ?? {});
}
