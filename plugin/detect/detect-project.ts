import type { Language, ProjectProfile } from '../types';
import type { NodeProjectInput } from './detect-input';
import { detectNodeProject } from './detect-node-project';
import { detectGoProject } from './detect-go-project';
import { detectRustProject } from './detect-rust-project';
import { detectJavaProject } from './detect-java-project';
import { detectPythonProject } from './detect-python-project';
import { joinPath } from './join-path';

/** Input every detector receives; language-specific options ride along in `options`. */
export type ProjectInput = NodeProjectInput;

interface Detector {
  language: Language;
  /** Files at the project root that claim the project for this language. */
  markers: string[];
  detect: (input: ProjectInput) => ProjectProfile;
}

/**
 * Detectors in precedence order; the first whose marker sits at the project root wins.
 * Compiled and Python manifests come first: such services often carry a package.json for
 * tooling (linters, commit hooks), which must not make them Node services. Node comes last
 * and also takes integrated projects, which have no manifest of their own.
 */
const DETECTORS: Detector[] = [
  // Go before Rust is arbitrary (a project has one or the other); both before Python/Java/Node.
  { language: 'go', markers: ['go.mod'], detect: detectGoProject },
  { language: 'rust', markers: ['Cargo.toml'], detect: detectRustProject },
  // Java's build files, then Python's manifests: a JVM service may carry a requirements.txt for tooling.
  { language: 'java', markers: ['pom.xml', 'build.gradle.kts', 'build.gradle'], detect: detectJavaProject },
  { language: 'python', markers: ['pyproject.toml', 'uv.lock', 'poetry.lock', 'requirements.txt'], detect: detectPythonProject },
  { language: 'node', markers: ['package.json', 'project.json'], detect: detectNodeProject },
];

export function detectProject(input: ProjectInput): ProjectProfile {
  const root = joinPath(input.project.root);
  const detector = DETECTORS.find((d) => d.markers.some((marker) => input.fs.exists(joinPath(root, marker))));
  if (!detector) {
    const markers = [...new Set(DETECTORS.flatMap((d) => d.markers))].join(', ');
    throw new Error(
      `nx-dockerize: project "${input.project.name}": ${root}: no manifest nx-dockerize knows (${markers}). ` +
        'Fix: dockerize a project of a supported language, or write its Dockerfile by hand.',
    );
  }
  return detector.detect(input);
}
