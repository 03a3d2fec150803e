import type { NodeProfile } from '../../types';
import { toServiceSettings } from '../../detect/service-settings';
import { createDetectError } from '../../detect/create-detect-error';
import { detectBuild, type BuildFacts } from './detect-build';
import { collectPackages, detectFrameworks } from './frameworks/frameworks';
import type { FrameworkFacts } from './frameworks/framework-provider';
import { detectNativeModules } from './detect-native-modules';
import { detectClosure } from '../../detect/detect-closure';
import { detectEntrypoint } from './detect-entrypoint';
import { detectInstallInputs } from './detect-install-inputs';
import { assertNoLiteralCredentials, listConfigFilesInBuild } from './detect-config-credentials';
import { detectLocalDependencies } from './detect-local-dependencies';
import { assertGraphSeesImports } from './detect-missing-npm-edges';
import { detectLibraryBuilds } from './detect-library-builds';
import type { NodeProjectInput, PackageJson } from '../../detect/detect-input';
import { detectNodeVersion } from './detect-node-version';
import { detectPackageManager } from './detect-package-manager';
import { detectPort } from '../../detect/detect-port';
import { detectProdDependencies } from './detect-prod-dependencies';
import { detectRisks } from './detect-risks';
import { detectRootFiles } from './detect-root-files';
import { joinPath } from '../../detect/join-path';
import { readPackageJson } from './read-package-json';

/** What every phase of Node detection reads: the input, its manifests and the closure. */
interface NodeContext {
  input: NodeProjectInput;
  projectRoot: string;
  rootPackageJson: PackageJson | undefined;
  projectPackageJson: PackageJson | undefined;
  style: NodeProfile['style'];
  closure: string[];
  packages: Map<string, string>;
}

/**
 * Everything the Node recipe needs to know about one project, each fact with its source.
 * Reads only through `input.fs`, so it serves a generator's Tree and the disk alike.
 * Throws an Error naming the project, the file and the fix when the workspace is ambiguous.
 */
export function detectNodeProject(input: NodeProjectInput): NodeProfile {
  const { fs, project, graph, options = {} } = input;
  const projectRoot = joinPath(project.root);
  const rootPackageJson = readPackageJson(fs, 'package.json', project.name);
  // A root project's package.json is the workspace's; it still makes the project a package.
  const projectPackageJson = readPackageJson(fs, joinPath(projectRoot, 'package.json'), project.name);
  const closure = detectClosure(graph, project.name);
  const context: NodeContext = {
    input,
    projectRoot,
    rootPackageJson,
    projectPackageJson,
    style: projectPackageJson ? 'package' : 'integrated',
    closure,
    packages: collectPackages({ project: project.name, projectRoot, projectPackageJson, closure, graph }),
  };
  const { packageManager, packageManagerVersion, lockfile } = detectPackageManager({
    fs,
    project: project.name,
    rootPackageJson,
  });
  const nodeVersion = detectNodeVersion({
    fs,
    project: project.name,
    projectRoot,
    // The root package.json is already the next source; do not count it twice.
    projectPackageJson: projectRoot === '.' ? undefined : projectPackageJson,
    rootPackageJson,
    nodeVersion: options.nodeVersion,
  });
  const service = detectService(context, packageManager.value);
  const install = detectInstall(context, packageManager.value, lockfile, service.frameworks);
  return {
    language: 'node',
    project: project.name,
    projectRoot,
    settings: toServiceSettings(options),
    packageManager,
    ...(packageManagerVersion && { packageManagerVersion }),
    lockfile,
    nodeVersion,
    style: context.style,
    ...(service.build && { build: service.build.build }),
    entrypoint: service.entrypoint,
    ...(service.port && { port: service.port }),
    closure,
    ...install,
    libraryBuilds: detectLibraryBuilds({ fs, graph, manager: packageManager.value, projectRoot, closure }),
    risks: detectRisks({ project: project.name, projectPackageJson, graph }),
    ...(service.frameworks.length > 0 && { frameworks: service.frameworks }),
  };
}

