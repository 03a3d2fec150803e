import { posix } from 'node:path';
import { planHealth } from '../../plan/health';
import { planAllowList } from '../../plan/allow-list';
import versions from '../../versions.json';
import { joinPath } from '../../detect/join-path';
import type { BuildPlan, ImageRef, JavaProfile, RuntimeBase, Mount, Stage, Step } from '../../types';
import { parseImageRef } from '../../plan/image-ref';
import { javaTools, OFFLINE_REPO, type JavaToolRecipe } from './java-tools';
import {
  planCreateUserStep,
  planServiceBake,
  planServiceLabels,
  SERVICE_UID,
  toProjectPaths,
} from '../../plan/service-parts';

/** Container-aware JVM: size the heap from the container's memory limit, exit (and restart) on OOM. */
const JVM_FLAGS = ['-XX:MaxRAMPercentage=75', '-XX:+ExitOnOutOfMemoryError'];
/** Spring Boot's layers, least to most often changed: each its own COPY, so a code edit reuses the rest. */
const BOOT_LAYERS = ['dependencies', 'spring-boot-loader', 'snapshot-dependencies', 'application'];

interface JavaContext {
  profile: JavaProfile;
  /** The runtime base (profile.settings). */
  runtime: RuntimeBase;
  tool: JavaToolRecipe;
  command: string;
  distroless: boolean;
  buildImage: ImageRef;
  runtimeImage: ImageRef;
  uid: number;
  port?: number;
}

function toImage(template: string, major: string): ImageRef {
  return parseImageRef(template.replace('{major}', major));
}

function toJavaContext(profile: JavaProfile): JavaContext {
  const major = profile.javaVersion.value;
  const tool = javaTools[profile.buildTool.value];
  const runtime = profile.settings.runtime.value;
  const distroless = runtime === 'distroless';
  return {
    profile,
    runtime,
    tool,
    command: profile.wrapper ? tool.wrapperCommand : tool.command,
    distroless,
    buildImage: toImage(profile.wrapper ? versions.java.images.jdk : versions.java.images[tool.image], major),
    runtimeImage: toImage(distroless ? versions.java.images.distroless : versions.java.images.jre, major),
    uid: distroless ? versions.distroless.nonrootUid : SERVICE_UID,
    port: profile.port?.value,
  };
}

/** Spring Boot 3.3 replaced `layertools` with the `tools` jar mode; 3.2 moved the launcher class. */
function toBootFacts(version: string) {
  const [major, minor] = version.split('.').map(Number);
  const atLeast = (m: number, n: number) => major > m || (major === m && minor >= n);
  return {
    extract: atLeast(3, 3)
      ? 'java -Djarmode=tools -jar {jar} extract --layers --launcher --destination /out'
      : 'java -Djarmode=layertools -jar {jar} extract --destination /out',
    launcher: atLeast(3, 2)
      ? 'org.springframework.boot.loader.launch.JarLauncher'
      : 'org.springframework.boot.loader.JarLauncher',
  };
}

/** Maven's module selection: the reactor's `-pl <module> -am`, a local parent's `-f <module>/pom.xml`, or nothing. */
function toMavenSelect(profile: JavaProfile): string {
  const reactor = profile.reactor;
  if (!reactor) return '';
  return reactor.aggregator ? `-pl ${reactor.module} -am` : `-f ${reactor.module}/pom.xml`;
}

/** `apps/api` under reactor root `.` → `apps/api`; the root itself → `.`. */
function toReactorPath(root: string, path: string): string {
  return posix.relative(root === '.' ? '' : root, path === '.' ? '' : path) || '.';
}

/** Build-dir-relative directories a Maven build writes `target/` into. */
function toMavenTargets(profile: JavaProfile): string {
  const reactor = profile.reactor;
  if (!reactor) return 'target';
  return reactor.needed.map((dir) => joinPath(toReactorPath(reactor.root, dir), 'target')).join(' ');
}

