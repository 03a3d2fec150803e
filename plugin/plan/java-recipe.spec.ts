import { describe, expect, it } from 'vitest';
import type { JavaProfile } from '../types';
import {
  gradleAppProfile,
  gradleBootProfile,
  mavenBootProfile,
  mavenProfile,
} from './__fixtures__/python-java-profiles';
import { findStage, runCommands } from './__fixtures__/plan-queries';
import { validatePlan } from './validate-plan';
import { planJavaRecipe } from '../languages/java/plan-java-recipe';
import { withSettings } from '../detect/service-settings';

describe('planJavaRecipe', () => {
  it('Maven: the same package on the poms alone pre-fetches (cache pinned by MAVEN_OPTS), offline package without tests, plain jar + lib on the JRE', () => {
    const plan = planJavaRecipe(withSettings(mavenProfile, { runtime: 'slim', buildMode: 'docker' }));
    expect(findStage(plan, 'base').from).toEqual({ image: 'maven', tag: '3-eclipse-temurin-17' });
    expect(runCommands(findStage(plan, 'deps'))).toEqual([
      '/bin/sh -c mvn -B -ntp -Dmaven.test.skip=true package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/tmp/prefetch-lib && rm -rf target /tmp/prefetch-lib && cp -a /root/.m2/repository/. /opt/offline-repository/',
    ]);
    // One offline Maven run packages and copies the runtime dependencies (none: no /out/lib, hence mkdir); then the jar.
    expect(runCommands(findStage(plan, 'build'))[0]).toBe(
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
    expect(runCommands(deps)[0]).toBe(
      '/bin/sh -c mvn -B -ntp -pl apps/api -am -Dmaven.test.skip=true -Dspring-boot.repackage.skip=true package && rm -rf libs/greeting/target apps/api/target && cp -a /root/.m2/repository/. /opt/offline-repository/',
    );
    const build = findStage(plan, 'build');
    expect(build.steps.filter((step) => step.kind === 'copy')).toEqual([
      { kind: 'copy', role: 'source', sources: ['libs/greeting/'], dest: 'libs/greeting/' },
      { kind: 'copy', role: 'source', sources: ['apps/api/'], dest: 'apps/api/' },
    ]);
    expect(runCommands(build)[0]).toMatch(
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
    expect(runCommands(findStage(wrapped, 'deps'))[0]).toMatch(/^\/bin\/sh -c \.\/mvnw -B -ntp -pl apps\/api -am /);
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
    expect(runCommands(findStage(plan, 'deps'))[0]).toMatch(
      /^\/bin\/sh -c mvn -B -ntp -f apps\/billing\/pom.xml -Dmaven.test.skip=true package /,
    );
    expect(runCommands(findStage(plan, 'build'))[0]).toMatch(
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
    expect(runCommands(findStage(plan, 'build'))[0]).toContain(
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
    expect(runCommands(findStage(plan, 'deps'))[0]).toMatch(
      /^\/bin\/sh -c \.\/gradlew --no-daemon dependencies > \/dev\/null && /,
    );
    expect(findStage(plan, 'build').steps[0]).toEqual({
      kind: 'env',
      vars: { GRADLE_RO_DEP_CACHE: '/opt/offline-repository' },
    });
    expect(runCommands(findStage(plan, 'build'))[0]).toContain(
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
    expect(runCommands(findStage(plan, 'build'))[0]).toBe(
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
