import type { LanguageModule } from './language-module';
import { goLanguage } from './go';
import { javaLanguage } from './java';
import { nodeLanguage } from './node';
import { pythonLanguage } from './python';
import { rustLanguage } from './rust';

/**
 * Every language, in precedence order: the first that claims a project wins. Order is important.
 * Compiled and Python manifests come first: such services often carry a package.json for tooling
 * (linters, commit hooks), which must not make them Node services. Go before Rust is arbitrary (a
 * project has one or the other). Java's build files before Python's manifests: a JVM service may
 * carry a requirements.txt for tooling. Node comes last and also takes integrated projects, which
 * have no manifest of their own (only project.json).
 */
export const LANGUAGES: readonly LanguageModule[] = [
  goLanguage,
  rustLanguage,
  javaLanguage,
  pythonLanguage,
  nodeLanguage,
] as LanguageModule[];

/** The module for a profile's language; throws (naming the project) for a language no module handles. */
export function languageModule(language: string, project: string): LanguageModule {
  const module = LANGUAGES.find((candidate) => candidate.language === language);
  if (!module) throw new Error(`nx-dockerize: no recipe for language ${language} (project ${project}).`);
  return module;
}