/** Maven goals a plain jar adds to `package`: its runtime dependencies into `dir`. */
const copyDependencies = (dir: string) =>
  `dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=${dir}`;

const squash = (command: string) => command.replace(/ {2,}/g, ' ').trim();

function toPrefetch(ctx: JavaContext): string {
  const { profile } = ctx;
  const goals = profile.buildTool.value === 'maven' && !profile.springBoot ? copyDependencies('/tmp/prefetch-lib') : '';
  const clean = `${toMavenTargets(profile)}${goals ? ' /tmp/prefetch-lib' : ''}`;
  const prefetch = profile.springBoot
    ? ctx.tool.prefetch
    : ctx.tool.prefetch.replace(' -Dspring-boot.repackage.skip=true', '');
  return squash(
    prefetch
      .replace('{tool}', ctx.command)
      .replace('{select}', toMavenSelect(profile))
      .replace('{goals}', goals)
      .replace('{clean}', clean),
  );
}

/** The build command and how its output is laid out in /out (what the runtime copies). */
function toBuildScript(ctx: JavaContext): string {
  const { profile } = ctx;
  const gradleTask = profile.springBoot ? 'bootJar' : 'installDist';
  const plainMaven = profile.buildTool.value === 'maven' && !profile.springBoot;
  // One Maven run for both goals: a second `mvn` costs a JVM start and a project load on every edit.
  const goals = plainMaven ? copyDependencies('/out/lib') : '';
  const build = squash(
    ctx.tool.build
      .replace('{tool}', ctx.command)
      .replace('{task}', gradleTask)
      .replace('{select}', toMavenSelect(profile))
      .replace('{goals}', goals),
  );
  const jar = profile.artifact.value;
  if (profile.springBoot)
    return `${build} && ${toBootFacts(profile.springBoot.value.version).extract.replace('{jar}', jar)}`;
  if (profile.buildTool.value === 'gradle') return `${build} && mkdir -p /out && cp -a ${jar} /out/lib`;
  // copy-dependencies creates /out/lib only when there is something to copy, hence the mkdir.
  return `${build} && mkdir -p /out/lib && cp ${jar} /out/app.jar`;
}

/** Build files copied before the pre-fetch: the project's, or every pom of its reactor (and mvnw, .mvn at the reactor root). */
function planManifestCopies(profile: JavaProfile): Step[] {
  const reactor = profile.reactor;
  if (!reactor) {
    return profile.manifests.map((file): Step => ({
      kind: 'copy',
      role: 'manifest',
      sources: toProjectPaths(profile.projectRoot, [file]),
      dest: ['.mvn', 'gradle'].includes(file) ? `${file}/` : './',
    }));
  }
  const wrapper = profile.manifests
    .filter((file) => file !== 'pom.xml')
    .map((file): Step => ({
      kind: 'copy',
      role: 'manifest',
      sources: [joinPath(reactor.root, file)],
      dest: file === '.mvn' ? '.mvn/' : './',
    }));
  const poms = reactor.poms.map((pom): Step => {
    const dir = toReactorPath(reactor.root, posix.dirname(pom));
    return { kind: 'copy', role: 'manifest', sources: [pom], dest: dir === '.' ? './' : `${dir}/` };
  });
  return [...wrapper, ...poms];
}

/** Sources after the pre-fetch: the project's directory, or each module the build needs (libraries first). */
function planSourceCopies(profile: JavaProfile): Step[] {
  const reactor = profile.reactor;
  if (!reactor)
    return [
      {
        kind: 'copy',
        role: 'source',
        sources: [profile.projectRoot === '.' ? './' : `${profile.projectRoot}/`],
        dest: './',
      },
    ];
  return reactor.needed.map((dir): Step => {
    const relative = toReactorPath(reactor.root, dir);
    return {
      kind: 'copy',
      role: 'source',
      sources: [dir === '.' ? './' : `${dir}/`],
      dest: relative === '.' ? './' : `${relative}/`,
    };
  });
}

