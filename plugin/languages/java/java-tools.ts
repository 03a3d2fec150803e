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
    prefetch: `{tool} -B -ntp dependency:go-offline && cp -a /root/.m2/repository/. ${OFFLINE_REPO}/`,
    buildEnv: { MAVEN_OPTS: `-Dmaven.repo.local=${OFFLINE_REPO}` },
    build: '{tool} -B -ntp -o -DskipTests package',
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
