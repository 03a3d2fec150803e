import type { NodeProfile } from '../../types';
import { detectBuild } from './detect-build';
import { detectClosure } from '../../detect/detect-closure';
import { detectEntrypoint } from './detect-entrypoint';
import { detectInstallInputs } from './detect-install-inputs';
import { detectLibraryBuilds } from './detect-library-builds';
import type { NodeProjectInput } from '../../detect/detect-input';
import { detectNodeVersion } from './detect-node-version';
import { detectPackageManager } from './detect-package-manager';
import { detectPort } from '../../detect/detect-port';
import { detectProdDependencies } from './detect-prod-dependencies';
import { detectRisks } from './detect-risks';
import { detectRootFiles } from './detect-root-files';
import { joinPath } from '../../detect/join-path';
import { readPackageJson } from './read-package-json';

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
  const projectPackageJsonPath = joinPath(projectRoot, 'package.json');
  const projectPackageJson = readPackageJson(fs, projectPackageJsonPath, project.name);
  const style = projectPackageJson ? 'package' : 'integrated';

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
  const build = detectBuild({ project, projectPackageJson, manager: packageManager.value });
  const entrypoint = detectEntrypoint({ fs, project: project.name, projectRoot, projectPackageJson, build, entry: options.entry });
  const port = detectPort({ fs, projectRoot, port: options.port, ...(!build && { entryFile: joinPath(projectRoot, entrypoint.value) }) });
  const closure = detectClosure(graph, project.name);
  const inputs = detectInstallInputs(fs, packageManager.value, rootPackageJson, project.name);
  const hasProdDependencies = detectProdDependencies({ fs, project: project.name, style, projectPackageJson, closure, graph });
  // Integrated projects have no manifest of their own: Nx writes the runtime's (see types.ts).
  const runtimeManifest = style === 'integrated' && hasProdDependencies ? input.createRuntimeManifest?.(project.name, packageManager.value) : undefined;

  return {
    language: 'node',
    project: project.name,
    projectRoot,
    packageManager,
    ...(packageManagerVersion && { packageManagerVersion }),
    lockfile,
    nodeVersion,
    style,
    ...(build && { build: build.build }),
    entrypoint,
    ...(port && { port }),
    closure,
    // Closure libraries that are workspace packages: their manifests belong to the install.
    workspaceManifests: closure.filter((root) => fs.exists(joinPath(root, 'package.json'))),
    rootFiles: detectRootFiles(fs),
    hasProdDependencies,
    installInputs: inputs.installInputs,
    ...(inputs.yarnPath && { yarnPath: inputs.yarnPath }),
    rootLifecycleScripts: inputs.rootLifecycleScripts,
    ...(inputs.patchPackage && { patchPackage: true }),
    libraryBuilds: detectLibraryBuilds({ fs, graph, manager: packageManager.value, projectRoot, closure }),
    ...(runtimeManifest && { runtimeManifest }),
    risks: detectRisks({ project: project.name, projectPackageJson, graph }),
  };
}