function planStages(ctx: JavaContext): Stage[] {
  const { profile, tool } = ctx;
  const cache: Mount = { type: 'cache', target: tool.cacheDir, sharing: 'locked' };
  return [
    {
      name: 'base',
      role: 'base',
      from: ctx.buildImage,
      steps: [
        { kind: 'workdir', path: '/build' },
        { kind: 'env', vars: tool.env },
      ],
    },
    {
      name: 'deps',
      role: 'deps',
      from: { stage: 'base' },
      steps: [
        ...planManifestCopies(profile),
        { kind: 'run', role: 'fetch', locked: true, command: ['/bin/sh', '-c', toPrefetch(ctx)], mounts: [cache] },
      ],
    },
    {
      name: 'build',
      role: 'build',
      from: { stage: 'deps' },
      steps: [
        { kind: 'env', vars: tool.buildEnv },
        ...planSourceCopies(profile),
        { kind: 'run', role: 'build', command: ['/bin/sh', '-c', toBuildScript(ctx)], mounts: [] },
      ],
    },
  ];
}

/** The JRE image has bash but no curl: /dev/tcp probes; distroless has no shell, so no HEALTHCHECK (said in the header). */
function planJavaHealth(ctx: JavaContext) {
  const tool = ctx.distroless ? ({ kind: 'binary', image: 'distroless java' } as const) : ({ kind: 'bash' } as const);
  return planHealth(ctx.profile.health, ctx.port, tool);
}

function planPortSteps(ctx: JavaContext): Step[] {
  if (ctx.port === undefined) return [];
  return [{ kind: 'expose', port: ctx.port }, ...planJavaHealth(ctx).steps];
}

function planRuntimeStage(ctx: JavaContext): Stage {
  const { profile } = ctx;
  const java = ctx.distroless ? '/usr/bin/java' : 'java';
  // Not --link: a registry cache exported by a runner that had imported one (CI's every run) lacks
  // a link's merge, so each next fresh runner re-ran it and fetched and extracted the build stage
  // with nothing changed (BuildKit 0.32.2; docs/python-and-java.md).
  const copies: Step[] = profile.springBoot
    ? BOOT_LAYERS.map((layer): Step => ({
        kind: 'copy',
        role: 'artifact',
        from: 'build',
        sources: [`/out/${layer}/`],
        dest: './',
      }))
    : [{ kind: 'copy', role: 'artifact', from: 'build', sources: ['/out/'], dest: './' }];
  const classpath = profile.buildTool.value === 'maven' ? 'app.jar:lib/*' : 'lib/*';
  const main = profile.springBoot
    ? [toBootFacts(profile.springBoot.value.version).launcher]
    : ['-cp', classpath, profile.mainClass!.value];
  return {
    name: 'runtime',
    role: 'runtime',
    from: ctx.runtimeImage,
    steps: [
      ...(ctx.distroless ? [] : [planCreateUserStep(ctx.uid)]),
      { kind: 'workdir', path: '/app' },
      ...copies,
      { kind: 'user', uid: ctx.uid, gid: ctx.uid },
      ...planPortSteps(ctx),
      planServiceLabels(profile.project, profile.projectRoot),
      { kind: 'entrypoint', argv: [java, ...JVM_FLAGS, ...main] },
    ],
  };
}

function planIgnore(profile: JavaProfile): string[] {
  const reactor = profile.reactor;
  const dirs = reactor ? reactor.needed : [profile.projectRoot];
  const wrapper = reactor
    ? profile.manifests.filter((file) => file !== 'pom.xml').map((file) => joinPath(reactor.root, file))
    : [];
  const poms = reactor ? reactor.poms.filter((pom) => !dirs.includes(posix.dirname(pom))) : [];
  return planAllowList({
    ...profile,
    rootFiles: [...poms, ...wrapper],
    closure: dirs,
    excludePaths: dirs.flatMap((dir) => ['target', 'build', '.gradle'].map((output) => joinPath(dir, output))),
    excludeEverywhere: ['.idea'],
  });
}

