import { posix } from 'node:path';
import { toServiceSettings } from '../../detect/service-settings';
import type { FsView } from '../../fs-view';
import type { JavaBuildTool, JavaProfile, Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import { detectClosure } from '../../detect/detect-closure';
import { detectEnvPort } from '../../detect/detect-env-port';
import type { NodeProjectInput } from '../../detect/detect-input';
import { joinPath } from '../../detect/join-path';
import { findMavenReactor, mergeChainProperties, readPomChain, type PomEntry } from './maven-reactor';
import { readPom, resolvePomValue, type PomFacts } from './read-pom';
import { detectSpringBootPort } from './spring-boot-port';
import { detectJavaToolchain } from './java-toolchain';

/** Build files in precedence order: Maven, then Gradle's Kotlin DSL, then its Groovy DSL. */
const BUILD_FILES: { file: string; tool: JavaBuildTool }[] = [
  { file: 'pom.xml', tool: 'maven' },
  { file: 'build.gradle.kts', tool: 'gradle' },
  { file: 'build.gradle', tool: 'gradle' },
];

/** `1.8` → `8`; `17` → `17`. */
function toFeature(version: string): string {
  return version.replace(/^1\./, '');
}

function detectMavenJavaVersion(
  pom: PomFacts,
  properties: Record<string, string>,
  file: string,
): Sourced<string> | undefined {
  const candidates: [string | undefined, string][] = [
    [resolvePomValue(pom.compilerRelease, properties), 'maven-compiler-plugin <release>'],
    [properties['maven.compiler.release'], 'maven.compiler.release'],
    [properties['java.version'], 'java.version'],
    [properties['maven.compiler.target'], 'maven.compiler.target'],
    [properties['maven.compiler.source'], 'maven.compiler.source'],
  ].map(([value, what]) => [resolvePomValue(value, properties), what!]);
  const found = candidates.find(([value]) => value && /^\d+(\.\d+)?$/.test(toFeature(value)));
  return found ? { value: toFeature(found[0]!), source: `${file} (${found[1]})` } : undefined;
}

const GRADLE_VERSION = [
  { pattern: /JavaLanguageVersion\.of\(\s*(\d+)\s*\)/, what: 'toolchain languageVersion' },
  {
    pattern: /(?:source|target)Compatibility\s*=\s*(?:JavaVersion\.VERSION_(?:1_)?(\d+)|['"](?:1\.)?(\d+)['"])/,
    what: 'sourceCompatibility',
  },
];

function detectGradleJavaVersion(text: string, file: string): Sourced<string> | undefined {
  for (const { pattern, what } of GRADLE_VERSION) {
    const match = pattern.exec(text);
    if (match) return { value: match[1] ?? match[2], source: `${file} (${what})` };
  }
  return undefined;
}

interface ToolFacts {
  javaVersion?: Sourced<string>;
  springBoot?: Sourced<{ version: string }>;
  artifact: Sourced<string>;
  mainClass?: Sourced<string>;
  manifests: string[];
  wrapper: boolean;
  reactor?: JavaProfile['reactor'];
}

/** `-Dkey=value` / `-D key=value` pairs of `.mvn/maven.config` (one argument per line or space-separated, as Maven reads it). */
function readMavenConfig(fs: FsView, file: string): Record<string, string> {
  const args = (fs.read(file) ?? '').split(/\s+/).filter(Boolean);
  const pairs: Record<string, string> = {};
  args.forEach((arg, index) => {
    const define = arg === '-D' ? args[index + 1] : arg.startsWith('-D') ? arg.slice(2) : undefined;
    const match = define ? /^([\w.-]+)=(.*)$/.exec(define) : null;
    if (match) pairs[match[1]] = match[2];
  });
  return pairs;
}

/** The layout of a module whose local parents list no modules: built from the topmost parent's directory with `-f`. */
function toParentLayout(chain: PomEntry[], root: string): NonNullable<JavaProfile['reactor']> {
  const top = chain[chain.length - 1].dir;
  return {
    root: top,
    aggregator: false,
    module: posix.relative(top === '.' ? '' : top, root) || '.',
    poms: [...chain].reverse().map((link) => link.file),
    needed: [root],
  };
}

function detectMaven(fs: FsView, root: string, file: string, project: string): ToolFacts {
  const entry: PomEntry = { dir: root, file, pom: readPom(fs.read(file) ?? '', file, project) };
  const chain = readPomChain(fs, entry, project);
  const { pom } = entry;
  const reactor = findMavenReactor(fs, root, project);
  const wrapperRoot = reactor?.root.dir ?? (chain.length > 1 ? toParentLayout(chain, root).root : root);
  // CI-friendly versions (${revision}) are often set in .mvn/maven.config; -D there wins over the poms.
  const properties = {
    ...mergeChainProperties(chain),
    ...readMavenConfig(fs, joinPath(wrapperRoot, '.mvn/maven.config')),
  };
  const wrapper = fs.exists(joinPath(wrapperRoot, 'mvnw')) && fs.exists(joinPath(wrapperRoot, '.mvn/wrapper'));
  const finalName = resolvePomValue(pom.finalName, properties);
  const name = resolvePomValue(
    finalName ?? `${properties['project.artifactId']}-${properties['project.version']}`,
    properties,
  )!;
  if (name.includes('${') || name.includes('undefined')) {
    throw createDetectError({
      project,
      file,
      problem: `the jar name "${name}" cannot be worked out (artifactId, version or a property they use is missing from the poms and .mvn/maven.config)`,
      fix: 'give the pom an <artifactId> and a <version> (or a <parent> with one), define the property, or set <build><finalName>',
    });
  }
  const mainClass = resolvePomValue(
    pom.mainClass ?? properties['exec.mainClass'] ?? properties['main.class'] ?? properties['start-class'],
    properties,
  );
  const chainFiles = chain.map((link) => link.file);
  return {
    javaVersion: detectMavenJavaVersion(pom, properties, chainFiles.join(' ← ')),
    ...(pom.springBootPlugin && { springBoot: detectSpringBootVersion(chain, entry, properties, file) }),
    artifact: {
      value: `${reactor ? `${reactor.module}/` : chain.length > 1 ? `${toParentLayout(chain, root).module}/` : ''}target/${name}.jar`,
      source: `${file} (${finalName ? 'build.finalName' : 'artifactId-version'})`,
    },
    ...(mainClass && { mainClass: { value: mainClass, source: `${file} (mainClass)` } }),
    // .mvn holds maven.config/jvm.config/extensions.xml, which change the build even without the wrapper.
    // In a reactor (or under a local parent) these live at its root: manifests are then relative to it.
    manifests: [
      'pom.xml',
      ...(wrapper ? ['mvnw'] : []),
      ...(fs.exists(joinPath(reactor?.root.dir ?? (chain.length > 1 ? toParentLayout(chain, root).root : root), '.mvn'))
        ? ['.mvn']
        : []),
    ],
    wrapper,
    ...(reactor && {
      reactor: {
        root: reactor.root.dir,
        aggregator: true,
        module: reactor.module,
        poms: reactor.modules.map((module) => module.file),
        needed: reactor.needed,
      },
    }),
    // A local parent but no aggregator: Maven needs the parent poms at their relativePath.
    ...(!reactor && chain.length > 1 && { reactor: toParentLayout(chain, root) }),
  };
}

/** The Spring Boot version from the parent, the plugin or a spring-boot-dependencies import; 3.3 when none says. */
function detectSpringBootVersion(
  chain: PomEntry[],
  entry: PomEntry,
  properties: Record<string, string>,
  file: string,
): NonNullable<ToolFacts['springBoot']> {
  const bootPom = chain.find((link) => link.pom.springBootParentVersion ?? link.pom.springBootDeclaredVersion);
  const declared =
    resolvePomValue(bootPom?.pom.springBootParentVersion ?? bootPom?.pom.springBootDeclaredVersion, properties) ??
    resolvePomValue(properties['spring-boot.version'], properties);
  const version = declared && /^\d+\.\d+/.test(declared) ? declared : undefined;
  const source = version
    ? `${file} (spring-boot-maven-plugin, Boot ${version}${bootPom && bootPom !== entry ? ` from ${bootPom.file}` : ''})`
    : `${file} (spring-boot-maven-plugin; no Boot version found in the parent, the plugin or a spring-boot-dependencies import: 3.3+ assumed)`;
  return { value: { version: version ?? '3.3' }, source };
}

function detectGradle(fs: FsView, root: string, file: string): ToolFacts {
  const text = fs.read(file) ?? '';
  const settingsFile = ['settings.gradle.kts', 'settings.gradle'].find((name) => fs.exists(joinPath(root, name)));
  const settings = settingsFile ? (fs.read(joinPath(root, settingsFile)) ?? '') : '';
  const name = /rootProject\.name\s*=\s*['"]([^'"]+)['"]/.exec(settings)?.[1] ?? root.split('/').pop() ?? 'app';
  const version = /^version\s*=\s*['"]([^'"]+)['"]/m.exec(text)?.[1];
  const boot = /id\s*\(?\s*['"]org\.springframework\.boot['"]\s*\)?\s*version\s*['"]([^'"]+)['"]/.exec(text);
  const mainClass = /mainClass(?:\.set\(|\s*=\s*)\s*['"]([\w.$]+)['"]/.exec(text)?.[1];
  const wrapper = fs.exists(joinPath(root, 'gradlew')) && fs.exists(joinPath(root, 'gradle/wrapper'));
  const optional = ['gradle.properties', 'gradle'].filter(
    (entry) =>
      fs.exists(joinPath(root, entry)) &&
      (entry !== 'gradle' || wrapper || fs.exists(joinPath(root, 'gradle/libs.versions.toml'))),
  );
  return {
    javaVersion: detectGradleJavaVersion(text, file),
    ...(boot && {
      springBoot: { value: { version: boot[1] }, source: `${file} (org.springframework.boot ${boot[1]})` },
    }),
    // Boot: bootJar's jar; otherwise the application plugin's installDist lays out lib/*.jar.
    artifact: boot
      ? {
          value: `build/libs/${name}${version ? `-${version}` : ''}.jar`,
          source: `${settingsFile ?? 'the directory name'} (rootProject.name) and ${file} (version)`,
        }
      : {
          value: `build/install/${name}/lib`,
          source: `${settingsFile ?? 'the directory name'} (rootProject.name; application plugin installDist)`,
        },
    ...(mainClass && { mainClass: { value: mainClass, source: `${file} (application mainClass)` } }),
    manifests: [
      ...(settingsFile ? [settingsFile] : []),
      file.split('/').pop()!,
      ...optional,
      ...(wrapper ? ['gradlew'] : []),
    ],
    wrapper,
  };
}

/**
 * Maven or Gradle: the `buildTool` option, else the only build present, else Maven (pom.xml
 * first in precedence) with the reason in the source, so the Dockerfile header says why.
 */
function chooseBuildTool(
  fs: FsView,
  projectRoot: string,
  project: string,
  option: unknown,
): { file: string; tool: Sourced<JavaBuildTool> } {
  const present = BUILD_FILES.filter(({ file }) => fs.exists(joinPath(projectRoot, file)));
  const tools = [...new Set(present.map((build) => build.tool))];
  if (option !== undefined) {
    const chosen = present.find((build) => build.tool === option);
    if (!chosen) {
      throw createDetectError({
        project,
        file: joinPath(projectRoot, present[0].file),
        problem: `the buildTool option asks for "${String(option)}" but the project has no ${option === 'gradle' ? 'build.gradle(.kts)' : 'pom.xml'}`,
        fix: `drop --buildTool or pass --buildTool=${tools[0]}`,
      });
    }
    return {
      file: joinPath(projectRoot, chosen.file),
      tool: { value: chosen.tool, source: `${joinPath(projectRoot, chosen.file)}, chosen by the buildTool option` },
    };
  }
  const build = present[0];
  const file = joinPath(projectRoot, build.file);
  if (tools.length === 1) return { file, tool: { value: build.tool, source: file } };
  const other = present.find((candidate) => candidate.tool !== build.tool)!;
  return {
    file,
    tool: {
      value: build.tool,
      source: `${file}; ${other.file} is present too: Maven wins by precedence, pass --buildTool=gradle to build with Gradle`,
    },
  };
}

/** A JVM service built by Maven or Gradle: its Java release, artifact, Spring Boot layers or main class. */
export function detectJavaProject(input: NodeProjectInput): JavaProfile {
  const { fs, project, graph, options = {} } = input;
  const projectRoot = joinPath(project.root);
  const { file, tool } = chooseBuildTool(fs, projectRoot, project.name, options.buildTool);
  const facts =
    tool.value === 'maven' ? detectMaven(fs, projectRoot, file, project.name) : detectGradle(fs, projectRoot, file);
  const mainClass = options.entrypoint
    ? { value: options.entrypoint, source: 'the entrypoint option' }
    : facts.mainClass;
  if (!facts.springBoot && !mainClass) {
    throw createDetectError({
      project: project.name,
      file,
      problem: 'no main class found (no Spring Boot plugin, no <mainClass>/exec.mainClass, no application mainClass)',
      fix: 'set the main class in the build file (maven-jar-plugin <mainClass> or the exec.mainClass property; Gradle application { mainClass }) or pass --entrypoint=com.example.Main',
    });
  }
  const sources = [`src/main/java`, `src/main/kotlin`].map((dir) => joinPath(projectRoot, dir));
  const mainFile = mainClass ? sources.map((dir) => joinPath(dir, `${mainClass.value.replace(/\./g, '/')}.java`)) : [];
  const port =
    options.port === undefined && facts.springBoot
      ? detectSpringBootPort(fs, projectRoot, project.name)
      : detectEnvPort(fs, mainFile, options.port);
  return {
    language: 'java',
    project: project.name,
    projectRoot,
    settings: toServiceSettings(options),
    buildTool: tool,
    wrapper: facts.wrapper,
    manifests: facts.manifests,
    javaVersion: detectJavaToolchain(facts.javaVersion, project.name, options.javaVersion),
    ...(facts.springBoot && { springBoot: facts.springBoot }),
    artifact: facts.artifact,
    ...(mainClass && { mainClass }),
    ...(port && { port }),
    ...(facts.reactor && { reactor: facts.reactor }),
    closure: detectClosure(graph, project.name),
  };
}
