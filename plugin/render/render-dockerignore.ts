import type { BuildPlan } from '../types';

/** `Dockerfile.dockerignore`: the plan's allow-list, one pattern a line. */
export function renderDockerignore(plan: BuildPlan): string {
  return `${plan.ignore.join('\n')}\n`;
}
