import { XMLValidator } from 'fast-xml-parser';
import type { FsView } from '../../fs-view';
import type { JavaBuildTool, JavaProfile, Sourced } from '../../types';
import versions from '../../versions.json';
import { createDetectError } from '../../detect/create-detect-error';
import { detectClosure } from '../../detect/detect-closure';
import { detectEnvPort } from '../../detect/detect-env-port';
import type { NodeProjectInput } from '../../detect/detect-input';
import { joinPath } from '../../detect/join-path';
import { readPom, type PomFacts } from './read-pom';

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

function detectMavenJavaVersion(pom: PomFacts, file: string): Sourced<string> | undefined {
  const candidates: [string | undefined, string][] = [
    [pom.compilerRelease, 'maven-compiler-plugin <release>'],
    [pom.properties['maven.compiler.release'], 'maven.compiler.release'],
    [pom.properties['java.version'], 'java.version'],
    [pom.properties['maven.compiler.target'], 'maven.compiler.target'],
    [pom.properties['maven.compiler.source'], 'maven.compiler.source'],
  ];
  const found = candidates.find(([value]) => value && /^\d+(\.\d+)?$/.test(toFeature(value)));
  return found ? { value: toFeature(found[0]!), source: `${file} (${found[1]})` } : undefined;
}

const GRADLE_VERSION = [
  { pattern: /JavaLanguageVersion\.of\(\s*(\d+)\s*\)/, what: 'toolchain languageVersion' },
  { pattern: /(?:source|target)Compatibility\s*=\s*(?:JavaVersion\.VERSION_(?:1_)?(\d+)|['"](?:1\.)?(\d+)['"])/, what: 'sourceCompatibility' },
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
}

/** The text, once fast-xml-parser's validator finds it well-formed: readPom only skims by pattern. */
function checkXml(project: string, file: string, text: string): string {
  const result = XMLValidator.validate(text);
  if (result === true) return text;
  const { msg, line, col } = result.err;
  throw createDetectError({ project, file, problem: `is not well-formed XML (line ${line}, column ${col}: ${msg})`, fix: 'correct the file (`mvn validate` shows where Maven rejects it)' });
}

function detectMaven(fs: FsView, root: string, file: string, project: string): ToolFacts {
  const pom = readPom(checkXml(project, file, fs.read(file) ?? ''));
  const wrapper = fs.exists(joinPath(root, 'mvnw')) && fs.exists(joinPath(root, '.mvn/wrapper'));
  const jar = `target/${pom.finalName ?? `${pom.artifactId}-${pom.version}`}.jar`;
  return {
    javaVersion: detectMavenJavaVersion(pom, file),
    ...(pom.springBootPlugin && { springBoot: { value: { version: pom.springBootVersion ?? '3.3' }, source: `${file} (spring-boot-maven-plugin${pom.springBootVersion ? `, Boot ${pom.springBootVersion}` : ''})` } }),
    artifact: { value: jar, source: `${file} (${pom.finalName ? 'build.finalName' : 'artifactId-version'})` },
    ...(pom.mainClass && { mainClass: { value: pom.mainClass, source: `${file} (mainClass)` } }),
    manifests: ['pom.xml', ...(wrapper ? ['mvnw', '.mvn'] : [])],
    wrapper,
  };
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
  const optional = ['gradle.properties', 'gradle'].filter((entry) => fs.exists(joinPath(root, entry)) && (entry !== 'gradle' || wrapper || fs.exists(joinPath(root, 'gradle/libs.versions.toml'))));
  return {
    javaVersion: detectGradleJavaVersion(text, file),
    ...(boot && { springBoot: { value: { version: boot[1] }, source: `${file} (org.springframework.boot ${boot[1]})` } }),
    // Boot: bootJar's jar; otherwise the application plugin's installDist lays out lib/*.jar.
    artifact: boot
      ? { value: `build/libs/${name}${version ? `-${version}` : ''}.jar`, source: `${settingsFile ?? 'the directory name'} (rootProject.name) and ${file} (version)` }
      : { value: `build/install/${name}/lib`, source: `${settingsFile ?? 'the directory name'} (rootProject.name; application plugin installDist)` },
    ...(mainClass && { mainClass: { value: mainClass, source: `${file} (application mainClass)` } }),
    manifests: [...(settingsFile ? [settingsFile] : []), file.split('/').pop()!, ...optional, ...(wrapper ? ['gradlew'] : [])],
    wrapper,
  };
}

/** A JVM service built by Maven or Gradle: its Java release, artifact, Spring Boot layers or main class. */
export function detectJavaProject(input: NodeProjectInput): JavaProfile {
  const { fs, project, graph, options = {} } = input;
  const projectRoot = joinPath(project.root);
  const build = BUILD_FILES.find(({ file }) => fs.exists(joinPath(projectRoot, file)))!;
  const file = joinPath(projectRoot, build.file);
  const facts = build.tool === 'maven' ? detectMaven(fs, projectRoot, file, project.name) : detectGradle(fs, projectRoot, file);
  const mainClass = options.entrypoint ? { value: options.entrypoint, source: 'the entrypoint option' } : facts.mainClass;
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
  const port = detectEnvPort(fs, mainFile, options.port);
  return {
    language: 'java',
    project: project.name,
    projectRoot,
    buildTool: { value: build.tool, source: file },
    wrapper: facts.wrapper,
    manifests: facts.manifests,
    javaVersion: facts.javaVersion ?? { value: versions.java.defaultMajor, source: 'default (versions.json java.defaultMajor)' },
    ...(facts.springBoot && { springBoot: facts.springBoot }),
    artifact: facts.artifact,
    ...(mainClass && { mainClass }),
    ...(port && { port }),
    closure: detectClosure(graph, project.name),
  };
}
