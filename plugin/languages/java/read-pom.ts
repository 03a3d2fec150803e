import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createDetectError } from '../../detect/create-detect-error';

/**
 * What detection reads from one pom.xml, parsed as XML (fast-xml-parser: comments dropped,
 * entities decoded, values kept as strings so `1.8` stays `1.8`). Property references are NOT
 * resolved here: `resolvePomValue` does it once the parent chain's properties are known.
 */
export interface PomFacts {
  groupId?: string;
  artifactId?: string;
  version?: string;
  packaging: string;
  /** `<parent>`; `relativePath` is `''` when the pom says `<relativePath/>` (no local parent), `undefined` for Maven's default `../pom.xml`. */
  parent?: { groupId?: string; artifactId?: string; version?: string; relativePath?: string };
  /** `<modules><module>`: directories relative to this pom's directory. */
  modules: string[];
  /** `<dependencies><dependency>` (not dependencyManagement): the coordinates a reactor sibling is matched by. */
  dependencies: { groupId?: string; artifactId?: string; scope?: string }[];
  finalName?: string;
  properties: Record<string, string>;
  /** `<release>` of maven-compiler-plugin's configuration. */
  compilerRelease?: string;
  /** The first `<mainClass>` in build plugins' configuration (jar, exec, Boot plugins). */
  mainClass?: string;
  springBootPlugin: boolean;
  /** The version of a `spring-boot-starter-parent` parent. */
  springBootParentVersion?: string;
  /** Boot's version where a pom without that parent names it: spring-boot-maven-plugin's `<version>` (plugins or pluginManagement), else an imported spring-boot-dependencies BOM's. Unresolved `${…}` kept. */
  springBootDeclaredVersion?: string;
}

type Node = Record<string, unknown>;

/** Lists parsed as arrays whatever their length (a single `<module>` is still a list). */
const LISTS = new Set([
  'project.modules.module',
  'project.dependencies.dependency',
  'project.dependencyManagement.dependencies.dependency',
  'project.build.plugins.plugin',
  'project.build.pluginManagement.plugins.plugin',
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jpath) => LISTS.has(String(jpath)),
});

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const node = (value: unknown): Node =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Depth-first search for the first `<key>` holding text under `value`. */
function findText(value: unknown, key: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  for (const [name, child] of Object.entries(value as Node)) {
    if (name === key && text(child)) return text(child);
    const found = findText(child, key);
    if (found) return found;
  }
  return undefined;
}

function toProperties(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(node(value)).flatMap(([key, child]) => (typeof child === 'string' ? [[key, child]] : [])),
  );
}

/** The `<project>` element of a well-formed pom, or an Error naming the line (XMLValidator's position). */
function parseProjectElement(xml: string, file: string, project: string): Node {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw createDetectError({
      project,
      file,
      problem: `is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg})`,
      fix: 'correct the file (`mvn validate` shows where Maven rejects it)',
    });
  }
  const root = node(parser.parse(xml)).project;
  if (!root || typeof root !== 'object') {
    throw createDetectError({
      project,
      file,
      problem: 'has no <project> root element',
      fix: 'a pom.xml is a <project> document (https://maven.apache.org/pom.html)',
    });
  }
  return root as Node;
}

/**
 * Parses a pom.xml. A document that is not well-formed XML, or whose root is not `<project>`,
 * is an Error naming the project, the file and the line (XMLValidator's position).
 */
export function readPom(xml: string, file: string, project: string): PomFacts {
  const pom = parseProjectElement(xml, file, project);
  const build = node(pom.build);
  const plugins = [...list(node(build.plugins).plugin), ...list(node(node(build.pluginManagement).plugins).plugin)].map(
    node,
  );
  const buildPlugins = list(node(build.plugins).plugin).map(node);
  const compiler = plugins.find((plugin) => plugin.artifactId === 'maven-compiler-plugin');
  const parent = pom.parent === undefined ? undefined : node(pom.parent);
  return {
    groupId: text(pom.groupId),
    artifactId: text(pom.artifactId),
    version: text(pom.version),
    packaging: text(pom.packaging) ?? 'jar',
    ...(parent && {
      parent: {
        groupId: text(parent.groupId),
        artifactId: text(parent.artifactId),
        version: text(parent.version),
        relativePath: 'relativePath' in parent ? (text(parent.relativePath) ?? '') : undefined,
      },
    }),
    modules: list(node(pom.modules).module)
      .map(text)
      .filter((module): module is string => module !== undefined),
    dependencies: list(node(pom.dependencies).dependency)
      .map(node)
      .map((dependency) => ({
        groupId: text(dependency.groupId),
        artifactId: text(dependency.artifactId),
        scope: text(dependency.scope),
      })),
    finalName: text(build.finalName),
    properties: toProperties(pom.properties),
    compilerRelease: compiler ? text(node(compiler.configuration).release) : undefined,
    mainClass: buildPlugins.map((plugin) => findText(plugin.configuration, 'mainClass')).find(Boolean),
    springBootPlugin: buildPlugins.some((plugin) => plugin.artifactId === 'spring-boot-maven-plugin'),
    springBootParentVersion: parent?.artifactId === 'spring-boot-starter-parent' ? text(parent.version) : undefined,
    springBootDeclaredVersion:
      text(plugins.find((plugin) => plugin.artifactId === 'spring-boot-maven-plugin')?.version) ??
      text(
        list(node(node(pom.dependencyManagement).dependencies).dependency)
          .map(node)
          .find((dependency) => dependency.artifactId === 'spring-boot-dependencies')?.version,
      ),
  };
}

/** `${key}` references resolved against `properties` (which hold `project.*` too), repeatedly, up to 5 levels. */
export function resolvePomValue(value: string | undefined, properties: Record<string, string>): string | undefined {
  let resolved = value;
  for (let depth = 0; resolved?.includes('${') && depth < 5; depth++) {
    resolved = resolved.replace(/\$\{([\w.-]+)\}/g, (whole, key: string) => properties[key] ?? whole);
  }
  return resolved;
}
