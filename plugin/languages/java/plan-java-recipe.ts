import { planHealth } from '../../plan/health';
import { planAllowList } from '../../plan/allow-list';
import versions from '../../versions.json';
import type { BuildPlan, DockerizeOptions, ImageRef, JavaProfile, Mount, Stage, Step } from '../../types';
import { parseImageRef } from '../node/resolve-node-image';
import { javaTools, OFFLINE_REPO, type JavaToolRecipe } from './java-tools';
import { planCreateUserStep, planServiceBake, planServiceLabels, SERVICE_UID, toProjectPaths } from '../../plan/service-parts';

/** Container-aware JVM: size the heap from the container's memory limit, exit (and restart) on OOM. */
const JVM_FLAGS = ['-XX:MaxRAMPercentage=75', '-XX:+ExitOnOutOfMemoryError'];
/** Spring Boot's layers, least to most often changed: each its own COPY, so a code edit reuses the rest. */
const BOOT_LAYERS = ['dependencies', 'spring-boot-loader', 'snapshot-dependencies', 'application'];

interface JavaContext {
  profile: JavaProfile;
  options: DockerizeOptions;
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

function toJavaContext(profile: JavaProfile, options: DockerizeOptions): JavaContext {
  const major = profile.javaVersion.value;
  const tool = javaTools[profile.buildTool.value];
  const distroless = options.runtime === 'distroless';
  return {
    profile,
    options,
    tool,
    command: profile.wrapper ? tool.wrapperCommand : tool.command,
    distroless,
    buildImage: toImage(profile.wrapper ? versions.java.images.jdk : versions.java.images[tool.image], major),
    runtimeImage: toImage(distroless ? versions.java.images.distroless : versions.java.images.jre, major),
    uid: distroless ? versions.distroless.nonrootUid : SERVICE_UID,
    port: options.port ?? profile.port?.value,
  };
}

/** Spring Boot 3.3 replaced `layertools` with the `tools` jar mode; 3.2 moved the launcher class. */
function toBootFacts(version: string) {
  const [major, minor] = version.split('.').map(Number);
  const atLeast = (m: number, n: number) => major > m || (major === m && minor >= n);
  return {
    extract: atLeast(3, 3) ? 'java -Djarmode=tools -jar {jar} extract --layers --launcher --destination /out' : 'java -Djarmode=layertools -jar {jar} extract --destination /out',
    launcher: atLeast(3, 2) ? 'org.springframework.boot.loader.launch.JarLauncher' : 'org.springframework.boot.loader.JarLauncher',
  };
}

/** The build command and how its output is laid out in /out (what the runtime copies). */
function toBuildScript(ctx: JavaContext): string {
  const { profile } = ctx;
  const gradleTask = profile.springBoot ? 'bootJar' : 'installDist';
  const build = ctx.tool.build.replace('{tool}', ctx.command).replace('{task}', gradleTask);
  const jar = profile.artifact.value;
  if (profile.springBoot) return `${build} && ${toBootFacts(profile.springBoot.value.version).extract.replace('{jar}', jar)}`;
  if (profile.buildTool.value === 'gradle') return `${build} && mkdir -p /out && cp -a ${jar} /out/lib`;
  // One Maven run for both goals: a second `mvn` costs a JVM start and a project load on every edit.
  // copy-dependencies creates /out/lib only when there is something to copy, hence the mkdir.
  return `${build} dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib && mkdir -p /out/lib && cp ${jar} /out/app.jar`;
}

function planStages(ctx: JavaContext): Stage[] {
  const { profile, tool } = ctx;
  const cache: Mount = { type: 'cache', target: tool.cacheDir, sharing: 'locked' };
  const manifests = profile.manifests.map((file): Step => ({
    kind: 'copy',
    sources: toProjectPaths(profile.projectRoot, [file]),
    dest: ['.mvn', 'gradle'].includes(file) ? `${file}/` : './',
  }));
  return [
    { name: 'base', role: 'base', from: ctx.buildImage, steps: [{ kind: 'workdir', path: '/build' }, { kind: 'env', vars: tool.env }] },
    {
      name: 'deps',
      role: 'deps',
      from: { stage: 'base' },
      steps: [...manifests, { kind: 'run', command: ['/bin/sh', '-c', tool.prefetch.replace('{tool}', ctx.command)], mounts: [cache] }],
    },
    {
      name: 'build',
      role: 'build',
      from: { stage: 'deps' },
      steps: [
        { kind: 'env', vars: tool.buildEnv },
        { kind: 'copy', sources: [profile.projectRoot === '.' ? './' : `${profile.projectRoot}/`], dest: './' },
        { kind: 'run', command: ['/bin/sh', '-c', toBuildScript(ctx)], mounts: [] },
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
  const copies: Step[] = profile.springBoot
    ? BOOT_LAYERS.map((layer): Step => ({ kind: 'copy', from: 'build', sources: [`/out/${layer}/`], dest: './', link: true }))
    : [{ kind: 'copy', from: 'build', sources: ['/out/'], dest: './', link: true }];
  const classpath = profile.buildTool.value === 'maven' ? 'app.jar:lib/*' : 'lib/*';
  const main = profile.springBoot ? [toBootFacts(profile.springBoot.value.version).launcher] : ['-cp', classpath, profile.mainClass!.value];
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
  return planAllowList({ ...profile, excludeInProject: ['target', 'build', '.gradle'], excludeEverywhere: ['.idea'] });
}

function planNotes(ctx: JavaContext): string[] {
  const { profile, options } = ctx;
  const image = (ref: ImageRef) => (ref.tag ? `${ref.image}:${ref.tag}` : ref.image);
  return [
    `Project ${profile.project} at ${profile.projectRoot}, Java, built by ${profile.buildTool.value}${profile.wrapper ? ' through its wrapper' : ''} (from ${profile.buildTool.source}) in ${image(ctx.buildImage)}.`,
    `Java ${profile.javaVersion.value} (from ${profile.javaVersion.source}).`,
    profile.springBoot
      ? `Spring Boot ${profile.springBoot.value.version} (from ${profile.springBoot.source}): the jar's layers are extracted and copied one by one, so a code change reuses the dependency layers.`
      : `Plain jar ${profile.artifact.value} (from ${profile.artifact.source}) with its runtime dependencies in lib/; main class ${profile.mainClass!.value} (from ${profile.mainClass!.source}).`,
    options.port !== undefined ? `Port ${options.port} (from the port option).`
      : profile.port ? `Port ${profile.port.value} (from ${profile.port.source}).` : 'No port detected: no EXPOSE and no HEALTHCHECK.',
    ...[planJavaHealth(ctx).note ?? []].flat(),
    `Runtime base ${ctx.distroless ? 'distroless (no shell)' : 'JRE'}: ${image(ctx.runtimeImage)} (versions.json); user ${ctx.uid}; JVM flags ${JVM_FLAGS.join(' ')}.`,
    `Dependencies and plugins are pre-fetched from the build files alone (cache mount ${ctx.tool.cacheDir}) and copied to ${OFFLINE_REPO}, so the build runs offline and a source edit never re-downloads.`,
    'TLS: the JDK trusts its own cacerts, not the ca-certificates secret; behind a corporate CA use a build image whose cacerts holds it (see the docs).',
    ...(profile.closure.length > 0 ? [`Nx dependencies ${profile.closure.join(', ')} are not copied: multi-module builds are not supported yet.`] : []),
  ];
}

/** JVM services: base (Maven/Gradle image) → deps (build files, pre-fetch) → build (sources, offline) → runtime (JRE). */
export function planJavaRecipe(profile: JavaProfile, options: DockerizeOptions): BuildPlan {
  const ctx = toJavaContext(profile, options);
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
