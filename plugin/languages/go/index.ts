import type { GoProfile } from '../../types';
import { claimsByMarkers, type LanguageModule } from '../language-module';
import { detectGoProject } from './detect-go-project';
import { planGoRecipe } from './plan-go-recipe';
import { listGoLocalDependencies } from './local-dependencies';

const markers = ['go.mod'];

/** Go: everything nx-dockerize knows about Go services lives in this folder. */
export const goLanguage: LanguageModule<GoProfile> = {
  language: 'go',
  markers,
  claims: claimsByMarkers(markers),
  detect: detectGoProject,
  plan: planGoRecipe,
  localDependencies: listGoLocalDependencies,
};
