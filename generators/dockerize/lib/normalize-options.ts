import semver from 'semver';
import type { DockerizeOptions } from '../../../plugin/types';
import type { DockerizeGeneratorSchema } from '../schema';

export interface NormalizedOptions {
  options: DockerizeOptions;
  /** The options given explicitly (recorded in the Dockerfile for `nx sync`), normalised. */
  given: Record<string, unknown>;
}

const ENUMS: Record<string, readonly string[]> = {
  runtime: ['slim', 'distroless', 'alpine'],
  buildMode: ['docker', 'copy-output'],
  buildTool: ['maven', 'gradle'],
};

type Refuse = (option: string, value: unknown, rule: string) => Error;

const STRING_OPTIONS = [
  'entry',
  'healthcheck',
  'goVersion',
  'pythonVersion',
  'javaVersion',
  'main',
  'bin',
  'entrypoint',
  'templateDir',
];
const BOOLEAN_OPTIONS = ['cgo', 'nativeOnAlpine'];
/** Options copied into DockerizeOptions as given (after validation), when given. */
const PASSED_THROUGH = [...STRING_OPTIONS.filter((o) => o !== 'templateDir'), ...BOOLEAN_OPTIONS, 'buildTool'];

/**
 * Validates the generator options where they enter (the schema checks the CLI, but a composing
 * generator calls us directly) and normalises them once: `nodeVersion: 22` (a number, as YAML and
 * `--nodeVersion 22` give it) becomes "22"; a range (`>=20`) must parse as npm's range grammar.
 * Throws an Error naming the option, the value and the fix.
 */
export function normalizeOptions(schema: DockerizeGeneratorSchema): NormalizedOptions {
  const refuse: Refuse = (option, value, rule) =>
    new Error(
      `Invalid option --${option} ${JSON.stringify(value)} for project ${schema.project}: ${rule}. Fix the value, or leave the option out to use the detected default.`,
    );
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- project and force are not options of the Dockerfile
  const { project, force, ...rest } = schema;
  const given: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  checkScalars(given, refuse);
  if (given.port !== undefined) given.port = normalizePort(given.port, refuse);
  if (given.nodeVersion !== undefined) given.nodeVersion = normalizeNodeVersion(given.nodeVersion, refuse);
  const options: DockerizeOptions = {
    runtime: (given.runtime as DockerizeOptions['runtime']) ?? 'slim',
    buildMode: (given.buildMode as DockerizeOptions['buildMode']) ?? 'docker',
    port: given.port as number | undefined,
    nodeVersion: given.nodeVersion as string | undefined,
  };
  for (const option of PASSED_THROUGH) {
    if (given[option] !== undefined) (options as unknown as Record<string, unknown>)[option] = given[option];
  }
  return { given, options };
}

/** Control characters, enum values, non-empty strings (versions may come as numbers), booleans. */
function checkScalars(given: Record<string, unknown>, refuse: Refuse): void {
  for (const [option, value] of Object.entries(given)) {
    if (typeof value === 'string' && hasControlCharacter(value))
      throw refuse(option, value, 'it contains a line break or control character');
    if (ENUMS[option] && !ENUMS[option].includes(value as string))
      throw refuse(option, value, `it is one of ${ENUMS[option].join(', ')}`);
  }
  for (const option of STRING_OPTIONS) {
    // Versions may come as numbers from YAML or the CLI (`--javaVersion 21`).
    if (/Version$/.test(option) && typeof given[option] === 'number') given[option] = String(given[option]);
    if (given[option] !== undefined && (typeof given[option] !== 'string' || (given[option] as string).trim() === ''))
      throw refuse(option, given[option], 'it must be a non-empty string');
  }
  for (const option of BOOLEAN_OPTIONS) {
    if (given[option] !== undefined && typeof given[option] !== 'boolean')
      throw refuse(option, given[option], 'it is true or false');
  }
}

/** A port: 1–65535, given as a number or a string of digits. */
function normalizePort(value: unknown, refuse: Refuse): number {
  const port = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
    throw refuse('port', value, 'a port is a whole number from 1 to 65535');
  return port;
}

/** A Node version, range or alias, trimmed; detection (parse-node-major.ts) resolves it to a major. */
function normalizeNodeVersion(value: unknown, refuse: Refuse): string {
  const version = String(value).trim();
  const isRange = /\d/.test(version) && semver.validRange(version) !== null;
  if (!isRange && !/^(lts|lts\/\*|lts\/[a-z]+|latest|node|current)$/i.test(version))
    throw refuse('nodeVersion', value, 'a Node version is a major (22), a version (22.11.0) or a range (>=20)');
  return version;
}

/** A line break or any other C0/DEL control character: none may reach a Dockerfile line. */
function hasControlCharacter(value: string): boolean {
  return [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}
