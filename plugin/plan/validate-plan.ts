import type { BuildPlan, RunRole, Stage, Step } from '../types';

const SECRET_NAME = /TOKEN|PASSWORD|PASSWD|SECRET|API_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH/i;
const APT_CACHE = /^\/var\/(cache|lib)\/apt\b/;
/** Caches whose place the tool fixes relative to the project, with no env var to move them: Next.js's `<distDir>/cache`. */
const PROJECT_FIXED_CACHES = [/\/\.next\/cache$/];
/** Cache directories that live under a pinned tool home: `$CARGO_HOME/registry` and `$CARGO_HOME/git`. */
const PINNED_SUBDIRS: Record<string, string[]> = { CARGO_HOME: ['registry', 'git'] };
/** Target-platform args: declared after the dependency download so that layer is shared by every platform. */
const TARGET_ARG = /^TARGET(OS|ARCH|PLATFORM|VARIANT)$/;

type Violation = string;

/** A copy from the build context that the recipe says holds only install inputs (CopyRole `manifest`). */
function isManifestCopy(step: Step): boolean {
  return step.kind === 'copy' && !step.from && step.role === 'manifest';
}

/** Any other copy from the build context: once it is in, an install would re-run on its every change. */
function isSourceCopy(step: Step): boolean {
  return step.kind === 'copy' && !step.from && step.role !== 'manifest';
}

const COPY_ROLES = new Set(['manifest', 'source', 'artifact', 'dependencies', 'tool']);
const RUN_ROLES = new Set<RunRole>(['install', 'fetch', 'project-install', 'prune', 'build', 'system', 'setup']);
/** Runs that bring dependencies in: before every source copy, locked, and before any target-platform ARG. */
const DEPENDENCY_RUNS = new Set<RunRole>(['install', 'fetch']);

function isDependencyRun(step: Step): boolean {
  return step.kind === 'run' && DEPENDENCY_RUNS.has(step.role);
}

/** Every COPY and RUN says what it does (the other invariants read it). */
function checkStepRoles(stage: Stage): Violation[] {
  return stage.steps.flatMap((step) => {
    if (step.kind === 'copy' && !COPY_ROLES.has(step.role))
      return [
        `stage ${stage.name}: COPY ${step.sources.join(' ')} has no role (manifest, source, artifact, dependencies or tool)`,
      ];
    if (step.kind === 'run' && !RUN_ROLES.has(step.role))
      return [`stage ${stage.name}: RUN ${step.command.join(' ')} has no role (${[...RUN_ROLES].join(', ')})`];
    return [];
  });
}

/** The stage and its ancestors through `FROM <stage>`, root first. */
function listChain(plan: BuildPlan, stage: Stage): Stage[] {
  const byName = new Map(plan.stages.map((candidate) => [candidate.name, candidate]));
  const chain: Stage[] = [stage];
  for (let from = stage.from; 'stage' in from;) {
    const parent = byName.get(from.stage);
    if (!parent || chain.includes(parent)) break;
    chain.unshift(parent);
    from = parent.from;
  }
  return chain;
}

function listEnv(chain: Stage[]): string[] {
  return chain.flatMap((stage) =>
    stage.steps.flatMap((step) =>
      step.kind === 'env' ? Object.entries(step.vars).map(([key, value]) => `${key}=${value}`) : [],
    ),
  );
}

function checkStageRefs(plan: BuildPlan): Violation[] {
  const seen = new Set<string>();
  const violations: Violation[] = [];
  for (const stage of plan.stages) {
    if (seen.has(stage.name)) violations.push(`stage ${stage.name}: the name is used twice`);
    if ('stage' in stage.from && !seen.has(stage.from.stage))
      violations.push(`stage ${stage.name}: FROM ${stage.from.stage} is not an earlier stage`);
    for (const step of stage.steps) {
      if (step.kind === 'copy' && step.from && !seen.has(step.from))
        violations.push(`stage ${stage.name}: COPY --from=${step.from} is not an earlier stage`);
      if (step.kind === 'run')
        for (const mount of step.mounts)
          if (mount.type === 'bind' && mount.from && !seen.has(mount.from))
            violations.push(`stage ${stage.name}: bind mount from=${mount.from} is not an earlier stage`);
    }
    seen.add(stage.name);
  }
  return violations;
}

