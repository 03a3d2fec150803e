import type { Language, ProjectProfile } from '../types';
import type { DetectOptions, NodeProjectInput } from '../detect/detect-input';
import { detectBuildContext } from '../detect/detect-build-context';
import { detectHealth } from '../detect/detect-health';
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
  const profile = language.detect({ ...input, options: withEntry(language.language as Language, input.options) });
  // A language module's profile need not list a closure (LanguageProfile): none means none.
  const closure = (profile as { closure?: string[] }).closure ?? [];
  const buildContext = detectBuildContext({
    fs: input.fs,
    graph: input.graph,
    project: input.project.name,
    projectRoot: profile.projectRoot,
    closure,
  });
  const health = detectHealth({
    fs: input.fs,
    language: profile.language,
    project: input.project.name,
    roots: [profile.projectRoot, ...closure],
    exclude: buildContext.nestedProjects,
    option: input.options?.healthcheck,
    frameworkDefault: language.frameworkHealth?.(input.fs, profile),
  });
  return { ...profile, buildContext, health };
}

/**
 * The one `entry` option, handed to each language under the name its detector reads: Go's main
 * package (`main`), Rust's binary (`bin`), Python's command and Java's main class (`entrypoint`).
 * Node reads `entry` itself. `entry` wins over the older per-language alias when both are given.
 */
export function withEntry(language: Language, options: DetectOptions = {}): DetectOptions {
  const { entry } = options;
  if (entry === undefined || entry.trim() === '') return options;
  switch (language) {
    case 'go':
      return { ...options, main: entry };
    case 'rust':
      return { ...options, bin: entry };
    case 'python':
    case 'java':
      return { ...options, entrypoint: entry };
    default:
      return options;
  }
}
