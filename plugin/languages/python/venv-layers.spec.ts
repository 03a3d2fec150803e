import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  pipHashesProfile,
  poetryProfile,
  uvicornProfile,
  uvProfile,
} from '../../plan/__fixtures__/python-java-profiles';
import { findStage } from '../../plan/__fixtures__/plan-queries';
import { validatePlan } from '../../plan/validate-plan';
import { withSettings } from '../../detect/service-settings';
import type { PythonProfile } from '../../types';
import { planPythonRecipe } from './plan-python-recipe';

const SCRIPT = readFileSync(join(__dirname, 'venv-overlay.sh'), 'utf8');
const OLD = new Date('2000-01-01T00:00:00Z');

/** A venv as the deps layer left it: a dependency, a shared .pth and a symlink, all with old times. */
function makeDepsVenv(): { root: string; venv: string; site: string } {
  const root = mkdtempSync(join(tmpdir(), 'venv-overlay-'));
  const venv = join(root, 'opt/venv');
  const site = join(venv, 'lib/site-packages');
  mkdirSync(join(venv, 'bin'), { recursive: true });
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'dep.py'), 'dep = 1\n');
  writeFileSync(join(site, 'shared.pth'), 'deps\n');
  symlinkSync('dep.py', join(site, 'dep-link.py'));
  for (const file of ['dep.py', 'shared.pth']) utimesSync(join(site, file), OLD, OLD);
  return { root, venv, site };
}

/** Runs venv-overlay.sh as the Dockerfile does (`sh -s -- <venv> <overlay> <install…>`, script on stdin). */
function runOverlay(cwd: string, venv: string, overlay: string, install: string) {
  return spawnSync('sh', ['-s', '--', venv, overlay, 'sh', '-c', install], { cwd, input: SCRIPT, encoding: 'utf8' });
}

