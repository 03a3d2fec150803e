import type { FsView } from '../../fs-view';
import type { Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import { joinPath } from '../../detect/join-path';
import type { PyProject } from './read-pyproject';

export interface PythonEntrypointInput {
  fs: FsView;
  project: string;
  projectRoot: string;
  pyproject?: PyProject;
  /** Normalised dependency names (uvicorn, gunicorn, …). */
  dependencies: string[];
  packaged: boolean;
  port?: number;
  entrypoint?: string;
}

/** `pricing-py` → `pricing_py`: the import name a distribution name most likely maps to. */
function toModuleName(name: string): string {
  return name.toLowerCase().replace(/[-.]+/g, '_');
}

/** Candidate modules (import path, project-relative file), most specific first. */
function listCandidateModules(fs: FsView, projectRoot: string, names: string[]): { module: string; file: string }[] {
  const candidates: { module: string; file: string }[] = [];
  for (const name of names) {
    for (const base of [`src/${name}`, name]) {
      for (const leaf of ['main', 'app', 'server', 'api', 'asgi', 'wsgi', '__main__']) {
        const file = `${base}/${leaf}.py`;
        if (fs.exists(joinPath(projectRoot, file))) candidates.push({ module: leaf === '__main__' ? name : `${name}.${leaf}`, file });
      }
    }
  }
  for (const leaf of ['main', 'app', 'server', 'asgi', 'wsgi']) {
    if (fs.exists(joinPath(projectRoot, `${leaf}.py`))) candidates.push({ module: leaf, file: `${leaf}.py` });
  }
  return candidates;
}

/** Modules that may start the service (their files are also where the port is read from). */
export function listPythonEntryModules(fs: FsView, projectRoot: string, pyproject: PyProject | undefined): { module: string; file: string }[] {
  const distName = pyproject?.project?.name ?? pyproject?.tool?.poetry?.name ?? projectRoot.split('/').pop() ?? 'app';
  const names = [...new Set([toModuleName(distName), toModuleName(distName).replace(/_py$/, ''), 'app'])];
  return listCandidateModules(fs, projectRoot, names);
}

/** An app object a server can import: `app = FastAPI(`, `application = Flask(__name__)`. */
const APP_OBJECT = /^(\w+)\s*(?::[^=]+)?=\s*(FastAPI|Starlette|Litestar|Quart|Flask|Django\w*|get_asgi_application|get_wsgi_application)\(/m;
const ASGI = /FastAPI|Starlette|Litestar|Quart|get_asgi_application/;

/**
 * What the image runs, in precedence order: the `entrypoint` option → an ASGI app under uvicorn
 * (or a WSGI app under gunicorn) when that server is a dependency → the first `[project.scripts]`
 * console script of a packaged project → `python -m <package>` when it has `__main__.py` →
 * `python <file>.py` for a top-level main/app/server module.
 */
export function detectPythonEntrypoint(input: PythonEntrypointInput): Sourced<string[]> {
  const { fs, projectRoot, pyproject, dependencies } = input;
  if (input.entrypoint) return { value: input.entrypoint.trim().split(/\s+/), source: 'the entrypoint option' };
  const candidates = listPythonEntryModules(fs, projectRoot, pyproject);
  const port = String(input.port ?? 8000);
  for (const candidate of candidates) {
    const match = APP_OBJECT.exec(fs.read(joinPath(projectRoot, candidate.file)) ?? '');
    if (!match || candidate.module.endsWith('__main__')) continue;
    const target = `${candidate.module}:${match[1]}`;
    const source = `${joinPath(projectRoot, candidate.file)} (${match[2]} app "${match[1]}")`;
    if (ASGI.test(match[2]) && dependencies.includes('uvicorn')) return { value: ['uvicorn', target, '--host', '0.0.0.0', '--port', port], source };
    if (!ASGI.test(match[2]) && dependencies.includes('gunicorn')) return { value: ['gunicorn', '--bind', `0.0.0.0:${port}`, target], source };
  }
  const scripts = Object.keys(pyproject?.project?.scripts ?? pyproject?.tool?.poetry?.scripts ?? {});
  if (input.packaged && scripts.length > 0) return { value: [scripts[0]], source: `${joinPath(projectRoot, 'pyproject.toml')}#project.scripts.${scripts[0]}` };
  const main = candidates.find((candidate) => candidate.file.endsWith('__main__.py'));
  if (main) return { value: ['python', '-m', main.module], source: joinPath(projectRoot, main.file) };
  const script = candidates.find((candidate) => !candidate.file.includes('/'));
  if (script) return { value: ['python', script.file], source: joinPath(projectRoot, script.file) };
  throw createDetectError({
    project: input.project,
    file: joinPath(projectRoot, 'pyproject.toml'),
    problem: 'no entrypoint found (no uvicorn/gunicorn app, [project.scripts] entry, <package>/__main__.py or main.py)',
    fix: 'add a [project.scripts] entry or a __main__.py, or pass --entrypoint="python -m mypackage"',
  });
}
