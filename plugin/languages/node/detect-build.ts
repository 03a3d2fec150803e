import { posix } from 'node:path';
import type { NodePackageManager, Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import type { PackageJson, ProjectInput, TargetInput } from '../../detect/detect-input';
import type { FsView } from '../../fs-view';
import { checkNxInImage } from './check-nx-in-image';
import { findBuildOutput } from './find-build-output';
import { findOutDir, findOutfile } from './find-outfile';
import { findNxNativeConfig } from './find-nx-native-config';
import { joinPath } from '../../detect/join-path';
import { resolveOutputPath } from './resolve-output-path';
import { toWorkspaceRunCommand } from './to-workspace-run-command';

export interface BuildFacts {
  build: Sourced<{ command: string; outputPath: string; runsNx?: boolean }>;
  /** The `--outfile` target, workspace-relative, when the command names one. */
  outfile?: string;
  /** The entry file the build's own configuration names (Nx executor options, webpack config, nest-cli.json). */
  configEntry?: { path: string; source: string };
}

interface Context {
  fs: FsView;
  project: ProjectInput;
  projectPackageJson?: PackageJson;
  manager: NodePackageManager;
}

/** What the command is and where it runs, before the output is located. */
interface Command {
  command: string;
  source: string;
  /** The text to look for `--outfile` in, and the directory it is relative to. */
  scriptText?: string;
  cwd: string;
  target?: TargetInput;
  /** The command is `nx run <project>:build` (needs nx.json and the project graph in the image). */
  runsNx?: boolean;
}

/** How a manager runs a workspace binary such as `nx` (for executors we cannot unfold). */
const EXEC: Record<NodePackageManager, string> = {
  npm: 'npx',
  pnpm: 'pnpm exec',
  'yarn-classic': 'yarn',
  'yarn-berry': 'yarn',
  bun: 'bunx',
};

/**
 * The project's build, in this order:
 * 1. a `build` target: `nx:run-commands` (or the `command` shorthand) runs its command as is;
 *    `nx:run-script` runs the package script through the package manager; any other executor
 *    runs through `nx run <project>:build`;
 * 2. no target: a `build` script in the project's package.json;
 * 3. neither: no build (the project ships its source).
 */
export function detectBuild(context: Context): BuildFacts | undefined {
  const command = findBuildCommand(context);
  return command && locateOutput(command, context);
}

function findBuildCommand(context: Context): Command | undefined {
  const { project, projectPackageJson } = context;
  const target = project.targets?.build;
  if (target && (target.executor === 'nx:run-commands' || (!target.executor && target.command))) {
    const command = fromRunCommands(target, project);
    const nxConfig = findNxNativeConfig(context.fs, command);
    // Nx's webpack/rspack plugins read the project graph that only `nx run` computes.
    return nxConfig
      ? { ...fromNxRun(context, target, `targets.build (nx:run-commands; ${nxConfig})`), scriptText: undefined }
      : command;
  }
  if (target?.executor === 'nx:run-script') {
    const script = typeof target.options?.script === 'string' ? target.options.script : 'build';
    return fromPackageScript(context, script, 'targets.build (nx:run-script)', target);
  }
  if (target) return fromNxRun(context, target, `targets.build (${target.executor})`);
  if (typeof projectPackageJson?.scripts?.build === 'string') {
    return fromPackageScript(context, 'build', `${joinPath(project.root, 'package.json')}#scripts.build`);
  }
  return undefined;
}

/** The target as Nx runs it, with its options, args and configuration. */
function fromNxRun(context: Context, target: TargetInput, source: string): Command {
  checkNxInImage(context.fs, context.project.name);
  return {
    command: `${EXEC[context.manager]} nx run ${context.project.name}:build`,
    source,
    cwd: '',
    target,
    runsNx: true,
  };
}

/** `args` as Nx's run-commands appends them to the command (a string or a list). */
function toArgs(args: unknown): string {
  if (typeof args === 'string') return args.trim() === '' ? '' : ` ${args}`;
  return Array.isArray(args)
    ? args
        .filter((arg) => typeof arg === 'string')
        .map((arg) => ` ${arg}`)
        .join('')
    : '';
}

function fromRunCommands(target: TargetInput, project: ProjectInput): Command {
  const first: unknown = target.options?.commands?.[0];
  const command =
    target.options?.command ??
    (typeof first === 'string' ? first : (first as { command?: string })?.command) ??
    target.command;
  if (typeof command !== 'string' || command.trim() === '') {
    throw createDetectError({
      project: project.name,
      file: joinPath(project.root, 'project.json'),
      problem: 'targets.build uses nx:run-commands without a command',
      fix: 'set options.command on the build target',
    });
  }
  // run-commands runs in options.cwd (workspace-relative) when given; the Docker step runs at the root.
  const cwd = typeof target.options?.cwd === 'string' ? joinPath(target.options.cwd) : '.';
  const withArgs = `${command}${toArgs(target.options?.args)}`;
  return {
    command: cwd === '.' ? withArgs : `cd ${cwd} && ${withArgs}`,
    source: 'targets.build (nx:run-commands)',
    scriptText: command,
    cwd,
    target,
  };
}

function fromPackageScript(context: Context, script: string, source: string, target?: TargetInput): Command {
  const { project, projectPackageJson, manager } = context;
  const name = projectPackageJson?.name;
  if (manager !== 'npm' && joinPath(project.root) !== '.' && typeof name !== 'string') {
    throw createDetectError({
      project: project.name,
      file: joinPath(project.root, 'package.json'),
      problem: `${manager} runs a workspace script by package name, and this package.json has no "name"`,
      fix: `add a "name" to ${joinPath(project.root, 'package.json')}`,
    });
  }
  return {
    command: toWorkspaceRunCommand(manager, { root: joinPath(project.root), name: name ?? '', script }),
    source,
    // Package scripts run in the package directory, so their paths are project-relative.
    scriptText: projectPackageJson?.scripts?.[script],
    cwd: project.root,
    target,
  };
}

/**
 * Output: the `--outfile` directory → the build configuration's output (`findBuildOutput`) →
 * the target's first `outputs` → the `main` directory → the project root.
 */
function locateOutput(command: Command, { fs, project, projectPackageJson }: Context): BuildFacts {
  const outfileRaw = command.scriptText && findOutfile(command.scriptText);
  const outfile = outfileRaw ? joinPath(command.cwd, outfileRaw) : undefined;
  const config = outfile
    ? undefined
    : findBuildOutput({ fs, projectRoot: joinPath(project.root), target: command.target });
  const fromOutputs = command.target?.outputs
    ?.map((output) => resolveOutputPath(output, { projectRoot: project.root, options: command.target?.options }))
    .find((path) => path !== undefined);
  const outDirRaw = command.scriptText && findOutDir(command.scriptText);
  const outDir = outDirRaw ? joinPath(command.cwd, outDirRaw) : undefined;
  const main = projectPackageJson?.main;
  const [outputPath, outputSource] = outfile
    ? [posix.dirname(outfile), '--outfile']
    : config
      ? [config.outputPath, config.source]
      : fromOutputs
        ? [fromOutputs, 'targets.build.outputs']
        : outDir
          ? [outDir, '--outDir']
          : typeof main === 'string'
            ? [posix.dirname(joinPath(project.root, main)), `${joinPath(project.root, 'package.json')}#main`]
            : [joinPath(project.root), 'the project root (no --outfile, outputs, --outDir or main)'];
  return {
    build: {
      value: { command: command.command, outputPath, ...(command.runsNx && { runsNx: true }) },
      source: `${command.source}; output from ${outputSource}`,
    },
    ...(outfile && { outfile }),
    ...(config && { configEntry: { path: config.entry, source: config.source } }),
  };
}
