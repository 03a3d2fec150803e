import type { ProjectProfile } from '../types';
import type { NodeProjectInput } from '../detect/detect-input';
import { joinPath } from '../detect/join-path';
import type { LanguageModule } from './language-module';
import { LANGUAGES } from './languages';
import { refuseProject } from './refuse-project';

/** Input every detector receives; language-specific options ride along in `options`. */
export type ProjectInput = NodeProjectInput;

/**
 * Detects a project's language (the first module of `LANGUAGES` that claims it) and reads its
 * profile. Throws an Error naming the project root and the manifests looked for when none claims it,
 * and refuses by kind first (a library; a non-Node build with no manifest: see `refuseProject`).
 * `languages` is the registry to consult (tests pass their own; the plugin uses `LANGUAGES`).
 */
export function detectProject(input: ProjectInput, languages: readonly LanguageModule[] = LANGUAGES): ProjectProfile {
  const root = joinPath(input.project.root);
  const language = languages.find((candidate) => candidate.claims(input.fs, root));
  const markers = [...new Set(languages.flatMap((candidate) => candidate.markers))].join(', ');
  const refusal = refuseProject(input.fs, input.project, language?.language, markers.replace(', project.json', ''));
  if (refusal) throw refusal;
  if (!language) {
    throw new Error(
      `nx-dockerize: project "${input.project.name}": ${root || '.'}: no manifest nx-dockerize knows (${markers}). ` +
        'Fix: dockerize a project of a supported language, or write its Dockerfile by hand.',
    );
  }
  return language.detect(input);
}