/** The build, the frameworks, the entry point and the port. */
function detectService(context: NodeContext, manager: NodeProfile['packageManager']['value']) {
  const { input, projectRoot, projectPackageJson, closure, packages } = context;
  const { fs, project, options = {} } = input;
  const detectedBuild = detectBuild({ fs, project, projectPackageJson, manager });
  const frameworks = detectFrameworks({
    fs,
    project: project.name,
    projectRoot,
    projectPackageJson,
    closure: closure.filter((root) => root !== projectRoot),
    packages,
    outputPath: detectedBuild?.build.value.outputPath,
  });
  const frameworkOutput = frameworks.find((facts) => facts.output)?.output;
  if (frameworkOutput && !detectedBuild) {
    throw createDetectError({
      project: project.name,
      file: joinPath(projectRoot, projectPackageJson ? 'package.json' : 'project.json'),
      problem: `${frameworks[0].name} writes its server only when built, and the project has no build target or build script`,
      fix: projectPackageJson
        ? `add "build": "next build" to the scripts of ${joinPath(projectRoot, 'package.json')}`
        : 'add a build target (e.g. nx:run-commands with "next build" and cwd set to the project)',
    });
  }
  const build = withFrameworkOutput(detectedBuild, frameworkOutput);
  const entrypoint = detectEntrypoint({
    fs,
    project: project.name,
    projectRoot,
    projectPackageJson,
    build,
    entry: options.entry,
    frameworkOutput,
  });
  const frameworkPort = frameworks.find((facts) => facts.defaultPort)?.defaultPort;
  const entryFile = !build ? { entryFile: joinPath(projectRoot, entrypoint.value) } : {};
  const port =
    detectPort({ fs, projectRoot, port: options.port, ...entryFile }) ??
    (frameworkPort && { value: frameworkPort.port, source: frameworkPort.source });
  return { build, frameworks, entrypoint, port };
}

/** What the image's installs need: native modules, install inputs, local dependencies, the runtime manifest. */
function detectInstall(
  context: NodeContext,
  manager: NodeProfile['packageManager']['value'],
  lockfile: string,
  frameworks: FrameworkFacts[],
) {
  const { input, projectRoot, rootPackageJson, projectPackageJson, style, closure, packages } = context;
  const { fs, project, graph } = input;
  const nativeModules = detectNativeModules({
    fs,
    lockfile,
    // What the image's install builds: the project's packages and the root manifest's own.
    roots: [
      ...packages.keys(),
      ...Object.keys({ ...rootPackageJson?.dependencies, ...rootPackageJson?.devDependencies }),
    ],
    // What the runtime loads: the project's production packages (graph edges are imports).
    runtimeRoots: [...packages].filter(([, from]) => !from.endsWith('#devDependencies')).map(([name]) => name),
  });
  const inputs = detectInstallInputs(fs, manager, rootPackageJson, project.name);
  assertNoLiteralCredentials(fs, project.name, listConfigFilesInBuild(inputs.installInputs, [projectRoot, ...closure]));
  const workspaceManifests = closure.filter((root) => fs.exists(joinPath(root, 'package.json')));
  const localDependencies = detectLocalDependencies({
    fs,
    project: project.name,
    manifestDirs: ['.', ...(projectPackageJson ? [projectRoot] : []), ...workspaceManifests],
    projectRoots: Object.values(graph.nodes).map((node) => joinPath(node.data.root)),
  });
  // A framework that bundles its node_modules (Next standalone) needs no production install.
  const bundles = frameworks.some((facts) => facts.bundlesDependencies);
  const hasProdDependencies =
    !bundles && detectProdDependencies({ fs, project: project.name, style, projectPackageJson, closure, graph });
  if (style === 'integrated' && !hasProdDependencies && !bundles) {
    assertGraphSeesImports({
      fs,
      project: project.name,
      roots: [projectRoot, ...closure],
      build: project.targets?.build,
      rootPackageJson,
    });
  }
  // Integrated projects have no manifest of their own: Nx writes the runtime's (see node-profile.ts).
  const runtimeManifest =
    style === 'integrated' && hasProdDependencies ? input.createRuntimeManifest?.(project.name, manager) : undefined;
  return {
    // Closure libraries that are workspace packages: their manifests belong to the install.
    workspaceManifests,
    rootFiles: detectRootFiles(fs),
    hasProdDependencies,
    installInputs: [...inputs.installInputs, ...localDependencies],
    ...(localDependencies.length > 0 && { localDependencies }),
    ...(inputs.yarnPath && { yarnPath: inputs.yarnPath }),
    rootLifecycleScripts: inputs.rootLifecycleScripts,
    ...(inputs.patchPackage && { patchPackage: true as const }),
    ...(runtimeManifest && { runtimeManifest }),
    ...(nativeModules.length > 0 && { nativeModules }),
  };
}

/** A framework that owns the artifact layout (Next.js standalone) moves the build's output there. */
function withFrameworkOutput(build: BuildFacts | undefined, output: FrameworkFacts['output']): BuildFacts | undefined {
  if (!build || !output) return build;
  const value = { ...build.build.value, outputPath: output.outputPath };
  const command = build.build.source.replace(/; output from .*$/, '');
  return { build: { value, source: `${command}; output from ${output.source}` } };
}
