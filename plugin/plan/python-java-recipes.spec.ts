import { describe, expect, it } from 'vitest';
import type { BuildPlan, JavaProfile, PythonProfile, RuntimeBase, Stage, Step } from '../types';
import versions from '../versions.json';
import {
  gradleAppProfile,
  gradleBootProfile,
  mavenBootProfile,
  mavenProfile,
  pipHashesProfile,
  pipPinnedProfile,
  poetryProfile,
  uvicornProfile,
  uvProfile,
} from './__fixtures__/python-java-profiles';
import { planProject } from './plan-project';
import { validatePlan } from './validate-plan';
import { planJavaRecipe } from '../languages/java/plan-java-recipe';
import { planPythonRecipe } from '../languages/python/plan-python-recipe';
import { withSettings } from '../detect/service-settings';

const RUNTIMES: RuntimeBase[] = ['slim', 'distroless'];
const PYTHON: PythonProfile[] = [uvProfile, uvicornProfile, pipHashesProfile, pipPinnedProfile, poetryProfile];
const JAVA: JavaProfile[] = [mavenProfile, mavenBootProfile, gradleBootProfile, gradleAppProfile];

function findStage(plan: BuildPlan, name: string): Stage {
  const stage = plan.stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage ${name}`);
  return stage;
}

const runs = (stage: Stage) =>
  stage.steps
    .filter((step): step is Extract<Step, { kind: 'run' }> => step.kind === 'run')
    .map((step) => step.command.join(' '));

describe('every Python and Java profile × runtime plans a valid Dockerfile', () => {
  const rows = [...PYTHON, ...JAVA].flatMap((profile) =>
    RUNTIMES.map((runtime) => [`${profile.project} ${runtime}`, profile, runtime] as const),
  );
  it.each(rows)('%s', (_name, profile, runtime) => {
    const plan = planProject(withSettings(profile, { runtime, buildMode: 'docker' }));
    expect(validatePlan(plan)).toEqual([]);
    const runtimeStage = findStage(plan, 'runtime');
    expect(runtimeStage.steps).toContainEqual({
      kind: 'user',
      uid: runtime === 'distroless' ? versions.distroless.nonrootUid : 10001,
      gid: runtime === 'distroless' ? versions.distroless.nonrootUid : 10001,
    });
    // Nothing from deps or base reaches the runtime: only the build stage's venv / jar layout.
    expect(
      runtimeStage.steps
        .filter((step) => step.kind === 'copy')
        .every((step) => step.kind === 'copy' && step.from === 'build'),
    ).toBe(true);
  });
});

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
    expect(runs(findStage(plan, 'deps'))).toEqual(['uv sync --locked --no-dev --no-install-project --no-editable']);
    expect(runs(findStage(plan, 'build'))).toEqual(['uv sync --locked --no-dev --no-editable']);
    // A packaged project lives in the venv: the runtime copies nothing else.
    expect(findStage(plan, 'runtime').steps.filter((step) => step.kind === 'copy')).toEqual([
      { kind: 'copy', role: 'dependencies', from: 'build', sources: ['/opt/venv'], dest: '/opt/venv', link: true },
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
    expect(runs(deps)).toEqual(['uv sync --locked --no-dev --package api --no-install-workspace --no-editable']);
    const build = findStage(plan, 'build');
    expect(build.steps.filter((step) => step.kind === 'copy')).toEqual([
      { kind: 'copy', role: 'source', sources: ['libs/greeting/'], dest: 'libs/greeting/' },
      { kind: 'copy', role: 'source', sources: ['apps/api/'], dest: 'apps/api/' },
    ]);
    expect(runs(build)[0]).toBe('uv sync --locked --no-dev --package api --no-editable');
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
    expect(runs(findStage(withPath, 'deps'))).toEqual([
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
    expect(runs(findStage(plan, 'base'))[0]).toMatch(/apt-get install -y --no-install-recommends gcc libpq-dev$/);
    expect(runs(findStage(plan, 'runtime'))[0]).toMatch(/apt-get install -y --no-install-recommends libpq5$/);
    expect(plan.notes).toContain(
      'System packages: build stage gcc libpq-dev; runtime libpq5 (apt, caches mounted with sharing=locked).',
    );
    expect(() => planPythonRecipe(withSettings(profile, { runtime: 'distroless', buildMode: 'docker' }))).toThrow(
      /psycopg2 \(uv\.lock\).*distroless has no package manager to add libpq5\. Fix: use --runtime slim/,
    );
  });

  it('pip: --require-hashes with hashes; --no-deps and pip check without', () => {
    expect(
      runs(
        findStage(planPythonRecipe(withSettings(pipHashesProfile, { runtime: 'slim', buildMode: 'docker' })), 'deps'),
      ),
    ).toEqual(['pip install --require-hashes -r requirements.txt']);
    expect(
      runs(
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
    expect(runs(findStage(plan, 'build'))).toContain('python -m compileall -q --invalidation-mode unchecked-hash /app');
    expect(findStage(plan, 'runtime').steps).toContainEqual({
      kind: 'copy',
      role: 'artifact',
      from: 'build',
      sources: ['/app/'],
      dest: './',
      link: true,
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
    expect(runs(findStage(plan, 'runtime'))).toEqual([]);
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

describe('planJavaRecipe', () => {
  it('Maven: the same package on the poms alone pre-fetches (cache pinned by MAVEN_OPTS), offline package without tests, plain jar + lib on the JRE', () => {
    const plan = planJavaRecipe(withSettings(mavenProfile, { runtime: 'slim', buildMode: 'docker' }));
    expect(findStage(plan, 'base').from).toEqual({ image: 'maven', tag: '3-eclipse-temurin-17' });
    expect(runs(findStage(plan, 'deps'))).toEqual([
      '/bin/sh -c mvn -B -ntp -Dmaven.test.skip=true package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/tmp/prefetch-lib && rm -rf target /tmp/prefetch-lib && cp -a /root/.m2/repository/. /opt/offline-repository/',
    ]);
    // One offline Maven run packages and copies the runtime dependencies (none: no /out/lib, hence mkdir); then the jar.
    expect(runs(findStage(plan, 'build'))[0]).toBe(
      '/bin/sh -c mvn -B -ntp -o -Dmaven.test.skip=true package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib && mkdir -p /out/lib && cp target/billing-java-1.0.0.jar /out/app.jar',
    );
    expect(findStage(plan, 'runtime').from).toEqual({ image: 'eclipse-temurin', tag: '17-jre' });
    expect(findStage(plan, 'runtime').steps).toContainEqual({
      kind: 'entrypoint',
      argv: [
        'java',
        '-XX:MaxRAMPercentage=75',
        '-XX:+ExitOnOutOfMemoryError',
        '-cp',
        'app.jar:lib/*',
        'com.example.billing.Main',
      ],
    });
  });

  it('Maven without the MAVEN_OPTS pin: the cache mount is reported', () => {
    const plan = structuredClone(planJavaRecipe(withSettings(mavenProfile, { runtime: 'slim', buildMode: 'docker' })));
    const env = findStage(plan, 'base').steps.find((step) => step.kind === 'env');
    if (env?.kind === 'env') env.vars.MAVEN_OPTS = '-Xmx1g';
    expect(validatePlan(plan)).toEqual(['stage deps: cache mount /root/.m2/repository is not pinned by an env var']);
  });

  it("Maven reactor: every pom before the pre-fetch, -pl <module> -am in both runs, only the needed modules' sources, Boot repackage skipped only in the pre-fetch", () => {
    const profile: JavaProfile = {
      ...mavenBootProfile,
      projectRoot: 'apps/api',
      wrapper: false,
      manifests: ['pom.xml'],
      artifact: { value: 'apps/api/target/api-1.0.jar', source: 'test' },
      reactor: {
        root: '.',
        aggregator: true,
        module: 'apps/api',
        poms: ['pom.xml', 'libs/greeting/pom.xml', 'libs/other/pom.xml', 'apps/api/pom.xml'],
        needed: ['libs/greeting', 'apps/api'],
      },
      closure: ['libs/greeting', 'libs/unrelated'],
    };
    const plan = planJavaRecipe(withSettings(profile, { runtime: 'slim', buildMode: 'docker' }));
    expect(validatePlan(plan)).toEqual([]);
    const deps = findStage(plan, 'deps');
    expect(deps.steps.filter((step) => step.kind === 'copy')).toEqual([
      { kind: 'copy', role: 'manifest', sources: ['pom.xml'], dest: './' },
      { kind: 'copy', role: 'manifest', sources: ['libs/greeting/pom.xml'], dest: 'libs/greeting/' },
      { kind: 'copy', role: 'manifest', sources: ['libs/other/pom.xml'], dest: 'libs/other/' },
      { kind: 'copy', role: 'manifest', sources: ['apps/api/pom.xml'], dest: 'apps/api/' },
    ]);
    expect(runs(deps)[0]).toBe(
      '/bin/sh -c mvn -B -ntp -pl apps/api -am -Dmaven.test.skip=true -Dspring-boot.repackage.skip=true package && rm -rf libs/greeting/target apps/api/target && cp -a /root/.m2/repository/. /opt/offline-repository/',
    );
    const build = findStage(plan, 'build');
    expect(build.steps.filter((step) => step.kind === 'copy')).toEqual([
      { kind: 'copy', role: 'source', sources: ['libs/greeting/'], dest: 'libs/greeting/' },
      { kind: 'copy', role: 'source', sources: ['apps/api/'], dest: 'apps/api/' },
    ]);
    expect(runs(build)[0]).toMatch(
      /^\/bin\/sh -c mvn -B -ntp -o -pl apps\/api -am -Dmaven.test.skip=true package && java -Djarmode=tools -jar apps\/api\/target\/api-1.0.jar extract/,
    );
    expect(plan.ignore).toEqual(
      expect.arrayContaining(['!libs/greeting', '!apps/api', '!pom.xml', '!libs/other/pom.xml', 'apps/api/target']),
    );
    expect(plan.ignore).not.toContain('!libs/other');
    expect(plan.notes.join('\n')).toMatch(/Nx dependencies libs\/unrelated are not copied/);
    // The wrapper and .mvn live at the reactor root.
    const wrapped = planJavaRecipe(
      withSettings(
        {
          ...profile,
          wrapper: true,
          manifests: ['pom.xml', 'mvnw', '.mvn'],
          reactor: { ...profile.reactor!, root: 'java' },
        },
        { runtime: 'slim', buildMode: 'docker' },
      ),
    );
    expect(findStage(wrapped, 'deps').steps.slice(0, 2)).toEqual([
      { kind: 'copy', role: 'manifest', sources: ['java/mvnw'], dest: './' },
      { kind: 'copy', role: 'manifest', sources: ['java/.mvn'], dest: '.mvn/' },
    ]);
    expect(runs(findStage(wrapped, 'deps'))[0]).toMatch(/^\/bin\/sh -c \.\/mvnw -B -ntp -pl apps\/api -am /);
  });

  it('Maven with a local parent but no aggregator: parent pom copied, -f <module>/pom.xml', () => {
    const profile: JavaProfile = {
      ...mavenProfile,
      projectRoot: 'apps/billing',
      reactor: {
        root: '.',
        aggregator: false,
        module: 'apps/billing',
        poms: ['pom.xml', 'apps/billing/pom.xml'],
        needed: ['apps/billing'],
      },
    };
    const plan = planJavaRecipe(withSettings(profile, { runtime: 'slim', buildMode: 'docker' }));
    expect(runs(findStage(plan, 'deps'))[0]).toMatch(
      /^\/bin\/sh -c mvn -B -ntp -f apps\/billing\/pom.xml -Dmaven.test.skip=true package /,
    );
    expect(runs(findStage(plan, 'build'))[0]).toMatch(
      /^\/bin\/sh -c mvn -B -ntp -o -f apps\/billing\/pom.xml -Dmaven.test.skip=true package /,
    );
  });

  it('Spring Boot 3.3+: the wrapper on the JDK image, tools jarmode, one COPY per layer, JarLauncher', () => {
    const plan = planJavaRecipe(withSettings(mavenBootProfile, { runtime: 'slim', buildMode: 'docker' }));
    expect(findStage(plan, 'base').from).toEqual({ image: 'eclipse-temurin', tag: '17-jdk' });
    expect(findStage(plan, 'deps').steps.slice(0, 3)).toEqual([
      { kind: 'copy', role: 'manifest', sources: ['apps/orders-boot/pom.xml'], dest: './' },
      { kind: 'copy', role: 'manifest', sources: ['apps/orders-boot/mvnw'], dest: './' },
      { kind: 'copy', role: 'manifest', sources: ['apps/orders-boot/.mvn'], dest: '.mvn/' },
    ]);
    expect(runs(findStage(plan, 'build'))[0]).toContain(
      'java -Djarmode=tools -jar target/orders-boot-0.0.1-SNAPSHOT.jar extract --layers --launcher --destination /out',
    );
    const copies = findStage(plan, 'runtime')
      .steps.filter((step) => step.kind === 'copy')
      .map((step) => step.kind === 'copy' && step.sources[0]);
    expect(copies).toEqual([
      '/out/dependencies/',
      '/out/spring-boot-loader/',
      '/out/snapshot-dependencies/',
      '/out/application/',
    ]);
    expect(findStage(plan, 'runtime').steps).toContainEqual({
      kind: 'entrypoint',
      argv: [
        'java',
        '-XX:MaxRAMPercentage=75',
        '-XX:+ExitOnOutOfMemoryError',
        'org.springframework.boot.loader.launch.JarLauncher',
      ],
    });
  });

  it('Gradle + Boot 3.1: GRADLE_USER_HOME cache, read-only dependency cache for the build, layertools, old launcher', () => {
    const plan = planJavaRecipe(withSettings(gradleBootProfile, { runtime: 'slim', buildMode: 'docker' }));
    expect(runs(findStage(plan, 'deps'))[0]).toMatch(
      /^\/bin\/sh -c \.\/gradlew --no-daemon dependencies > \/dev\/null && /,
    );
    expect(findStage(plan, 'build').steps[0]).toEqual({
      kind: 'env',
      vars: { GRADLE_RO_DEP_CACHE: '/opt/offline-repository' },
    });
    expect(runs(findStage(plan, 'build'))[0]).toContain(
      './gradlew --no-daemon -x test bootJar && java -Djarmode=layertools -jar build/libs/gateway-1.2.0.jar extract --destination /out',
    );
    expect(findStage(plan, 'runtime').steps).toContainEqual({
      kind: 'entrypoint',
      argv: [
        'java',
        '-XX:MaxRAMPercentage=75',
        '-XX:+ExitOnOutOfMemoryError',
        'org.springframework.boot.loader.JarLauncher',
      ],
    });
  });

  it('Gradle application: installDist lib/ on the classpath; the gradle image without a wrapper', () => {
    const plan = planJavaRecipe(withSettings(gradleAppProfile, { runtime: 'slim', buildMode: 'docker' }));
    expect(findStage(plan, 'base').from).toEqual({ image: 'gradle', tag: '8-jdk17' });
    expect(runs(findStage(plan, 'build'))[0]).toBe(
      '/bin/sh -c gradle --no-daemon -x test installDist && mkdir -p /out && cp -a build/install/tool/lib /out/lib',
    );
    expect(findStage(plan, 'runtime').steps).toContainEqual({
      kind: 'entrypoint',
      argv: ['java', '-XX:MaxRAMPercentage=75', '-XX:+ExitOnOutOfMemoryError', '-cp', 'lib/*', 'com.example.Tool'],
    });
  });

  it('distroless: /usr/bin/java, uid 65532, EXPOSE without HEALTHCHECK (no shell)', () => {
    const runtime = findStage(
      planJavaRecipe(withSettings(mavenProfile, { runtime: 'distroless', buildMode: 'docker' })),
      'runtime',
    );
    expect(runtime.from).toEqual({ image: 'gcr.io/distroless/java17-debian12', tag: '' });
    expect(runtime.steps.some((step) => step.kind === 'healthcheck')).toBe(false);
    expect(runtime.steps).toContainEqual({ kind: 'expose', port: 8080 });
  });
});
