import type { FsView } from '../../fs-view';
import type { Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import { joinPath } from '../../detect/join-path';
import type { PyProject } from './read-pyproject';
import {
  findAppObject,
  listPythonEntryModules,
  readAppTarget,
  readDjangoProject,
  readFastApiEntrypoint,
  readGunicornConfig,
  type PythonApp,
} from './python-web-apps';

export { listPythonEntryModules } from './python-web-apps';

export interface PythonEntrypointInput {
  fs: FsView;
  project: string;
  projectRoot: string;
  pyproject?: PyProject;
  /** Normalised names of every distribution the image installs (direct dependencies and the lockfile's packages). */
  dependencies: string[];
  packaged: boolean;
  port?: number;
  /** The `entry` option (alias `entrypoint`). */
  entrypoint?: string;
}

/**
 * What the image runs. Evidence, strongest first (docs/entry-port-health-toolchain.md):
 * 1. the `entry` option: a whole command, a `module:app` object, or a console-script name;
 * 2. `[tool.fastapi] entrypoint` in pyproject.toml (FastAPI CLI's own setting);
 * 3. `gunicorn.conf.py` at the project root (gunicorn's default config name), when gunicorn is installed;
 * 4. Django's `manage.py` (its settings package's asgi.py/wsgi.py `application`);
 * 5. an ASGI/WSGI app object (`app = FastAPI(`, `Flask(__name__)` …) in the package's main/app/server/
 *    `__init__` modules or a top-level main/app/server/asgi/wsgi.py;
 *    served by uvicorn (ASGI; also when it comes through `fastapi[standard]`) or gunicorn (WSGI);
 * 6. a `[project.scripts]` console script, only when nothing above says the project is a server
 *    (the source says so, since a console script may print and exit);
 * 7. `python -m <package>` (`__main__.py`), then `python <main|app|server>.py`.
 */
export function detectPythonEntrypoint(input: PythonEntrypointInput): Sourced<string[]> {
  const { fs, projectRoot, pyproject } = input;
  const serve = (app: PythonApp, source: string) => toServerCommand(input, app, source);
  if (input.entrypoint) return fromOption(input, input.entrypoint.trim());
  const fastapi = readFastApiEntrypoint(pyproject);
  if (fastapi)
    return serve(
      readAppTarget(fs, projectRoot, fastapi),
      `${joinPath(projectRoot, 'pyproject.toml')}#tool.fastapi.entrypoint`,
    );
  const candidates = listPythonEntryModules(fs, projectRoot, pyproject);
  const found = findAppObject(fs, projectRoot, candidates);
  const gunicorn = readGunicornConfig(fs, projectRoot);
  if (gunicorn && input.dependencies.includes('gunicorn')) return fromGunicornConfig(input, gunicorn, found);
  const django = readDjangoProject(fs, projectRoot);
  if (django) return fromDjango(input, django);
  if (found) return serve(found, `${found.file} (${found.framework} app "${found.target.split(':')[1]}")`);
  const scripts = Object.keys(pyproject?.project?.scripts ?? pyproject?.tool?.poetry?.scripts ?? {});
  if (input.packaged && scripts.length > 0) {
    return {
      value: [scripts[0]],
      source:
        `${joinPath(projectRoot, 'pyproject.toml')}#project.scripts.${scripts[0]}; nothing marks the project as a server ` +
        '(no ASGI/WSGI app object, manage.py, [tool.fastapi] or gunicorn.conf.py): if it serves, pass --entry=module:app',
    };
  }
  const main = candidates.find((candidate) => candidate.file.endsWith('__main__.py'));
  if (main) return { value: ['python', '-m', main.module], source: joinPath(projectRoot, main.file) };
  const script = candidates.find((candidate) => !candidate.file.includes('/'));
  if (script) return { value: ['python', script.file], source: joinPath(projectRoot, script.file) };
  throw createDetectError({
    project: input.project,
    file: joinPath(projectRoot, 'pyproject.toml'),
    problem:
      'no entrypoint found (no ASGI/WSGI app object, [tool.fastapi] entrypoint, manage.py, [project.scripts] entry, <package>/__main__.py or main.py)',
    fix: 'pass --entry=module:app (served by uvicorn or gunicorn), --entry=<console script> or --entry="python -m mypackage"',
  });
}

function fromOption(input: PythonEntrypointInput, entry: string): Sourced<string[]> {
  const source = 'the entry option';
  if (/\s/.test(entry)) return { value: entry.split(/\s+/), source };
  if (/^[\w.]+:\w+$/.test(entry))
    return toServerCommand(input, readAppTarget(input.fs, input.projectRoot, entry), source);
  return { value: [entry], source };
}

/** uvicorn for ASGI apps (and WSGI ones when only uvicorn is there), gunicorn for WSGI; an Error when neither is installed. */
function toServerCommand(input: PythonEntrypointInput, app: PythonApp, source: string): Sourced<string[]> {
  const port = String(input.port ?? 8000);
  const has = (name: string) => input.dependencies.includes(name);
  if (app.asgi && has('uvicorn'))
    return { value: ['uvicorn', app.target, '--host', '0.0.0.0', '--port', port], source };
  if (!app.asgi && has('gunicorn')) return { value: ['gunicorn', '--bind', `0.0.0.0:${port}`, app.target], source };
  if (!app.asgi && has('uvicorn'))
    return { value: ['uvicorn', app.target, '--interface', 'wsgi', '--host', '0.0.0.0', '--port', port], source };
  throw createDetectError({
    project: input.project,
    file: app.file,
    problem: `${app.target} is ${app.asgi ? 'an ASGI' : 'a WSGI'} app (${source}) but no ${app.asgi ? 'ASGI server (uvicorn)' : 'WSGI server (gunicorn or uvicorn)'} is among the dependencies`,
    fix: `add ${app.asgi ? 'uvicorn (or fastapi[standard])' : 'gunicorn'} to the dependencies and lock, or pass --entry with the command that serves it`,
  });
}

function fromGunicornConfig(
  input: PythonEntrypointInput,
  config: NonNullable<ReturnType<typeof readGunicornConfig>>,
  found?: PythonApp,
): Sourced<string[]> {
  const target = config.wsgiApp ? [] : found ? [found.target] : [];
  const bind = config.bindPort ? [] : ['--bind', `0.0.0.0:${input.port ?? 8000}`];
  const app = config.wsgiApp
    ? `wsgi_app ${config.wsgiApp}`
    : found
      ? `app ${found.target} from ${found.file}`
      : 'no app found';
  if (!config.wsgiApp && !found) {
    throw createDetectError({
      project: input.project,
      file: config.file,
      problem: 'gunicorn is configured but no wsgi_app is set and no app object was found',
      fix: 'set wsgi_app in gunicorn.conf.py or pass --entry=module:app',
    });
  }
  return { value: ['gunicorn', '-c', 'gunicorn.conf.py', ...bind, ...target], source: `${config.file} (${app})` };
}

function fromDjango(
  input: PythonEntrypointInput,
  django: NonNullable<ReturnType<typeof readDjangoProject>>,
): Sourced<string[]> {
  const has = (name: string) => input.dependencies.includes(name);
  const app = has('uvicorn') && django.asgi ? django.asgi : django.wsgi;
  if (app && (has('gunicorn') || has('uvicorn')))
    return toServerCommand(input, app, `${django.file} (Django ${app.target})`);
  return {
    value: ['python', 'manage.py', 'runserver', `0.0.0.0:${input.port ?? 8000}`, '--noreload'],
    source: `${django.file} (Django; no gunicorn or uvicorn among the dependencies, so Django's development server: add gunicorn for production)`,
  };
}
