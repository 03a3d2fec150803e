import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskFsView } from '../fs-view';
import type { JavaProfile, PythonProfile } from '../types';
import versions from '../versions.json';
import type { DetectOptions } from './detect-input';
import { detectProject } from '../languages/detect-project';

/** One row per fixture directory under __fixtures__/ (a tiny workspace each), through the detector registry. */
interface Case {
  fixture: string;
  root: string;
  options?: DetectOptions;
  expected?: Partial<PythonProfile> | Partial<JavaProfile>;
  /** Every pattern must appear in the error message (project, file, fix). */
  error?: RegExp[];
}

const cases: Case[] = [
  {
    fixture: 'py-uv',
    root: 'apps/api',
    expected: {
      language: 'python',
      packageManager: { value: 'uv', source: 'apps/api/uv.lock' },
      manifests: ['uv.lock', 'pyproject.toml'],
      pythonVersion: { value: '3.13', source: 'apps/api/.python-version' },
      packaged: true,
      entrypoint: {
        value: ['api-serve'],
        source: expect.stringMatching(
          /^apps\/api\/pyproject\.toml#project\.scripts\.api-serve; nothing marks the project as a server/,
        ),
      },
      port: { value: 9000, source: 'apps/api/src/api/main.py (PORT default)' },
    },
  },
  {
    fixture: 'py-uvicorn',
    root: 'apps/web',
    expected: {
      packaged: false,
      pythonVersion: {
        value: '3.14',
        source: 'apps/web/pyproject.toml#project.requires-python (~=3.12): the newest supported Python it allows',
      },
      entrypoint: {
        value: ['uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '8000'],
        source: 'apps/web/app/main.py (FastAPI app "app")',
      },
    },
  },
  {
    fixture: 'py-uvicorn',
    root: 'apps/web',
    options: { entrypoint: 'python -m web.cli', port: 5000 },
    expected: {
      entrypoint: { value: ['python', '-m', 'web.cli'], source: 'the entry option' },
      port: { value: 5000, source: 'the port option' },
    },
  },
  {
    fixture: 'py-poetry',
    root: 'apps/jobs',
    expected: {
      packageManager: { value: 'poetry', source: 'apps/jobs/poetry.lock' },
      packaged: false,
      pythonVersion: { value: versions.python.defaultMinor, source: 'default (versions.json python.defaultMinor)' },
      entrypoint: { value: ['python', '-m', 'jobs'], source: 'apps/jobs/jobs/__main__.py' },
    },
  },
  {
    fixture: 'py-pip-hashes',
    root: 'apps/worker',
    expected: {
      packageManager: { value: 'pip', source: 'apps/worker/requirements.txt' },
      manifests: ['requirements.txt'],
      hashes: true,
      entrypoint: { value: ['python', 'main.py'], source: 'apps/worker/main.py' },
      port: { value: 7000, source: 'apps/worker/main.py (PORT default)' },
    },
  },
  {
    fixture: 'py-pip-pinned',
    root: 'apps/site',
    expected: {
      hashes: false,
      entrypoint: {
        value: ['gunicorn', '--bind', '0.0.0.0:8000', 'app:application'],
        source: 'apps/site/app.py (Flask app "application")',
      },
    },
  },
  {
    fixture: 'py-pip-loose',
    root: 'apps/site',
    error: [/py-pip-loose/, /apps\/site\/requirements\.txt/, /flask>=3 is not pinned/, /--generate-hashes/],
  },
  {
    fixture: 'py-uv-workspace',
    root: 'apps/api',
    expected: {
      packageManager: { value: 'uv', source: 'uv.lock (uv workspace pyproject.toml)' },
      packaged: true,
      entrypoint: {
        value: ['uvicorn', 'api.main:app', '--host', '0.0.0.0', '--port', '8000'],
        source: 'apps/api/src/api/main.py (Starlette app "app")',
      },
      // libs/greeting has a path source ../../vendor/extra, which is not a member.
      uvWorkspace: {
        root: '.',
        package: 'api',
        members: ['apps/api', 'libs/greeting'],
        needed: ['vendor/extra', 'libs/greeting', 'apps/api'],
        paths: ['vendor/extra'],
      },
    },
  },
  {
    fixture: 'py-uv-workspace',
    root: 'scripts/orphan',
    error: [
      /scripts\/orphan\/pyproject\.toml/,
      /not a member of the uv workspace pyproject\.toml/,
      /add "scripts\/orphan".*members.*`uv lock` at the workspace root/,
    ],
  },
  {
    fixture: 'py-uv-workspace',
    root: 'tools/excluded',
    error: [/tools\/excluded\/pyproject\.toml/, /excluded from the uv workspace/, /run `uv lock` in tools\/excluded/],
  },
  {
    fixture: 'py-no-lock',
    root: 'apps/x',
    error: [/py-no-lock/, /apps\/x\/pyproject\.toml/, /no lockfile/, /uv lock/],
  },
  { fixture: 'py-no-entry', root: 'apps/lib', error: [/apps\/lib\/pyproject\.toml/, /no entrypoint/, /--entry=/] },
  {
    fixture: 'java-maven',
    root: 'apps/billing',
    expected: {
      language: 'java',
      buildTool: { value: 'maven', source: 'apps/billing/pom.xml' },
      wrapper: true,
      manifests: ['pom.xml', 'mvnw', '.mvn'],
      javaVersion: { value: '21', source: 'apps/billing/pom.xml (java.version)' },
      artifact: { value: 'target/billing-app.jar', source: 'apps/billing/pom.xml (build.finalName)' },
      mainClass: { value: 'com.example.App', source: 'apps/billing/pom.xml (mainClass)' },
      port: { value: 8081, source: 'apps/billing/src/main/java/com/example/App.java (PORT default)' },
    },
  },
  {
    fixture: 'java-maven-boot',
    root: 'apps/orders',
    expected: {
      javaVersion: { value: '17', source: 'apps/orders/pom.xml (maven-compiler-plugin <release>)' },
      springBoot: { value: { version: '3.4.1' }, source: 'apps/orders/pom.xml (spring-boot-maven-plugin, Boot 3.4.1)' },
      artifact: { value: 'target/orders-0.0.1-SNAPSHOT.jar', source: 'apps/orders/pom.xml (artifactId-version)' },
      port: { value: 8080, source: "Spring Boot's default (no server.port in application.properties/yml)" },
    },
  },
  {
    fixture: 'java-gradle-boot',
    root: 'apps/gateway',
    expected: {
      buildTool: { value: 'gradle', source: 'apps/gateway/build.gradle.kts' },
      wrapper: true,
      manifests: ['settings.gradle.kts', 'build.gradle.kts', 'gradle', 'gradlew'],
      javaVersion: { value: '21', source: 'apps/gateway/build.gradle.kts (toolchain languageVersion)' },
      springBoot: {
        value: { version: '3.1.5' },
        source: 'apps/gateway/build.gradle.kts (org.springframework.boot 3.1.5)',
      },
      artifact: {
        value: 'build/libs/gateway-1.2.0.jar',
        source: 'settings.gradle.kts (rootProject.name) and apps/gateway/build.gradle.kts (version)',
      },
    },
  },
  {
    fixture: 'java-gradle-app',
    root: 'apps/tool',
    expected: {
      manifests: ['settings.gradle', 'build.gradle'],
      javaVersion: { value: '17', source: 'apps/tool/build.gradle (sourceCompatibility)' },
      artifact: {
        value: 'build/install/tool/lib',
        source: 'settings.gradle (rootProject.name; application plugin installDist)',
      },
      mainClass: { value: 'com.example.Tool', source: 'apps/tool/build.gradle (application mainClass)' },
    },
  },
  {
    fixture: 'java-maven-malformed',
    root: 'apps/x',
    error: [/java-maven-malformed/, /apps\/x\/pom\.xml/, /not well-formed XML \(line 7/, /propertes/],
  },
  {
    fixture: 'java-maven-unusual',
    root: 'apps/svc',
    expected: {
      buildTool: { value: 'maven', source: 'apps/svc/pom.xml' },
      javaVersion: { value: '8', source: 'apps/svc/pom.xml (maven.compiler.release)' },
      artifact: { value: 'target/svc-2.1.0.jar', source: 'apps/svc/pom.xml (build.finalName)' },
      mainClass: { value: 'com.example.svc.Main', source: 'apps/svc/pom.xml (mainClass)' },
    },
  },
  {
    fixture: 'java-both-tools',
    root: 'apps/svc',
    expected: {
      buildTool: {
        value: 'maven',
        source:
          'apps/svc/pom.xml; build.gradle is present too: Maven wins by precedence, pass --buildTool=gradle to build with Gradle',
      },
    },
  },
  {
    fixture: 'java-both-tools',
    root: 'apps/svc',
    options: { buildTool: 'gradle' },
    expected: {
      buildTool: { value: 'gradle', source: 'apps/svc/build.gradle, chosen by the buildTool option' },
      mainClass: { value: 'com.example.svc.GradleMain', source: 'apps/svc/build.gradle (application mainClass)' },
    },
  },
  {
    fixture: 'java-maven-unusual',
    root: 'apps/svc',
    options: { buildTool: 'gradle' },
    error: [/apps\/svc\/pom\.xml/, /no build\.gradle/, /--buildTool=maven/],
  },
  {
    fixture: 'java-reactor',
    root: 'apps/svc',
    expected: {
      javaVersion: { value: '21', source: 'apps/svc/pom.xml ← pom.xml (java.version)' },
      springBoot: {
        value: { version: '3.5.16' },
        source: 'apps/svc/pom.xml (spring-boot-maven-plugin, Boot 3.5.16 from pom.xml)',
      },
      artifact: { value: 'apps/svc/target/svc-1.0.0.jar', source: 'apps/svc/pom.xml (artifactId-version)' },
      port: { value: 9090, source: 'apps/svc/src/main/resources/application.properties (server.port)' },
      reactor: {
        root: '.',
        aggregator: true,
        module: 'apps/svc',
        poms: ['pom.xml', 'libs/pom.xml', 'libs/core/pom.xml', 'libs/unused/pom.xml', 'apps/svc/pom.xml'],
        needed: ['libs/core', 'apps/svc'],
      },
    },
  },
  {
    // CI-friendly version: ${revision}${changelist} from .mvn/maven.config, whose -D beats the pom's property.
    fixture: 'java-maven-revision',
    root: 'apps/svc',
    expected: {
      manifests: ['pom.xml', '.mvn'],
      artifact: { value: 'target/svc-3.2.1.jar', source: 'apps/svc/pom.xml (artifactId-version)' },
    },
  },
  {
    // No starter parent: Boot's version from an imported spring-boot-dependencies BOM (2.7: layertools, not tools).
    fixture: 'java-maven-boot-bom',
    root: 'apps/legacy',
    expected: {
      springBoot: {
        value: { version: '2.7.18' },
        source: 'apps/legacy/pom.xml (spring-boot-maven-plugin, Boot 2.7.18)',
      },
    },
  },
  {
    fixture: 'java-no-main',
    root: 'apps/x',
    error: [/java-no-main/, /apps\/x\/pom\.xml/, /no main class/, /--entrypoint=com\.example\.Main/],
  },
];

describe('detectProject: Python and Java fixtures', () => {
  it.each(cases.map((row) => [`${row.fixture}${row.options ? ' with options' : ''}`, row] as const))(
    '%s',
    (_name, row) => {
      const detect = () =>
        detectProject({
          fs: diskFsView(join(__dirname, '__fixtures__', row.fixture)),
          project: { name: row.fixture, root: row.root },
          graph: { nodes: {}, dependencies: {} },
          options: row.options,
        });
      if (row.error) {
        let message = '';
        try {
          detect();
        } catch (error) {
          message = (error as Error).message;
        }
        for (const pattern of row.error) expect(message).toMatch(pattern);
        return;
      }
      expect(detect()).toMatchObject(row.expected!);
    },
  );
});
