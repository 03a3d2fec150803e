import { formatImageRef } from '../plan/image-ref';
import type { BuildPlan, ImageRef, Mount, Stage, Step } from '../types';

/** Reads a plugin-shipped script (e.g. the npm pruner) by name, for heredocs. */
export type ReadScript = (name: string) => string;

const BARE_VALUE = /^[A-Za-z0-9_@%+=:,./$-]+$/;
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Double-quotes an ENV/ARG value only when it needs it, so `$PATH` still expands. */
function quoteValue(value: string): string {
  return BARE_VALUE.test(value) ? value : JSON.stringify(value);
}

/** Exec-form JSON array, `["node", "main.js"]`. */
function toExecForm(argv: string[]): string {
  return `[${argv.map((arg) => JSON.stringify(arg)).join(', ')}]`;
}

function toShellWord(arg: string): string {
  return SHELL_SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function toImageName(from: ImageRef | { stage: string }): string {
  return 'stage' in from ? from.stage : formatImageRef(from);
}

function toMountFlag(mount: Mount): string {
  const fields: [string, string | undefined][] =
    mount.type === 'cache'
      ? [
          ['target', mount.target],
          ['id', mount.id],
          ['sharing', mount.sharing],
        ]
      : mount.type === 'bind'
        ? [
            ['source', mount.source],
            ['target', mount.target],
            ['from', mount.from],
          ]
        : mount.type === 'secret'
          ? [
              ['id', mount.id],
              ['target', mount.target],
              ['env', mount.env],
              ['required', mount.required ? 'true' : undefined],
            ]
          : [['id', mount.id]];
  const options = fields.filter(([, value]) => value !== undefined).map(([key, value]) => `${key}=${value}`);
  return `--mount=${['type=' + mount.type, ...options].join(',')}`;
}

/**
 * RUN text: `/bin/sh -c <line>` is shell form by definition; argv whose words need no quoting
 * reads best as shell form too (same meaning); anything else is exec-form JSON.
 */
function toRunCommand(command: string[], heredoc: boolean): string {
  if (command.length === 3 && command[0] === '/bin/sh' && command[1] === '-c' && !command[2].includes('\n'))
    return command[2];
  if (heredoc) return command.map(toShellWord).join(' ');
  return command.every((arg) => SHELL_SAFE.test(arg)) ? command.join(' ') : toExecForm(command);
}

function toHeredoc(script: string, readScript: ReadScript) {
  const delimiter = script.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const source = readScript(script);
  const body = source.endsWith('\n') ? source : `${source}\n`;
  // Dockerfile comment stripping and escapes must never reach the script: keep the body inert.
  if (body.includes('\\') || body.split('\n').some((line) => line === delimiter || line.startsWith('#'))) {
    throw new Error(
      `Script ${script} cannot be embedded as a heredoc: it has a backslash, a line "${delimiter}" or a line starting with "#". Edit the script.`,
    );
  }
  return { delimiter, body };
}

function toPairs(vars: Record<string, string>, quote: (value: string) => string) {
  return Object.entries(vars).map(([key, value]) => ({ key, value: quote(value) }));
}

function toStepView(step: Step, readScript: ReadScript): Record<string, unknown> {
  const partial = `instr/${step.kind}`;
  switch (step.kind) {
    case 'env':
      return { partial, pairs: toPairs(step.vars, quoteValue) };
    case 'arg':
      // An empty value declares the ARG without a default (`ARG TARGETARCH`), as BuildKit's automatic platform args need.
      return { partial, pairs: toPairs(step.vars, (value) => (value === '' ? '' : quoteValue(value))) };
    case 'copy': {
      const flags = [
        step.from && `--from=${step.from}`,
        step.chown && `--chown=${step.chown}`,
        step.chmod && `--chmod=${step.chmod}`,
        step.parents && '--parents',
        step.link && '--link',
        ...(step.exclude ?? []).map((pattern) => `--exclude=${pattern}`),
      ];
      // A path with white space or a quote cannot be written in the plain form: the JSON form
      // (`COPY ["apps/my api/", "apps/my api/"]`) quotes every path. Written through `dest` so
      // the copy partial (and its overrides) stay as they are.
      if ([...step.sources, step.dest].some((path) => /[\s"'\\]/.test(path))) {
        return {
          partial,
          flags: flags.filter(Boolean),
          sources: [],
          dest: `[${[...step.sources, step.dest].map((path) => JSON.stringify(path)).join(', ')}]`,
        };
      }
      return { partial, flags: flags.filter(Boolean), sources: step.sources, dest: step.dest };
    }
    case 'run':
      return {
        partial,
        commentLines: step.comment ? step.comment.split('\n') : [],
        mounts: step.mounts.map(toMountFlag),
        command: toRunCommand(step.command, step.heredoc !== undefined),
        heredoc: step.heredoc ? toHeredoc(step.heredoc.script, readScript) : null,
      };
    case 'user':
      return { partial, user: step.gid === undefined ? `${step.uid}` : `${step.uid}:${step.gid}` };
    case 'healthcheck':
      return { partial, argv: toExecForm(step.command) };
    case 'label':
      return { partial, pairs: toPairs(step.labels, (value) => JSON.stringify(value)) };
    case 'cmd':
    case 'entrypoint':
      return { partial, argv: toExecForm(step.argv) };
    default:
      return { partial, ...step };
  }
}

function toStageView(stage: Stage, readScript: ReadScript) {
  return {
    partial: `stage/${stage.role}`,
    name: stage.name,
    role: stage.role,
    purpose: stage.purpose ?? null,
    from: toImageName(stage.from),
    platformFlag: stage.platform ? `--platform=${stage.platform} ` : '',
    steps: stage.steps.map((step) => toStepView(step, readScript)),
  };
}

/** The plan as plain strings the templates only arrange: quoting and flags are decided here. */
export function toDockerfileView(plan: BuildPlan, readScript: ReadScript) {
  return {
    project: plan.project,
    projectRoot: plan.projectRoot,
    headerLines: [
      `Generated by nx-dockerize for project ${plan.project} (${plan.projectRoot}).`,
      `Regenerate with: nx g nx-dockerize:dockerize ${plan.project} --force`,
      '',
      ...plan.notes,
    ],
    stages: plan.stages.map((stage) => toStageView(stage, readScript)),
  };
}
