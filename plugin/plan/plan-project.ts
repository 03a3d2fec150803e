import type { BuildPlan, ProjectProfile } from '../types';
import { validatePlan } from './validate-plan';
import { languageModule } from '../languages/languages';

/**
 * Dispatches a profile to its language's recipe and refuses a plan that breaks an invariant. The
 * profile carries every option-derived value (detection resolved them once): recipes see no options.
 */
export function planProject(profile: ProjectProfile): BuildPlan {
  const plan = planRecipe(profile);
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

function planRecipe(profile: ProjectProfile): BuildPlan {
  return languageModule(profile.language, profile.project).plan(profile);
}
