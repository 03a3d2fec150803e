import type { FsView } from '../../../../fs-view';
import type { GraphInput, ProjectInput } from '../../../../detect/detect-input';
import type { DockerizeOptions, Stage, Step } from '../../../../types';

/** Shared by the framework provider specs beside this folder: in-memory workspaces and plan queries. */

/** A workspace held in memory: path → text. Directories are implied by the paths. */
export function memoryFs(files: Record<string, string>): FsView {
  const paths = Object.keys(files);
  return {
    read: (path) => files[path],
    exists: (path) => path in files || paths.some((file) => file.startsWith(`${path}/`)),
    list: (path) =>
      [
        ...new Set(
          paths.filter((file) => file.startsWith(`${path}/`)).map((file) => file.slice(path.length + 1).split('/')[0]),
        ),
      ].sort(),
  };
}

export const lock = (packages: Record<string, object> = {}) =>
  JSON.stringify({ name: 'ws', lockfileVersion: 3, requires: true, packages: { '': { name: 'ws' }, ...packages } });
export const rootPackageJson = JSON.stringify({ name: 'ws', private: true, devDependencies: { nx: '23.2.1' } });

export function graphOf(project: ProjectInput, npm: string[], libs: Record<string, string> = {}): GraphInput {
  return {
    nodes: {
      [project.name]: { data: { root: project.root } },
      ...Object.fromEntries(Object.entries(libs).map(([name, root]) => [name, { data: { root } }])),
    },
    dependencies: {
      [project.name]: [
        ...Object.keys(libs).map((target) => ({ target })),
        ...npm.map((name) => ({ target: `npm:${name}` })),
      ],
    },
  };
}

export const slim: DockerizeOptions = { runtime: 'slim', buildMode: 'docker' };

export function stage(stages: Stage[], name: string): Step[] {
  return stages.find((candidate) => candidate.name === name)?.steps ?? [];
}
