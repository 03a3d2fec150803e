import type { BuildPlan, DockerizeOptions, ProjectProfile } from '../types';
import { validatePlan } from './validate-plan';
import { languageModule } from '../languages/languages';

/** Dispatches a profile to its language's recipe and refuses a plan that breaks an invariant. */
export function planProject(profile: ProjectProfile, options: DockerizeOptions): BuildPlan {
  const plan = planRecipe(profile, options);
  const violations = validatePlan(plan);
  if (violations.length > 0) {
    throw new Error(
      `nx-dockerize: the plan for project ${profile.project} (${profile.projectRoot}) breaks its invariants:\n` +
        violations.map((violation) => `  - ${violation}`).join('\n') +
        '\nThis is a bug in the recipe or a template override; please report it with the project profile.',
    );
  }
  return plan;
}

function planRecipe(profile: ProjectProfile, options: DockerizeOptions): BuildPlan {
  return languageModule(profile.language, profile.project).plan(profile, options);
}
