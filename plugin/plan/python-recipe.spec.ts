import { describe, expect, it } from 'vitest';
import type { PythonProfile } from '../types';
import versions from '../versions.json';
import { pipHashesProfile, pipPinnedProfile, uvicornProfile, uvProfile } from './__fixtures__/python-java-profiles';
import { findStage, runCommands } from './__fixtures__/plan-queries';
import { validatePlan } from './validate-plan';
import { planPythonRecipe } from '../languages/python/plan-python-recipe';
import { withSettings } from '../detect/service-settings';

describe('planPythonRecipe', () => {
  it('uv: uv image stage, deps from the lockfile only, then the project into /opt/venv', () => {
    const plan = planPythonRecipe(withSettings(uvProfile, { runtime: 'slim', buildMode: 'docker' }));
    expect(plan.stages.map((stage) => `${stage.name}:${stage.role}`)).toEqual([
      'uv:base',
      'base:base',
      'deps:deps',
      'build:build',
      'runtime:runtime',
    ]);
    expect(findStage(plan, 'uv').from).toEqual({ image: 'ghcr.io/astral-sh/uv', tag: versions.python.uv });
    expect(findStage(plan, 'deps').steps[0]).toEqual({
      kind: 'copy',
      role: 'manifest',
      sources: ['apps/pricing-py/uv.lock', 'apps/pricing-py/pyproject.toml'],
      dest: './',
    });
    expect(runCommands(findStage(plan, 'deps'))).toEqual([
      'uv sync --locked --no-dev --no-install-project --no-editable',
    ]);
    expect(runCommands(findStage(plan, 'build'))).toEqual([
      'sh -s -- /opt/venv /overlay uv sync --locked --no-dev --no-editable',
    ]);
    // A packaged project lives in the venv: the deps venv, then only what the project install added.
    expect(findStage(plan, 'runtime').steps.filter((step) => step.kind === 'copy')).toEqual([
      { kind: 'copy', role: 'dependencies', from: 'deps', sources: ['/opt/venv'], dest: '/opt/venv' },
      { kind: 'copy', role: 'dependencies', from: 'build', sources: ['/overlay/'], dest: '/' },
    ]);
    expect(findStage(plan, 'runtime').steps).toContainEqual({ kind: 'cmd', argv: ['pricing'] });
  });

  it('a source edit cannot re-run the dependency install: the second uv sync is project-only, a plain one would be flagged', () => {
    const plan = planPythonRecipe(withSettings(uvProfile, { runtime: 'slim', buildMode: 'docker' }));
    const broken = structuredClone(plan);
    const build = findStage(broken, 'build');
    expect(build.steps.find((step) => step.kind === 'run')).toMatchObject({ role: 'project-install', locked: true });
    build.steps = build.steps.map((step) =>
      step.kind === 'run' && step.role === 'project-install' ? { ...step, role: 'install' } : step,
    );
    expect(validatePlan(broken)).toEqual(['stage build: install after a source copy re-runs on every source change']);
    const noDeps = structuredClone(plan);
    findStage(noDeps, 'deps').steps = findStage(noDeps, 'deps').steps.filter((step) => step.kind !== 'run');
    expect(validatePlan(noDeps)).toEqual([
      expect.stringMatching(/stage build: project-install with no install of the dependencies before it/),
    ]);
  });

  it('uv workspace member: root lock + every member manifest, --package closure without the workspace, then the needed members from source', () => {
    const profile: PythonProfile = {
      ...uvProfile,
      projectRoot: 'apps/api',
      uvWorkspace: {
        root: '.',
        package: 'api',
        members: ['apps/api', 'apps/other', 'libs/greeting'],
        needed: ['libs/greeting', 'apps/api'],
        paths: [],
      },
      closure: ['libs/greeting'],
    };
    const plan = planPythonRecipe(withSettings(profile, { runtime: 'slim', buildMode: 'docker' }));
    expect(validatePlan(plan)).toEqual([]);
    const deps = findStage(plan, 'deps');
    expect(deps.steps.filter((step) => step.kind === 'copy')).toEqual([
      { kind: 'copy', role: 'manifest', sources: ['uv.lock', 'pyproject.toml'], dest: './' },
      { kind: 'copy', role: 'manifest', sources: ['apps/api/pyproject.toml'], dest: 'apps/api/' },
      { kind: 'copy', role: 'manifest', sources: ['apps/other/pyproject.toml'], dest: 'apps/other/' },
      { kind: 'copy', role: 'manifest', sources: ['libs/greeting/pyproject.toml'], dest: 'libs/greeting/' },
    ]);
    expect(runCommands(deps)).toEqual(['uv sync --locked --no-dev --package api --no-install-workspace --no-editable']);
    const build = findStage(plan, 'build');
    expect(build.steps.filter((step) => step.kind === 'copy')).toEqual([
      { kind: 'copy', role: 'source', sources: ['libs/greeting/'], dest: 'libs/greeting/' },
      { kind: 'copy', role: 'source', sources: ['apps/api/'], dest: 'apps/api/' },
    ]);
    expect(runCommands(build)[0]).toBe(
      'sh -s -- /opt/venv /overlay uv sync --locked --no-dev --package api --no-editable',
    );
    expect(plan.ignore).toEqual(
      expect.arrayContaining([
        '!uv.lock',
        '!pyproject.toml',
        '!apps/other/pyproject.toml',
        '!libs/greeting',
        '!apps/api',
      ]),
    );
    expect(plan.ignore).not.toContain('!apps/other');
    // A path source outside the members: its manifest before the install, which skips it (--no-install-local).
    const withPath = planPythonRecipe(
      withSettings(
        {
          ...profile,
          uvWorkspace: {
            ...profile.uvWorkspace!,
            needed: ['vendor/x', ...profile.uvWorkspace!.needed],
            paths: ['vendor/x'],
          },
        },
        { runtime: 'slim', buildMode: 'docker' },
      ),
    );
    expect(findStage(withPath, 'deps').steps).toContainEqual({
      kind: 'copy',
      role: 'manifest',
      sources: ['vendor/x/pyproject.toml'],
      dest: 'vendor/x/',
    });
    expect(runCommands(findStage(withPath, 'deps'))).toEqual([
      'uv sync --locked --no-dev --package api --no-install-workspace --no-install-local --no-editable',
    ]);
  });

  it('a native dependency: its build packages in base (apt, locked caches), its runtime library in the runtime; distroless refuses with the fix', () => {
    const profile: PythonProfile = {
      ...uvProfile,
      systemPackages: [
        { build: ['gcc', 'libpq-dev'], runtime: ['libpq5'], reason: 'psycopg2 (uv.lock) has no Linux wheel' },
      ],
    };
    const plan = planPythonRecipe(withSettings(profile, { runtime: 'slim', buildMode: 'docker' }));
    expect(validatePlan(plan)).toEqual([]);
    expect(runCommands(findStage(plan, 'base'))[0]).toMatch(
      /apt-get install -y --no-install-recommends gcc libpq-dev$/,
    );
    expect(runCommands(findStage(plan, 'runtime'))[0]).toMatch(/apt-get install -y --no-install-recommends libpq5$/);
    expect(plan.notes).toContain(
      'System packages: build stage gcc libpq-dev; runtime libpq5 (apt, caches mounted with sharing=locked).',
    );
    expect(() => planPythonRecipe(withSettings(profile, { runtime: 'distroless', buildMode: 'docker' }))).toThrow(
      /psycopg2 \(uv\.lock\).*distroless has no package manager to add libpq5\. Fix: use --runtime slim/,
    );
  });

  it('pip: --require-hashes with hashes; --no-deps and pip check without', () => {
    expect(
      runCommands(
        findStage(planPythonRecipe(withSettings(pipHashesProfile, { runtime: 'slim', buildMode: 'docker' })), 'deps'),
      ),
    ).toEqual(['pip install --require-hashes -r requirements.txt']);
    expect(
      runCommands(
        findStage(planPythonRecipe(withSettings(pipPinnedProfile, { runtime: 'slim', buildMode: 'docker' })), 'deps'),
      ),
    ).toEqual(['/bin/sh -c pip install --no-deps -r requirements.txt && pip check']);
    const unfrozen = structuredClone(
      planPythonRecipe(withSettings(pipHashesProfile, { runtime: 'slim', buildMode: 'docker' })),
    );
    const run = findStage(unfrozen, 'deps').steps.find((step) => step.kind === 'run');
    if (run?.kind === 'run')
      Object.assign(run, { command: ['pip', 'install', '-r', 'requirements.txt'], locked: false });
    expect(validatePlan(unfrozen)).toEqual([
      expect.stringMatching(/install is not locked: pip install -r requirements.txt/),
    ]);
  });

  it('not packaged: the app files are copied and compiled to bytecode at build time', () => {
    const plan = planPythonRecipe(withSettings(uvicornProfile, { runtime: 'slim', buildMode: 'docker' }));
    expect(runCommands(findStage(plan, 'build'))).toContain(
      'python -m compileall -q --invalidation-mode unchecked-hash /app',
    );
    expect(findStage(plan, 'runtime').steps).toContainEqual({
      kind: 'copy',
      role: 'artifact',
      from: 'build',
      sources: ['/app/'],
      dest: './',
    });
  });

  it('distroless: Debian python3 venv, ENTRYPOINT names the venv program, uid 65532, no useradd', () => {
    const plan = planPythonRecipe(withSettings(uvicornProfile, { runtime: 'distroless', buildMode: 'docker' }));
    expect(findStage(plan, 'base').from).toEqual({ image: 'debian', tag: 'bookworm-slim' });
    expect(findStage(plan, 'runtime').from).toEqual({ image: 'gcr.io/distroless/python3-debian12', tag: '' });
    expect(findStage(plan, 'runtime').steps).toContainEqual({
      kind: 'entrypoint',
      argv: ['/opt/venv/bin/uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '8000'],
    });
    expect(runCommands(findStage(plan, 'runtime'))).toEqual([]);
  });

  it('pins every cache mount: dropping UV_CACHE_DIR is reported', () => {
    const plan = structuredClone(planPythonRecipe(withSettings(uvProfile, { runtime: 'slim', buildMode: 'docker' })));
    const env = findStage(plan, 'base').steps.find((step) => step.kind === 'env');
    if (env?.kind === 'env') delete env.vars.UV_CACHE_DIR;
    expect(validatePlan(plan)).toEqual([
      'stage deps: cache mount /root/.cache/uv is not pinned by an env var',
      'stage build: cache mount /root/.cache/uv is not pinned by an env var',
    ]);
  });
});
