/** Whether a command installs dependencies from a lockfile, and whether it refuses to change it. */
export interface InstallClass {
  install: boolean;
  frozen: boolean;
  /**
   * For tools that install in two steps (`uv sync --no-install-project`, `poetry install --no-root`):
   * the index of the rule and whether this run installs the dependencies only. A later run of the
   * same rule, after such a deps-only run, adds just the project itself to what is installed.
   */
  rule?: number;
  depsOnly?: boolean;
}

/** Each rule: how to spot an install, and the flags (or env) that freeze it. */
const INSTALL_RULES: { pattern: RegExp; frozen: RegExp; depsOnly?: RegExp }[] = [
  { pattern: /\bnpm (ci|install|i|clean-install)\b/, frozen: /\bnpm (ci|clean-install)\b/ },
  { pattern: /\bpnpm (install|i)\b/, frozen: /--frozen-lockfile\b/ },
  { pattern: /\byarn workspaces focus\b/, frozen: /--immutable\b|\bYARN_ENABLE_IMMUTABLE_INSTALLS=true\b/ },
  { pattern: /\byarn install\b/, frozen: /--frozen-lockfile\b|--immutable\b/ },
  { pattern: /\bbun (install|i)\b/, frozen: /--frozen-lockfile\b/ },
  { pattern: /\buv sync\b/, frozen: /--locked\b|--frozen\b/, depsOnly: /--no-install-(project|workspace)\b/ },
  // pip: only a requirements file is a dependency install; hashes, or --no-deps over a fully pinned file, freeze it.
  { pattern: /\bpip install\b(?=.*\s(-r|--requirement)\s)/, frozen: /--require-hashes\b|--no-deps\b|\bPIP_REQUIRE_HASHES=1\b/ },
  // `poetry install` never rewrites poetry.lock: it refuses a lock that no longer matches pyproject.toml.
  { pattern: /\bpoetry (install|sync)\b/, frozen: /\bpoetry (install|sync)\b/, depsOnly: /--no-root\b/ },
  // Maven and Gradle resolve what the build files pin (no lockfile to freeze): the pre-fetch is the install.
  // Maven's pre-fetch is an online run (no -o) of dependency:go-offline/resolve or of the build itself on the poms alone;
  // the offline build (-o) downloads nothing.
  { pattern: /\b(mvn|mvnw) (?!.*\s-o\s).*(\bdependency:(go-offline|resolve|resolve-plugins)\b|\spackage\b)/, frozen: /\b(mvn|mvnw) / },
  { pattern: /\b(gradle|gradlew) .*\bdependencies\b/, frozen: /\bdependencies\b/ },
  // cargo fetch is the download; `cargo build` compiles (dependencies or the crate), which is not an install.
  { pattern: /\bcargo fetch\b/, frozen: /--locked\b|--frozen\b/ },
  // go mod download checks every module against go.sum; -mod=readonly forbids rewriting go.mod.
  { pattern: /\bgo mod download\b/, frozen: /-mod=readonly\b/ },
];

/** Installing a CLI tool globally (e.g. corepack) reads no project lockfile. */
const GLOBAL_TOOL = /\s(-g|--global)\b/;

/**
 * Lockfile pruning with the tool itself (pnpm `--lockfile-only --offline`, yarn
 * `--mode=update-lockfile` with the network off) installs nothing; the frozen install that reads
 * its output proves it.
 */
const LOCKFILE_ONLY = /--lockfile-only\b|--mode=update-lockfile\b/;

/**
 * `command` is the joined argv; `env` the `KEY=value` pairs in force, so an env-var freeze
 * (yarn's YARN_ENABLE_IMMUTABLE_INSTALLS) counts too.
 */
export function classifyInstall(command: string, env: string[] = []): InstallClass {
  if (GLOBAL_TOOL.test(command) || LOCKFILE_ONLY.test(command)) return { install: false, frozen: true };
  const index = INSTALL_RULES.findIndex((candidate) => candidate.pattern.test(command));
  if (index < 0) return { install: false, frozen: true };
  const rule = INSTALL_RULES[index];
  return { install: true, frozen: rule.frozen.test([command, ...env].join(' ')), rule: index, depsOnly: rule.depsOnly?.test(command) ?? false };
}