describe('venv-overlay.sh', () => {
  it('copies what the install added or rewrote (even with an old mtime), with paths, modes and symlinks; nothing else', () => {
    const { root, venv, site } = makeDepsVenv();
    const overlay = join(root, 'overlay');
    // The install runs in the caller's directory; rewrites the shared .pth keeping its old mtime, adds a package and a script.
    const install = [
      'test "$(pwd)" = "$PWD_EXPECTED"',
      `mkdir ${site}/proj && echo 'x = 1' > ${site}/proj/__init__.py`,
      `echo 'deps' > ${site}/shared.pth && echo '/app/src' >> ${site}/shared.pth && touch -d 2000-01-01 ${site}/shared.pth`,
      `printf '#!/opt/venv/bin/python' > ${venv}/bin/proj && chmod 755 ${venv}/bin/proj`,
      `ln -s proj/__init__.py ${site}/proj-link.py`,
    ].join(' && ');
    const result = spawnSync('sh', ['-s', '--', venv, overlay, 'sh', '-c', install], {
      cwd: root,
      input: SCRIPT,
      encoding: 'utf8',
      env: { ...process.env, PWD_EXPECTED: root },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const files = execFileSync('find', ['.', '!', '-type', 'd'], { cwd: overlay, encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    const at = (path: string) => `.${join(site, path)}`;
    expect(files).toEqual([`.${venv}/bin/proj`, at('proj-link.py'), at('proj/__init__.py'), at('shared.pth')].sort());
    expect(readFileSync(join(overlay, site, 'shared.pth'), 'utf8')).toBe('deps\n/app/src\n');
    expect(lstatSync(join(overlay, venv, 'bin/proj')).mode & 0o777).toBe(0o755);
    expect(readlinkSync(join(overlay, site, 'proj-link.py'))).toBe('proj/__init__.py');
  });

  it('an install that changes nothing leaves an empty overlay directory (the runtime COPY still finds it)', () => {
    const { root, venv } = makeDepsVenv();
    const result = runOverlay(root, venv, join(root, 'overlay'), 'true');
    expect(result.status).toBe(0);
    expect(execFileSync('find', ['.'], { cwd: join(root, 'overlay'), encoding: 'utf8' }).trim()).toBe('.');
  });

  it('fails, naming the file, when the install removes a file of the dependency layer (a layer on top cannot remove it)', () => {
    const { root, venv, site } = makeDepsVenv();
    chmodSync(site, 0o755);
    const result = runOverlay(root, venv, join(root, 'overlay'), `rm ${site}/dep.py`);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('removed these files from the dependency layer');
    expect(result.stderr).toContain(`${site.slice(1)}/dep.py`);
  });
});

describe('the runtime venv in two layers, for every Python shape', () => {
  const workspace: PythonProfile = {
    ...uvProfile,
    projectRoot: 'apps/api',
    uvWorkspace: {
      root: '.',
      package: 'api',
      members: ['apps/api', 'libs/g'],
      needed: ['libs/g', 'apps/api'],
      paths: [],
    },
    closure: ['libs/g'],
  };
  const packagedPip: PythonProfile = { ...pipHashesProfile, packaged: true };
  const rows: [string, PythonProfile, boolean][] = [
    ['uv package', uvProfile, true],
    ['uv workspace member', workspace, true],
    ['uv, not a package', uvicornProfile, true],
    ['pip package', packagedPip, true],
    ['pip, not a package', pipHashesProfile, false],
    ['poetry (editable: its .pth)', poetryProfile, true],
  ];
  it.each(rows)(
    '%s: deps venv from deps, the overlay from build only when the project is installed',
    (_name, profile, installs) => {
      for (const runtime of ['slim', 'distroless'] as const) {
        const plan = planPythonRecipe(withSettings(profile, { runtime, buildMode: 'docker' }));
        expect(validatePlan(plan)).toEqual([]);
        const copies = findStage(plan, 'runtime').steps.filter(
          (step) => step.kind === 'copy' && step.role === 'dependencies',
        );
        expect(copies).toEqual([
          { kind: 'copy', role: 'dependencies', from: 'deps', sources: ['/opt/venv'], dest: '/opt/venv' },
          ...(installs
            ? [{ kind: 'copy', role: 'dependencies', from: 'build', sources: ['/overlay/'], dest: '/' }]
            : []),
        ]);
        const projectInstall = findStage(plan, 'build').steps.find(
          (step) => step.kind === 'run' && step.role === 'project-install',
        );
        expect(projectInstall !== undefined).toBe(installs);
        if (projectInstall?.kind === 'run') {
          expect(projectInstall.command.slice(0, 5)).toEqual(['sh', '-s', '--', '/opt/venv', '/overlay']);
          expect(projectInstall.heredoc).toEqual({ script: 'venv-overlay' });
        }
        // The deps venv is in its layer (invariant 9): no later cache mount may hide it.
        expect(
          findStage(plan, 'deps').steps.find((step) => step.kind === 'run' && step.role === 'install'),
        ).toMatchObject({ layers: ['/opt/venv'] });
      }
    },
  );

  it('Poetry: the root alone after the sources (Poetry 2 refuses --only beside --only-root), downloads trusting the system CA bundle', () => {
    const plan = planPythonRecipe(withSettings(poetryProfile, { runtime: 'slim', buildMode: 'docker' }));
    const install = findStage(plan, 'build').steps.find(
      (step) => step.kind === 'run' && step.role === 'project-install',
    );
    expect(install?.kind === 'run' && install.command.slice(5)).toEqual([
      '/opt/poetry/bin/poetry',
      'install',
      '--only-root',
    ]);
    expect(findStage(plan, 'base').steps).toContainEqual(
      expect.objectContaining({
        kind: 'env',
        vars: expect.objectContaining({ REQUESTS_CA_BUNDLE: '/etc/ssl/certs/ca-certificates.crt' }),
      }),
    );
  });

  it('a deps stage that may hold dev dependencies cannot reach the runtime', () => {
    const plan = structuredClone(planPythonRecipe(withSettings(uvProfile, { runtime: 'slim', buildMode: 'docker' })));
    delete findStage(plan, 'deps').productionOnly;
    expect(validatePlan(plan)).toContain('runtime: copies from a deps stage (dev dependencies would ship)');
  });
});
