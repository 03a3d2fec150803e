import { parse } from 'smol-toml';
import type { FsView } from '../../fs-view';
import { joinPath } from '../../detect/join-path';
import type { PyProject } from './read-pyproject';

/** A module that may start the service: its import path and its project-relative file. */
export interface PythonModule {
  module: string;
  file: string;
}

/** An app object a server imports (`app = FastAPI(`), what made it, and whether it speaks ASGI. */
export interface PythonApp {
  /** `module:attribute`, as uvicorn and gunicorn take it. */
  target: string;
  framework: string;
  asgi: boolean;
  file: string;
}

/** `app = FastAPI(`, `application = Flask(__name__)`, `application = get_wsgi_application()`. */
const APP_OBJECT =
  /^(\w+)\s*(?::[^=\n]+)?=\s*(FastAPI|Starlette|Litestar|Quart|Sanic|Flask|Django\w*|get_asgi_application|get_wsgi_application)\(/m;
const ASGI = /FastAPI|Starlette|Litestar|Quart|Sanic|get_asgi_application/;
const LEAVES = ['main', 'app', 'server', 'api', 'asgi', 'wsgi', 'web', '__init__', '__main__'];

/** `pricing-py` → `pricing_py`: the import name a distribution name most likely maps to. */
function toModuleName(name: string): string {
  return name.toLowerCase().replace(/[-.]+/g, '_');
}

/**
 * Candidate modules, most specific first: for each package (the distribution's import name, then
 * every package folder under `src/` and at the root), its main/app/server/… modules and its
 * `__init__.py` (`app = FastAPI(` often lives there); then top-level main/app/server/asgi/wsgi.py.
 */
export function listPythonEntryModules(
  fs: FsView,
  projectRoot: string,
  pyproject: PyProject | undefined,
): PythonModule[] {
  const distName = pyproject?.project?.name ?? pyproject?.tool?.poetry?.name ?? projectRoot.split('/').pop() ?? 'app';
  const packages = [toModuleName(distName), toModuleName(distName).replace(/_py$/, ''), 'app'];
  for (const base of ['src', '.']) {
    for (const name of fs.list(joinPath(projectRoot, base))) {
      if (/^[A-Za-z_]\w*$/.test(name) && fs.exists(joinPath(projectRoot, base, name, '__init__.py')))
        packages.push(name);
    }
  }
  const candidates: PythonModule[] = [];
  for (const name of [...new Set(packages)]) {
    for (const base of [`src/${name}`, name]) {
      for (const leaf of LEAVES) {
        const file = `${base}/${leaf}.py`;
        const module = leaf === '__main__' || leaf === '__init__' ? name : `${name}.${leaf}`;
        if (fs.exists(joinPath(projectRoot, file))) candidates.push({ module, file });
      }
    }
  }
  for (const leaf of ['main', 'app', 'server', 'asgi', 'wsgi']) {
    if (fs.exists(joinPath(projectRoot, `${leaf}.py`))) candidates.push({ module: leaf, file: `${leaf}.py` });
  }
  return candidates;
}

/** The first ASGI/WSGI app object among the candidate modules. */
export function findAppObject(fs: FsView, projectRoot: string, candidates: PythonModule[]): PythonApp | undefined {
  for (const candidate of candidates) {
    if (candidate.file.endsWith('__main__.py')) continue;
    const match = APP_OBJECT.exec(fs.read(joinPath(projectRoot, candidate.file)) ?? '');
    if (match)
      return {
        target: `${candidate.module}:${match[1]}`,
        framework: match[2],
        asgi: ASGI.test(match[2]),
        file: joinPath(projectRoot, candidate.file),
      };
  }
  return undefined;
}

/** An app object named `module:attribute` (the entry option, `[tool.fastapi] entrypoint`, gunicorn's wsgi_app). */
export function readAppTarget(fs: FsView, projectRoot: string, target: string): PythonApp {
  const [module, attribute = 'app'] = target.split(':');
  const path = module.replace(/\./g, '/');
  const file = [`src/${path}.py`, `${path}.py`, `src/${path}/__init__.py`, `${path}/__init__.py`]
    .map((candidate) => joinPath(projectRoot, candidate))
    .find((candidate) => fs.exists(candidate));
  const text = file ? (fs.read(file) ?? '') : '';
  const framework = new RegExp(`^${attribute}\\s*(?::[^=\\n]+)?=\\s*(\\w+)\\(`, 'm').exec(text)?.[1] ?? 'unknown';
  return {
    target: `${module}:${attribute}`,
    framework,
    asgi: framework === 'unknown' || ASGI.test(framework),
    file: file ?? joinPath(projectRoot, `${path}.py`),
  };
}

/** `[tool.fastapi] entrypoint = "pkg.main:app"` (FastAPI CLI's own setting). */
export function readFastApiEntrypoint(pyproject: PyProject | undefined): string | undefined {
  const entrypoint = (pyproject?.tool as { fastapi?: { entrypoint?: unknown } } | undefined)?.fastapi?.entrypoint;
  return typeof entrypoint === 'string' ? entrypoint : undefined;
}

/** gunicorn's config file at the project root (its default name, `gunicorn.conf.py`), with the settings we read. */
export function readGunicornConfig(
  fs: FsView,
  projectRoot: string,
): { file: string; wsgiApp?: string; bindPort?: number } | undefined {
  const file = joinPath(projectRoot, 'gunicorn.conf.py');
  const text = fs.read(file);
  if (text === undefined) return undefined;
  const wsgiApp = /^wsgi_app\s*=\s*["']([\w.:]+)["']/m.exec(text)?.[1];
  const bind = /^bind\s*=\s*\[?\s*["'][^"':]*:(\d{2,5})["']/m.exec(text)?.[1];
  return { file, ...(wsgiApp && { wsgiApp }), ...(bind && { bindPort: Number(bind) }) };
}

/** Django: `manage.py` names the settings module; `<project>.wsgi:application` / `.asgi:application` serve it. */
export function readDjangoProject(
  fs: FsView,
  projectRoot: string,
): { file: string; wsgi?: PythonApp; asgi?: PythonApp } | undefined {
  const file = joinPath(projectRoot, 'manage.py');
  const settings = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)\.settings["']/.exec(fs.read(file) ?? '')?.[1];
  if (!settings) return undefined;
  const app = (kind: 'wsgi' | 'asgi'): PythonApp | undefined => {
    const path = joinPath(projectRoot, `${settings.replace(/\./g, '/')}/${kind}.py`);
    return fs.exists(path)
      ? { target: `${settings}.${kind}:application`, framework: 'Django', asgi: kind === 'asgi', file: path }
      : undefined;
  };
  return { file, wsgi: app('wsgi'), asgi: app('asgi') };
}

/**
 * Distributions the lockfile installs (uv.lock / poetry.lock `[[package]] name`), so a server that
 * comes through an extra (`fastapi[standard]` → uvicorn) counts. Names normalised like PEP 503.
 */
export function listLockedPackages(fs: FsView, lockfile: string): string[] {
  if (!/\.lock$/.test(lockfile)) return [];
  try {
    const data = parse(fs.read(lockfile) ?? '') as { package?: { name?: string }[] };
    return (data.package ?? []).map((entry) => (entry.name ?? '').toLowerCase().replace(/[._]+/g, '-')).filter(Boolean);
  } catch {
    return [];
  }
}