/**
 * Invariant 1 and 3: manifest copies, installs and fetches before any source copy in the chain; a
 * project-install may follow the sources once an install put the dependencies in; all of them locked.
 */
function checkInstallOrder(plan: BuildPlan, stage: Stage): Violation[] {
  const chain = listChain(plan, stage);
  const ancestors = chain.slice(0, -1).flatMap((ancestor) => ancestor.steps);
  let sourceSeen = ancestors.some(isSourceCopy);
  let installed = ancestors.some((step) => step.kind === 'run' && step.role === 'install');
  const violations: Violation[] = [];
  for (const step of stage.steps) {
    if (step.kind === 'run' && (DEPENDENCY_RUNS.has(step.role) || step.role === 'project-install') && !step.locked)
      violations.push(`stage ${stage.name}: ${step.role} is not locked: ${step.command.join(' ')}`);
    if (step.kind === 'run' && step.role === 'project-install' && !installed)
      violations.push(
        `stage ${stage.name}: project-install with no install of the dependencies before it: ${step.command.join(' ')}`,
      );
    if ((isDependencyRun(step) || isManifestCopy(step)) && sourceSeen)
      violations.push(
        `stage ${stage.name}: ${step.kind === 'run' ? 'install' : 'manifest copy'} after a source copy re-runs on every source change`,
      );
    if (step.kind === 'run' && step.role === 'install') installed = true;
    if (isSourceCopy(step)) sourceSeen = true;
  }
  return violations;
}

/** Invariant 4: every cache mount targets a directory pinned by an env var in its chain. */
function checkCachePins(plan: BuildPlan, stage: Stage): Violation[] {
  const env = listEnv(listChain(plan, stage));
  const values = new Set(env.map((pair) => pair.slice(pair.indexOf('=') + 1)));
  // JVM tools pin directories by system property: MAVEN_OPTS=-Dmaven.repo.local=/root/.m2/repository.
  for (const pair of env)
    for (const property of pair.matchAll(/(?:^|[=\s])-D[\w.-]+=(\/\S+)/g)) values.add(property[1]);
  for (const pair of env)
    for (const sub of PINNED_SUBDIRS[pair.slice(0, pair.indexOf('='))] ?? [])
      values.add(`${pair.slice(pair.indexOf('=') + 1)}/${sub}`);
  return stage.steps.flatMap((step) =>
    step.kind !== 'run'
      ? []
      : step.mounts.flatMap((mount): Violation[] => {
          if (mount.type !== 'cache') return [];
          if (APT_CACHE.test(mount.target))
            return mount.sharing === 'locked'
              ? []
              : [`stage ${stage.name}: apt cache mount ${mount.target} needs sharing=locked`];
          if (PROJECT_FIXED_CACHES.some((pattern) => pattern.test(mount.target))) return [];
          return values.has(mount.target)
            ? []
            : [`stage ${stage.name}: cache mount ${mount.target} is not pinned by an env var`];
        }),
  );
}

/** Invariant 3 for compile steps: a build that resolves dependencies itself must be locked. */
function checkLockedBuilds(stage: Stage): Violation[] {
  return stage.steps.flatMap((step) =>
    step.kind === 'run' && step.resolves && !step.locked
      ? [`stage ${stage.name}: build is not locked: ${step.command.join(' ')}`]
      : [],
  );
}

/** Invariant 8: no TARGETOS/TARGETARCH/TARGETPLATFORM in force before a dependency download in the chain. */
function checkTargetArgs(plan: BuildPlan, stage: Stage): Violation[] {
  let targetArg = false;
  const violations: Violation[] = [];
  const chain = listChain(plan, stage);
  for (const [index, current] of chain.entries()) {
    for (const step of current.steps) {
      if (step.kind === 'arg' && Object.keys(step.vars).some((key) => TARGET_ARG.test(key))) targetArg = true;
      if (isDependencyRun(step) && targetArg && index === chain.length - 1)
        violations.push(
          `stage ${stage.name}: a target-platform ARG is declared before the dependency download, so each platform downloads again`,
        );
    }
  }
  return violations;
}

