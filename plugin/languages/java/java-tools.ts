import type { JavaBuildTool } from '../../types';

/** The offline copy of the dependencies, kept in the deps layer for the build stage. */
export const OFFLINE_REPO = '/opt/offline-repository';

/** What the Java recipe needs to know about one build tool, as data. `{tool}` is `mvn`, `./mvnw`, `gradle` or `./gradlew`. */
export interface JavaToolRecipe {
  /** The build image: `maven`/`gradle` (versions.json) without a wrapper, the JDK with one. */
  image: 'maven' | 'gradle';
  wrapperCommand: string;
  command: string;
  /** The cache mount's target, pinned by `env`. */
  cacheDir: string;
  env: Record<string, string>;
  /**
   * Pre-fetch every dependency and plugin the build needs with only the build files present,
   * then copy them out of the cache mount into the layer: the build stage runs offline from that
   * copy, so it works even where the cache mount is empty (a fresh CI runner with registry cache).
   * `{select}` is the module selection (`-pl <module> -am`, `-f <module>/pom.xml` or nothing),
   * `{goals}` extra goals of the build, `{clean}` what the pre-fetch build leaves behind.
   */
  prefetch: string;
  /** Env for the build stage: read the offline copy. */
  buildEnv: Record<string, string>;
  /** The build, skipping tests (run them in CI, not in the image build). `{task}` is the Gradle task. */
  build: string;
}

export const javaTools: Record<JavaBuildTool, JavaToolRecipe> = {
  maven: {
    image: 'maven',
    wrapperCommand: './mvnw',
    command: 'mvn',
    cacheDir: '/root/.m2/repository',
    env: { MAVEN_OPTS: '-Dmaven.repo.local=/root/.m2/repository' },
    // Not dependency:go-offline: it resolves versions its own way, so test-scope artifacts a BOM
    // pins (spring-boot-starter-test's byte-buddy, slf4j-api) are missed, and it does not fetch what
    // Maven injects into plugins (plexus-utils 1.1 for surefire). Maven's test-scope resolution runs
    // even with -Dmaven.test.skip=true, so the pre-fetch is the build itself on the poms alone
    // (empty jars; Boot's repackage skipped: no main class yet), checked on a Spring Initializr project.
    prefetch: `{tool} -B -ntp {select} -Dmaven.test.skip=true -Dspring-boot.repackage.skip=true package {goals} && rm -rf {clean} && cp -a /root/.m2/repository/. ${OFFLINE_REPO}/`,
    buildEnv: { MAVEN_OPTS: `-Dmaven.repo.local=${OFFLINE_REPO}` },
    // maven.test.skip: tests are neither compiled nor run (-DskipTests still compiles them).
    build: '{tool} -B -ntp -o {select} -Dmaven.test.skip=true package {goals}',
  },
  gradle: {
    image: 'gradle',
    wrapperCommand: './gradlew',
    command: 'gradle',
    cacheDir: '/root/.gradle',
    env: { GRADLE_USER_HOME: '/root/.gradle', GRADLE_OPTS: '-Dorg.gradle.daemon=false' },
    // Gradle reads a read-only dependency cache (GRADLE_RO_DEP_CACHE) holding a modules-2 directory.
    prefetch: `{tool} --no-daemon dependencies > /dev/null && mkdir -p ${OFFLINE_REPO} && cp -a /root/.gradle/caches/modules-2 ${OFFLINE_REPO}/`,
    buildEnv: { GRADLE_RO_DEP_CACHE: OFFLINE_REPO },
    build: '{tool} --no-daemon -x test {task}',
  },
};
