import type { BuildPlan, DockerizeOptions, ProjectProfile } from '../types';
import { planNodeRecipe } from './recipes/node';
import { planGoRecipe } from './recipes/go';
import { planRustRecipe } from './recipes/rust';
import { planJavaRecipe } from './recipes/java';
import { planPythonRecipe } from './recipes/python';
import { validatePlan } from './validate-plan';

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
  switch (profile.language) {
    case 'node':
      return planNodeRecipe(profile, options);
    case 'go':
      return planGoRecipe(profile, options);
    case 'rust':
      return planRustRecipe(profile, options);
    case 'python':
      return planPythonRecipe(profile, options);
    case 'java':
      return planJavaRecipe(profile, options);
    default:
      throw new Error(`nx-dockerize: no recipe for language ${(profile as { language: string }).language} (project ${(profile as { project: string }).project}).`);
  }
}
