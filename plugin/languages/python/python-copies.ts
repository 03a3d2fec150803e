import { posix } from 'node:path';
import { joinPath } from '../../detect/join-path';
import { toProjectPaths } from '../../plan/service-parts';
import type { PythonProfile, Step } from '../../types';

// The COPY steps of a Python image: manifests before the install, sources after it.

/** `apps/api` under workspace root `.` → `apps/api/` (a COPY destination under /app). */
export function toWorkspaceDest(root: string, dir: string): string {
  const relative = posix.relative(root === '.' ? '' : root, dir === '.' ? '' : dir);
  return relative === '' ? './' : `${relative}/`;
}

/** The lockfile and manifests: the project's, or a uv workspace's root pair and every member's pyproject.toml. */
export function planManifestCopies(profile: PythonProfile): Step[] {
  const workspace = profile.uvWorkspace;
  if (!workspace)
    return [
      { kind: 'copy', role: 'manifest', sources: toProjectPaths(profile.projectRoot, profile.manifests), dest: './' },
    ];
  const members = [...workspace.members, ...workspace.paths].filter((dir) => dir !== workspace.root);
  return [
    {
      kind: 'copy',
      role: 'manifest',
      sources: [joinPath(workspace.root, 'uv.lock'), joinPath(workspace.root, 'pyproject.toml')],
      dest: './',
    },
    ...members.map((dir): Step => ({
      kind: 'copy',
      role: 'manifest',
      sources: [joinPath(dir, 'pyproject.toml')],
      dest: toWorkspaceDest(workspace.root, dir),
    })),
  ];
}

/** Sources: the project's directory, or the uv workspace members it needs (libraries first). */
export function planSourceCopies(profile: PythonProfile): Step[] {
  const workspace = profile.uvWorkspace;
  if (!workspace)
    return [
      {
        kind: 'copy',
        role: 'source',
        sources: [profile.projectRoot === '.' ? './' : `${profile.projectRoot}/`],
        dest: './',
      },
    ];
  return workspace.needed.map((dir): Step => ({
    kind: 'copy',
    role: 'source',
    sources: [dir === '.' ? './' : `${dir}/`],
    dest: toWorkspaceDest(workspace.root, dir),
  }));
}
