import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { treeFsView } from '../../fs-view';
import { detectPythonProject } from './detect-python-project';

/** A uv project at `root` with `files`; uv.lock lists `locked` packages (uvicorn through fastapi[standard] …). */
function detect(files: Record<string, string>, locked: string[], options: { entry?: string } = {}) {
  const tree = createTreeWithEmptyWorkspace();
  const lock = ['version = 1', ...locked.map((name) => `\n[[package]]\nname = "${name}"\nversion = "1.0.0"`)].join(
    '\n',
  );
  tree.write('uv.lock', `${lock}\n`);
  for (const [path, text] of Object.entries(files)) tree.write(path, text);
  const graph = { nodes: { svc: { data: { root: '.' } } }, dependencies: { svc: [] } };
  return detectPythonProject({
    fs: treeFsView(tree),
    project: { name: 'svc', root: '.' },
    graph,
    options: { entrypoint: options.entry },
  }).entrypoint;
}

const pyproject = (extra = '', dependencies = '"fastapi[standard]==0.118.0"') =>
  `[project]\nname = "svc"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = [${dependencies}]\n` +
  `[project.scripts]\nsvc = "svc:main"\n[build-system]\nrequires = ["uv_build>=0.9"]\nbuild-backend = "uv_build"\n${extra}`;

describe('Python web apps are found by what they are', () => {
  it('app = FastAPI( in a package __init__.py beats a console script; uvicorn comes through fastapi[standard]', () => {
    const entry = detect(
      {
        'pyproject.toml': pyproject(),
        'src/svc/__init__.py': 'from fastapi import FastAPI\napp = FastAPI()\ndef main():\n    print("hi")\n',
      },
      ['fastapi', 'uvicorn'],
    );
    expect(entry).toEqual({
      value: ['uvicorn', 'svc:app', '--host', '0.0.0.0', '--port', '8000'],
      source: 'src/svc/__init__.py (FastAPI app "app")',
    });
  });

  it('[tool.fastapi] entrypoint names the app', () => {
    const entry = detect(
      {
        'pyproject.toml': pyproject('[tool.fastapi]\nentrypoint = "svc.web:api"\n'),
        'src/svc/web.py': 'api = FastAPI()\n',
      },
      ['uvicorn'],
    );
    expect(entry).toEqual({
      value: ['uvicorn', 'svc.web:api', '--host', '0.0.0.0', '--port', '8000'],
      source: 'pyproject.toml#tool.fastapi.entrypoint',
    });
  });

  it('Django manage.py is served by gunicorn when installed', () => {
    const entry = detect(
      {
        'pyproject.toml': pyproject('', '"django==5.2", "gunicorn==23.0.0"'),
        'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site_cfg.settings')\n",
        'site_cfg/wsgi.py': 'application = get_wsgi_application()\n',
      },
      ['django', 'gunicorn'],
    );
    expect(entry.value).toEqual(['gunicorn', '--bind', '0.0.0.0:8000', 'site_cfg.wsgi:application']);
  });

  it('gunicorn.conf.py is used as it is', () => {
    const entry = detect(
      {
        'pyproject.toml': pyproject('', '"flask", "gunicorn"'),
        'gunicorn.conf.py': 'wsgi_app = "web:app"\nbind = "0.0.0.0:9000"\n',
        'web.py': 'app = Flask(__name__)\n',
      },
      [],
    );
    expect(entry.value).toEqual(['gunicorn', '-c', 'gunicorn.conf.py']);
  });

  it('a console script alone is used, with a note that nothing marks a server', () => {
    const entry = detect(
      { 'pyproject.toml': pyproject('', '"httpx"'), 'src/svc/__init__.py': 'def main():\n    print("hi")\n' },
      ['httpx'],
    );
    expect(entry.value).toEqual(['svc']);
    expect(entry.source).toMatch(/nothing marks the project as a server .* --entry=module:app/);
  });

  it('an ASGI app without a server is an error naming the fix', () => {
    expect(() =>
      detect({ 'pyproject.toml': pyproject('', '"fastapi"'), 'src/svc/main.py': 'app = FastAPI()\n' }, ['fastapi']),
    ).toThrow(/svc\.main:app is an ASGI app .* Fix: add uvicorn \(or fastapi\[standard\]\)/);
  });

  it('the entry option: module:app is served, a word is a console script, words are a command', () => {
    const files = { 'pyproject.toml': pyproject(), 'src/svc/api.py': 'app = FastAPI()\n' };
    expect(detect(files, ['uvicorn'], { entry: 'svc.api:app' }).value).toEqual([
      'uvicorn',
      'svc.api:app',
      '--host',
      '0.0.0.0',
      '--port',
      '8000',
    ]);
    expect(detect(files, ['uvicorn'], { entry: 'svc' })).toEqual({ value: ['svc'], source: 'the entry option' });
    expect(detect(files, ['uvicorn'], { entry: 'python -m svc' }).value).toEqual(['python', '-m', 'svc']);
  });
});
