/**
 * What detection reads from a pom.xml, by text (no XML parser: only well-known, unambiguous
 * elements are read; comments are dropped first). Property references `${...}` are resolved
 * against the pom's own <properties> and project.* coordinates, one level deep.
 */
export interface PomFacts {
  artifactId?: string;
  version?: string;
  packaging: string;
  finalName?: string;
  properties: Record<string, string>;
  /** <release> of maven-compiler-plugin's configuration. */
  compilerRelease?: string;
  mainClass?: string;
  springBootPlugin: boolean;
  springBootVersion?: string;
}

function pick(text: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(text)?.[1];
}

/** The project's own top-level elements: the pom with <parent>, <dependencies>, <build>, <profiles>… removed. */
function toTopLevel(text: string): string {
  return text.replace(/<(parent|dependencies|dependencyManagement|build|profiles|properties|modules|reporting|developers|licenses|scm)>[\s\S]*?<\/\1>/g, '');
}

export function readPom(text: string): PomFacts {
  const pom = text.replace(/<!--[\s\S]*?-->/g, '');
  const top = toTopLevel(pom);
  const parent = /<parent>([\s\S]*?)<\/parent>/.exec(pom)?.[1] ?? '';
  const propertiesBlock = /<properties>([\s\S]*?)<\/properties>/.exec(pom)?.[1] ?? '';
  const properties: Record<string, string> = {};
  for (const match of propertiesBlock.matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g)) properties[match[1]] = match[2];
  const artifactId = pick(top, 'artifactId');
  const version = pick(top, 'version') ?? pick(parent, 'version');
  const resolve = (value: string | undefined) =>
    value?.replace(/\$\{([\w.-]+)\}/g, (whole, key: string) =>
      key === 'project.artifactId' ? (artifactId ?? whole) : key === 'project.version' ? (version ?? whole) : (properties[key] ?? whole),
    );
  const compiler = /<artifactId>maven-compiler-plugin<\/artifactId>([\s\S]*?)<\/plugin>/.exec(pom)?.[1] ?? '';
  const bootParent = /<artifactId>spring-boot-starter-parent<\/artifactId>/.test(parent) ? pick(parent, 'version') : undefined;
  return {
    artifactId,
    version: resolve(version),
    packaging: pick(top, 'packaging') ?? 'jar',
    finalName: resolve(pick(/<build>([\s\S]*)<\/build>/.exec(pom)?.[1] ?? '', 'finalName')),
    properties,
    compilerRelease: resolve(pick(compiler, 'release')),
    mainClass: resolve(pick(pom, 'mainClass') ?? properties['exec.mainClass'] ?? properties['main.class'] ?? properties['start-class']),
    springBootPlugin: /<artifactId>spring-boot-maven-plugin<\/artifactId>/.test(pom),
    springBootVersion: resolve(bootParent ?? properties['spring-boot.version']),
  };
}
