import type { JavaProfile } from '../../types';
import { claimsByMarkers, type LanguageModule } from '../language-module';
import { detectJavaProject } from './detect-java-project';
import { planJavaRecipe } from './plan-java-recipe';
import { detectActuatorHealth } from './frameworks/spring-boot-config';

const markers = ['pom.xml', 'build.gradle.kts', 'build.gradle'];

/** Java: everything nx-dockerize knows about Java services lives in this folder. */
export const javaLanguage: LanguageModule<JavaProfile> = {
  language: 'java',
  markers,
  claims: claimsByMarkers(markers),
  detect: detectJavaProject,
  frameworkHealth: detectActuatorHealth,
  plan: planJavaRecipe,
};