function planReactorNotes(profile: JavaProfile): string[] {
  const reactor = profile.reactor;
  const outside = profile.closure.filter((root) => !reactor?.needed.includes(root));
  const notes = [];
  if (reactor?.aggregator) {
    notes.push(
      `Maven reactor ${joinPath(reactor.root, 'pom.xml')} (${reactor.poms.length} poms, all copied before the pre-fetch: a pom change anywhere in the reactor re-runs it): \`-pl ${reactor.module} -am\` builds ${reactor.needed.join(', ')}, whose sources alone are copied.`,
    );
  } else if (reactor) {
    notes.push(
      `Local parent poms ${reactor.poms.slice(0, -1).join(', ')} are copied before the pre-fetch; the build runs \`-f ${reactor.module}/pom.xml\` from ${reactor.root}.`,
    );
  }
  if (outside.length > 0)
    notes.push(
      `Nx dependencies ${outside.join(', ')} are not copied: the ${profile.buildTool.value === 'maven' ? 'pom does not depend on them as reactor modules' : 'Gradle build is single-project here (multi-project Gradle builds are not supported yet)'}.`,
    );
  return notes;
}

function planNotes(ctx: JavaContext): string[] {
  const { profile } = ctx;
  const image = (ref: ImageRef) => (ref.tag ? `${ref.image}:${ref.tag}` : ref.image);
  return [
    `Project ${profile.project} at ${profile.projectRoot}, Java, built by ${profile.buildTool.value}${profile.wrapper ? ' through its wrapper' : ''} (from ${profile.buildTool.source}) in ${image(ctx.buildImage)}.`,
    `Java ${profile.javaVersion.value} (from ${profile.javaVersion.source}).`,
    profile.springBoot
      ? `Spring Boot ${profile.springBoot.value.version} (from ${profile.springBoot.source}): the jar's layers are extracted and copied one by one, so a code change reuses the dependency layers.`
      : `Plain jar ${profile.artifact.value} (from ${profile.artifact.source}) with its runtime dependencies in lib/; main class ${profile.mainClass!.value} (from ${profile.mainClass!.source}).`,
    // The port option's source reads "the port option" (detect-env-port.ts).
    profile.port
      ? `Port ${profile.port.value} (from ${profile.port.source}).`
      : 'No port detected: no EXPOSE and no HEALTHCHECK.',
    ...[planJavaHealth(ctx).note ?? []].flat(),
    `Runtime base ${ctx.distroless ? 'distroless (no shell)' : 'JRE'}: ${image(ctx.runtimeImage)} (versions.json); user ${ctx.uid}; JVM flags ${JVM_FLAGS.join(' ')}.`,
    profile.buildTool.value === 'maven'
      ? `Dependencies and plugins are pre-fetched by running the same \`package\` on the poms alone (test scope included, Boot's repackage skipped; cache mount ${ctx.tool.cacheDir}) and copied to ${OFFLINE_REPO}, so the build runs offline (-o, -Dmaven.test.skip=true: tests are neither compiled nor run) and a source edit never re-downloads.`
      : `Dependencies and plugins are pre-fetched from the build files alone (cache mount ${ctx.tool.cacheDir}) and copied to ${OFFLINE_REPO}, so the build runs offline and a source edit never re-downloads.`,
    'TLS: the JDK trusts its own cacerts, not the ca-certificates secret; behind a corporate CA use a build image whose cacerts holds it (see the docs).',
    ...planReactorNotes(profile),
  ];
}

/** JVM services: base (Maven/Gradle image) → deps (build files, pre-fetch) → build (sources, offline) → runtime (JRE). */
export function planJavaRecipe(profile: JavaProfile): BuildPlan {
  const ctx = toJavaContext(profile);
  return {
    project: profile.project,
    projectRoot: profile.projectRoot,
    stages: [...planStages(ctx), planRuntimeStage(ctx)],
    ignore: planIgnore(profile),
    bake: planServiceBake(profile.project, profile.projectRoot),
    notes: planNotes(ctx),
    files: [],
  };
}
