import type { Stage, Step } from '../../types';
import type { NodeContext } from './node-context';
import { planFrameworkBuildMounts, planFrameworkBuildSteps, planFrameworkIgnore } from './node-framework-steps';

/** Root-level files share one COPY; nested ones keep their directory. */
function planRootFileCopies(rootFiles: string[]): Step[] {
  const topLevel = rootFiles.filter((file) => !file.includes('/'));
  const nested = rootFiles.filter((file) => file.includes('/'));
  return [
    ...(topLevel.length > 0 ? [{ kind: 'copy', role: 'source', sources: topLevel, dest: './' } as Step] : []),
    ...nested.map((file): Step => ({
      kind: 'copy',
      role: 'source',
      sources: [file],
      dest: `${file.slice(0, file.lastIndexOf('/'))}/`,
    })),
  ];
}

function planDirCopy(root: string): Step {
  return { kind: 'copy', role: 'source', sources: [`${root}/`], dest: `${root}/` };
}

/**
 * Sources enter after every install. Libraries before the project: they change less often,
 * so an edit to the project reuses the library layers. Libraries with a build script are built
 * first (Nx's `^build`), so their output (the `main` their links point at) exists at run time.
 */
export function planNodeBuildStage(ctx: NodeContext): Stage | undefined {
  const build = ctx.profile.build;
  if (!ctx.hasBuildStage) return undefined;
  // A build that runs through Nx runs the libraries' ^build itself.
  const libraryBuilds = (build?.value.runsNx ? [] : (ctx.profile.libraryBuilds ?? [])).map((lib): Step => ({
    kind: 'run',
    role: 'build',
    command: ['/bin/sh', '-c', lib.command],
    mounts: [],
  }));
  const closure = ctx.profile.closure.filter((root) => root !== ctx.profile.projectRoot);
  return {
    name: 'build',
    role: 'build',
    from: { stage: 'deps' },
    steps: [
      ...planRootFileCopies([...planFrameworkIgnore(ctx).allow, ...ctx.profile.rootFiles]),
      ...closure.map(planDirCopy),
      ...libraryBuilds,
      planDirCopy(ctx.profile.projectRoot),
      ...planFrameworkBuildSteps(ctx),
      ...(build
        ? [
            {
              kind: 'run',
              role: 'build',
              command: ['/bin/sh', '-c', build.value.command],
              mounts: planFrameworkBuildMounts(ctx),
            } as Step,
          ]
        : []),
    ],
  };
}
