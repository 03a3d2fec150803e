import type { Mount, Step } from '../../types';
import { VENV } from './python-tools';

/**
 * The venv in two runtime layers: the dependencies-only venv from `deps` (unchanged by a source
 * edit, so cached and never re-exported), then only what the project install added or changed.
 * `venv-overlay.sh` (fed as a heredoc) lists the venv's paths with their ctimes, runs the install,
 * lists again and copies every new or changed path (a new file, or one the install rewrote, such
 * as a shared .pth: ctime changes on any write, whatever mtime the installer sets) into OVERLAY
 * with its full path, mode and owner (tar). A path the install removed cannot be expressed in a
 * layer on top, so the script fails the build naming it (uv, pip and Poetry remove nothing when
 * they add the project to a venv that holds its locked dependencies).
 */
export const OVERLAY = '/overlay';

/** The project-install RUN: `sh -s -- /opt/venv /overlay <install argv…>` with the script on stdin. */
export function planOverlayInstall(install: string[], mounts: Mount[]): Step {
  return {
    kind: 'run',
    role: 'project-install',
    locked: true,
    comment: `The project into the venv; what that adds or changes (not the dependencies) is copied to ${OVERLAY} for the runtime.`,
    command: ['sh', '-s', '--', VENV, OVERLAY, ...install],
    mounts,
    heredoc: { script: 'venv-overlay' },
  };
}

/**
 * Runtime copies: the dependencies-only venv from `deps`, then the project's overlay from `build`
 * when the build installs the project into the venv (`overlay`). Neither is `--link`: a registry
 * cache exported by a runner that had imported one (CI's every run) lacks the merge of a link the
 * runner computed, so each next fresh runner re-ran it, fetching and extracting the source stage
 * with nothing changed (BuildKit 0.32.2; the overlay after every edit, standalone-uv: 11.5 s against
 * 0.3 s; the venv after every dependency change, as Node's prod-deps copy; docs/python-and-java.md).
 */
export function planVenvCopies(overlay: boolean): Step[] {
  const venv: Step = { kind: 'copy', role: 'dependencies', from: 'deps', sources: [VENV], dest: VENV };
  if (!overlay) return [venv];
  return [venv, { kind: 'copy', role: 'dependencies', from: 'build', sources: [`${OVERLAY}/`], dest: '/' }];
}
