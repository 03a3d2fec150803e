import { toServiceSettings } from '../../detect/service-settings';
import type { JavaProfile, PythonProfile } from '../../types';

export const uvProfile: PythonProfile = {
  // Default runtime and build mode; specs set others with withSettings().
  settings: toServiceSettings(),
  language: 'python',
  project: 'pricing-py',
  projectRoot: 'apps/pricing-py',
  packageManager: { value: 'uv', source: 'apps/pricing-py/uv.lock' },
  manifests: ['uv.lock', 'pyproject.toml'],
  hashes: false,
  pythonVersion: { value: '3.11', source: 'apps/pricing-py/.python-version' },
  packaged: true,
  entrypoint: { value: ['pricing'], source: 'apps/pricing-py/pyproject.toml#project.scripts.pricing' },
  port: { value: 8000, source: 'apps/pricing-py/src/pricing/server.py (PORT default)' },
  health: {
    value: { kind: 'http', path: '/health' },
    source: 'apps/pricing-py/src/pricing/server.py: route "/health"',
  },
  closure: [],
};

export const uvicornProfile: PythonProfile = {
  ...uvProfile,
  project: 'web',
  projectRoot: 'apps/web',
  packaged: false,
  entrypoint: {
    value: ['uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '8000'],
    source: 'apps/web/app/main.py (FastAPI app "app")',
  },
};

export const pipHashesProfile: PythonProfile = {
  ...uvProfile,
  project: 'worker',
  projectRoot: 'apps/worker',
  packageManager: { value: 'pip', source: 'apps/worker/requirements.txt' },
  manifests: ['requirements.txt'],
  hashes: true,
  packaged: false,
  entrypoint: { value: ['python', 'main.py'], source: 'apps/worker/main.py' },
};

export const pipPinnedProfile: PythonProfile = { ...pipHashesProfile, hashes: false };

export const poetryProfile: PythonProfile = {
  ...uvProfile,
  project: 'jobs',
  projectRoot: 'apps/jobs',
  packageManager: { value: 'poetry', source: 'apps/jobs/poetry.lock' },
  manifests: ['poetry.lock', 'pyproject.toml'],
  packaged: true,
  entrypoint: { value: ['python', '-m', 'jobs'], source: 'apps/jobs/jobs/__main__.py' },
};

export const mavenProfile: JavaProfile = {
  // Default runtime and build mode; specs set others with withSettings().
  settings: toServiceSettings(),
  language: 'java',
  project: 'billing-java',
  projectRoot: 'apps/billing-java',
  buildTool: { value: 'maven', source: 'apps/billing-java/pom.xml' },
  wrapper: false,
  manifests: ['pom.xml'],
  javaVersion: { value: '17', source: 'apps/billing-java/pom.xml (maven.compiler.release)' },
  artifact: { value: 'target/billing-java-1.0.0.jar', source: 'apps/billing-java/pom.xml (artifactId-version)' },
  mainClass: { value: 'com.example.billing.Main', source: 'apps/billing-java/pom.xml (mainClass)' },
  port: { value: 8080, source: 'apps/billing-java/src/main/java/com/example/billing/Main.java (PORT default)' },
  health: {
    value: { kind: 'http', path: '/health' },
    source: 'apps/billing-java/src/main/java/com/example/billing/Main.java: route "/health"',
  },
  closure: [],
};

export const mavenBootProfile: JavaProfile = {
  ...mavenProfile,
  project: 'orders-boot',
  projectRoot: 'apps/orders-boot',
  wrapper: true,
  manifests: ['pom.xml', 'mvnw', '.mvn'],
  springBoot: {
    value: { version: '3.4.1' },
    source: 'apps/orders-boot/pom.xml (spring-boot-maven-plugin, Boot 3.4.1)',
  },
  artifact: { value: 'target/orders-boot-0.0.1-SNAPSHOT.jar', source: 'apps/orders-boot/pom.xml (artifactId-version)' },
  mainClass: undefined,
};

export const gradleBootProfile: JavaProfile = {
  ...mavenBootProfile,
  project: 'gateway',
  projectRoot: 'apps/gateway',
  buildTool: { value: 'gradle', source: 'apps/gateway/build.gradle.kts' },
  manifests: ['settings.gradle.kts', 'build.gradle.kts', 'gradle', 'gradlew'],
  javaVersion: { value: '21', source: 'apps/gateway/build.gradle.kts (toolchain languageVersion)' },
  springBoot: { value: { version: '3.1.5' }, source: 'apps/gateway/build.gradle.kts (org.springframework.boot 3.1.5)' },
  artifact: { value: 'build/libs/gateway-1.2.0.jar', source: 'settings.gradle.kts (rootProject.name)' },
};

export const gradleAppProfile: JavaProfile = {
  ...mavenProfile,
  project: 'tool',
  projectRoot: 'apps/tool',
  buildTool: { value: 'gradle', source: 'apps/tool/build.gradle' },
  manifests: ['settings.gradle', 'build.gradle'],
  artifact: {
    value: 'build/install/tool/lib',
    source: 'settings.gradle (rootProject.name; application plugin installDist)',
  },
  mainClass: { value: 'com.example.Tool', source: 'apps/tool/build.gradle (application mainClass)' },
};
