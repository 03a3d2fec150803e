import type { PythonPackageManager, PythonProfile, Sourced } from '../../types';
import { toServiceSettings } from '../../detect/service-settings';
import { createDetectError } from '../../detect/create-detect-error';
import { detectClosure } from '../../detect/detect-closure';
import { detectEnvPort } from '../../detect/detect-env-port';
import type { NodeProjectInput } from '../../detect/detect-input';
import { detectPythonEntrypoint, listPythonEntryModules } from './detect-python-entrypoint';
import { listLockedPackages } from './python-web-apps';
import { detectPythonVersion } from './detect-python-version';
import { joinPath } from '../../detect/join-path';
import { listPythonDependencies, readPyproject } from './read-pyproject';
import { detectPythonSystemPackages, listLockedDistributions } from './system-libraries';
import { findUvWorkspace, type UvWorkspace } from './uv-workspace';

/**
 * Lockfiles in precedence order: uv's lock, then Poetry's, then a requirements file (pip).
 * A project with several (a migration in progress) is built with the first.
 */
const LOCKFILES: { file: string; manager: PythonPackageManager }[] = [
  { file: 'uv.lock', manager: 'uv' },
  { file: 'poetry.lock', manager: 'poetry' },
  { file: 'requirements.txt', manager: 'pip' },
];

/** Requirement lines with continuations joined; comments, blank lines and options (`-r`, `--index-url`) dropped. */
function listRequirements(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('-'));
}

function detectManager(
  input: NodeProjectInput,
  root: string,
): { manager: Sourced<PythonPackageManager>; lockfile: string; workspace?: UvWorkspace } {
  const found = LOCKFILES.find(({ file }) => input.fs.exists(joinPath(root, file)));
  const workspace = found ? undefined : findUvWorkspace(input.fs, root, input.project.name);
  if (workspace)
    return {
      manager: {
        value: 'uv',
        source: `${joinPath(workspace.root, 'uv.lock')} (uv workspace ${joinPath(workspace.root, 'pyproject.toml')})`,
      },
      lockfile: 'uv.lock',
      workspace,
    };
  if (!found) {
    throw createDetectError({
      project: input.project.name,
      file: joinPath(root, 'pyproject.toml'),
      problem:
        'no lockfile (uv.lock, poetry.lock or requirements.txt) next to it, so the install cannot be reproducible',
      fix: 'run `uv lock` (or `poetry lock`, or `uv pip compile pyproject.toml --generate-hashes -o requirements.txt`) and commit the result',
    });
  }
  return { manager: { value: found.manager, source: joinPath(root, found.file) }, lockfile: found.file };
}

/** pip: hashes on every requirement → `--require-hashes`; otherwise every requirement must be pinned with `==`. */
function detectHashes(input: NodeProjectInput, file: string): boolean {
  const requirements = listRequirements(input.fs.read(file) ?? '');
  if (requirements.length > 0 && requirements.every((line) => line.includes('--hash='))) return true;
  const loose = requirements.filter(
    (line) => !/^[A-Za-z0-9][A-Za-z0-9._\-[\], ]*===?[^=*]+$/.test(line.split(';')[0].trim()),
  );
  if (loose.length > 0) {
    throw createDetectError({
      project: input.project.name,
      file,
      problem: `is not a lock: ${loose.slice(0, 3).join(', ')} ${loose.length > 1 ? 'are' : 'is'} not pinned with ==`,
      fix: 'compile it (`uv pip compile requirements.in --generate-hashes -o requirements.txt` or pip-compile) or use uv.lock',
    });
  }
  return false;
}

/** Native distributions of the lockfile (uv.lock, poetry.lock, requirements.txt) that need apt packages; a lock that is not TOML is an error naming it. */
function readSystemPackages(input: NodeProjectInput, path: string, lockfile: string, minor: string) {
  try {
    return detectPythonSystemPackages(listLockedDistributions(lockfile, input.fs.read(path) ?? ''), minor, path);
  } catch (error) {
    throw createDetectError({
      project: input.project.name,
      file: path,
      problem: `cannot be read (${(error as Error).message.split('\n')[0]})`,
      fix: `regenerate it with its tool (${lockfile === 'poetry.lock' ? 'poetry lock' : 'uv lock'})`,
    });
  }
}

/** A Python service: uv, Poetry or pip, its Python version, its entrypoint and port. */
export function detectPythonProject(input: NodeProjectInput): PythonProfile {
  const { fs, project, graph, options = {} } = input;
  const projectRoot = joinPath(project.root);
  const pyprojectPath = joinPath(projectRoot, 'pyproject.toml');
  const pyproject = readPyproject(fs, pyprojectPath, project.name);
  const { manager, lockfile, workspace } = detectManager(input, projectRoot);
  const hashes = manager.value === 'pip' && detectHashes(input, joinPath(projectRoot, lockfile));
  // Poetry marks non-package projects with package-mode = false; PEP 621 ones have no [build-system].
  const packaged = pyproject?.['build-system'] !== undefined && pyproject.tool?.poetry?.['package-mode'] !== false;
  const direct = listPythonDependencies(
    pyproject,
    manager.value === 'pip' ? fs.read(joinPath(projectRoot, lockfile)) : undefined,
  );
  // Servers may come through an extra (fastapi[standard] → uvicorn): the lockfile's packages count too.
  const dependencies = [...new Set([...direct, ...listLockedPackages(fs, joinPath(projectRoot, lockfile))])];
  const entryFiles = listPythonEntryModules(fs, projectRoot, pyproject).map((candidate) =>
    joinPath(projectRoot, candidate.file),
  );
  const port = detectEnvPort(fs, entryFiles, options.port);
  const pythonVersion = detectPythonVersion(fs, projectRoot, pyproject, {
    project: project.name,
    pythonVersion: options.pythonVersion,
  });
  const lockPath = workspace ? joinPath(workspace.root, 'uv.lock') : joinPath(projectRoot, lockfile);
  const systemPackages = readSystemPackages(input, lockPath, lockfile, pythonVersion.value);
  const entrypoint = detectPythonEntrypoint({
    fs,
    project: project.name,
    projectRoot,
    pyproject,
    dependencies,
    packaged,
    port: port?.value,
    entrypoint: options.entrypoint,
  });
  const serverPort = port ? undefined : toServerPort(entrypoint);
  return {
    language: 'python',
    project: project.name,
    projectRoot,
    settings: toServiceSettings(options),
    packageManager: manager,
    manifests: [lockfile, ...(pyproject && manager.value !== 'pip' ? ['pyproject.toml'] : [])],
    hashes,
    pythonVersion,
    packaged,
    entrypoint,
    ...((port ?? serverPort) && { port: port ?? serverPort }),
    ...(workspace && { uvWorkspace: workspace }),
    ...(systemPackages.length > 0 && { systemPackages }),
    closure: detectClosure(graph, project.name),
  };
}

/** The port a server command listens on: uvicorn's `--port N`, gunicorn's `--bind host:N`, Django's `runserver host:N`. */
function toServerPort(entrypoint: Sourced<string[]>): Sourced<number> | undefined {
  const argv = entrypoint.value;
  const flag = argv.findIndex((word) => word === '--port' || word === '--bind' || word === 'runserver');
  const value = flag >= 0 ? argv[flag + 1] : undefined;
  const port = value ? Number(/(?:^|:)(\d{2,5})$/.exec(value)?.[1]) : NaN;
  return port > 0 && port < 65536
    ? { value: port, source: `the server command (${argv.slice(0, flag + 2).join(' ')})` }
    : undefined;
}
