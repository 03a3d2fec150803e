import type { BuildPlan, Stage, Step } from '../../types';

/** Shared by the recipe specs beside this folder: small queries over a BuildPlan. */

export type RunStep = Extract<Step, { kind: 'run' }>;

/** The stage called `name`; throws if the plan has none. */
export function findStage(plan: BuildPlan, name: string): Stage {
  const stage = plan.stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage ${name}`);
  return stage;
}

/** The stage's RUN steps, in order. */
export const runSteps = (stage: Stage): RunStep[] => stage.steps.filter((step): step is RunStep => step.kind === 'run');

/** The stage's RUN commands, each joined with spaces. */
export const runCommands = (stage: Stage): string[] => runSteps(stage).map((step) => step.command.join(' '));

/** Where the first step that matches is in the stage (-1 if none). */
export const indexOf = (stage: Stage, match: (step: Step) => boolean) => stage.steps.findIndex(match);

/** An ARG step declaring a TARGET* variable (TARGETOS, TARGETARCH, TARGETPLATFORM...). */
export const isTargetArg = (step: Step) =>
  step.kind === 'arg' && Object.keys(step.vars).some((key) => key.startsWith('TARGET'));
