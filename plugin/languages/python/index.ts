import type { PythonProfile } from '../../types';
import { claimsByMarkers, type LanguageModule } from '../language-module';
import { detectPythonProject } from './detect-python-project';
import { planPythonRecipe } from './plan-python-recipe';
import { listPythonLocalDependencies } from './local-dependencies';

const markers = ['pyproject.toml', 'uv.lock', 'poetry.lock', 'requirements.txt'];

/** Python: everything nx-dockerize knows about Python services lives in this folder. */
export const pythonLanguage: LanguageModule<PythonProfile> = {
  language: 'python',
  markers,
  claims: claimsByMarkers(markers),
  detect: detectPythonProject,
  plan: planPythonRecipe,
  localDependencies: listPythonLocalDependencies,
};
