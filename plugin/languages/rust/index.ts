import type { RustProfile } from '../../types';
import { claimsByMarkers, type LanguageModule } from '../language-module';
import { detectRustProject } from './detect-rust-project';
import { planRustRecipe } from './plan-rust-recipe';
import { listRustLocalDependencies } from './local-dependencies';

const markers = ['Cargo.toml'];

/** Rust: everything nx-dockerize knows about Rust services lives in this folder. */
export const rustLanguage: LanguageModule<RustProfile> = {
  language: 'rust',
  markers,
  claims: claimsByMarkers(markers),
  detect: detectRustProject,
  plan: planRustRecipe,
  localDependencies: listRustLocalDependencies,
};
