import type { NodeProfile } from '../../types';
import { claimsByMarkers, type LanguageModule } from '../language-module';
import { detectNodeProject } from './detect-node-project';
import { planNodeRecipe } from './plan-node-recipe';

const markers = ['package.json', 'project.json'];

/** Node: everything nx-dockerize knows about Node services lives in this folder. */
export const nodeLanguage: LanguageModule<NodeProfile> = {
  language: 'node',
  markers,
  claims: claimsByMarkers(markers),
  detect: detectNodeProject,
  plan: planNodeRecipe,
};