/** Invariants 5 and 6 on the last stage. */
function checkRuntime(plan: BuildPlan): Violation[] {
  const runtime = plan.stages[plan.stages.length - 1];
  if (!runtime || runtime.role !== 'runtime') return ['the last stage must have role runtime'];
  const users = runtime.steps.filter((step) => step.kind === 'user');
  const lastUser = users[users.length - 1];
  const starts = runtime.steps.filter(
    (step) => (step.kind === 'cmd' || step.kind === 'entrypoint') && step.argv.length > 0,
  );
  const devDeps = runtime.steps.filter(
    (step) =>
      step.kind === 'copy' &&
      plan.stages.some((s) => s.name === step.from && ((s.role === 'deps' && !s.productionOnly) || s.role === 'base')),
  );
  return [
    ...(!lastUser || lastUser.uid === 0 || lastUser.gid === 0
      ? ['runtime: USER must be a numeric non-root uid (and gid)']
      : []),
    ...(starts.length === 0 ? ['runtime: needs an exec-form CMD or ENTRYPOINT'] : []),
    ...(devDeps.length > 0 ? ['runtime: copies from a deps stage (dev dependencies would ship)'] : []),
  ];
}

/** Invariant 7: secrets only through secret mounts. */
function checkSecretNames(stage: Stage): Violation[] {
  return stage.steps.flatMap((step) =>
    step.kind === 'env' || step.kind === 'arg'
      ? Object.keys(step.vars)
          .filter((key) => SECRET_NAME.test(key))
          .map(
            (key) =>
              `stage ${stage.name}: ${step.kind.toUpperCase()} ${key} looks like a secret; use --mount=type=secret`,
          )
      : [],
  );
}

/** `path` is `dir` or inside it, or `dir` is inside `path`: a mount at either hides the other. */
function overlaps(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`) || dir.startsWith(`${path}/`);
}

/**
 * The directories a step fills in its own layer: a RUN's `layers`, and the destination of a COPY
 * --from of such a directory (the module tree a slim stage copies from the download's stage).
 */
function listFilled(plan: BuildPlan, step: Step, seen: Set<Stage>): string[] {
  if (step.kind === 'run') return step.layers ?? [];
  if (step.kind !== 'copy' || !step.from) return [];
  const source = plan.stages.find((candidate) => candidate.name === step.from);
  if (!source || seen.has(source)) return [];
  const filled = listChain(plan, source).flatMap((current) =>
    current.steps.flatMap((inner) => listFilled(plan, inner, new Set([...seen, source]))),
  );
  return step.sources.some((path) => filled.some((dir) => path === dir || path.startsWith(`${dir}/`)))
    ? [step.dest.replace(/\/$/, '')]
    : [];
}

/**
 * Invariant 9 (README): a directory a dependency RUN filled in its layer (`layers`), or a COPY --from
 * carried over, is never hidden by a later cache mount in the chain: the build would see the mount's
 * contents (empty on a fresh runner), not the layer the registry cache carried.
 */
function checkHiddenLayers(plan: BuildPlan, stage: Stage): Violation[] {
  const filled: string[] = [];
  const violations: Violation[] = [];
  for (const current of listChain(plan, stage))
    for (const step of current.steps) {
      if (step.kind === 'run' && current === stage)
        for (const mount of step.mounts)
          for (const dir of filled)
            if (mount.type === 'cache' && overlaps(mount.target, dir))
              violations.push(
                `stage ${stage.name}: cache mount ${mount.target} hides ${dir}, which an earlier step filled in its layer`,
              );
      filled.push(...listFilled(plan, step, new Set()));
    }
  return violations;
}

/** Every invariant we can check on the plan itself; empty when the plan is fine. */
export function validatePlan(plan: BuildPlan): string[] {
  return [
    ...checkStageRefs(plan),
    ...plan.stages.flatMap((stage) => [
      ...checkStepRoles(stage),
      ...checkInstallOrder(plan, stage),
      ...checkCachePins(plan, stage),
      ...checkSecretNames(stage),
      ...checkHiddenLayers(plan, stage),
    ]),
    ...plan.stages.flatMap((stage) => [...checkLockedBuilds(stage), ...checkTargetArgs(plan, stage)]),
    ...checkRuntime(plan),
  ];
}
