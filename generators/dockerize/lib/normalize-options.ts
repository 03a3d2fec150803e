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

/**
 * Validates the generator options where they enter (the schema checks the CLI, but a composing
 * generator calls us directly) and normalises them once: `nodeVersion: 22` (a number, as YAML and
 * `--nodeVersion 22` give it) becomes "22"; a range (`>=20`) must parse as npm's range grammar. Throws an Error naming the option, the value and the fix.
 */
export function normalizeOptions(schema: DockerizeGeneratorSchema): NormalizedOptions {
  const refuse = (option: string, value: unknown, rule: string) =>
    new Error(
      `Invalid option --${option} ${JSON.stringify(value)} for project ${schema.project}: ${rule}. Fix the value, or leave the option out to use the detected default.`,
    );
  const { project, force, ...rest } = schema;
  const given: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  for (const [option, value] of Object.entries(given)) {
    if (typeof value === 'string' && /[\u0000-\u001f\u007f]/.test(value))
      throw refuse(option, value, 'it contains a line break or control character');
    if (ENUMS[option] && !ENUMS[option].includes(value as string))
      throw refuse(option, value, `it is one of ${ENUMS[option].join(', ')}`);
  }
  if (given.port !== undefined) {
    const port = typeof given.port === 'string' && /^\d+$/.test(given.port) ? Number(given.port) : given.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
      throw refuse('port', given.port, 'a port is a whole number from 1 to 65535');
    given.port = port;
  }
  if (given.nodeVersion !== undefined) {
    const version = String(given.nodeVersion).trim();
    // A range (`>=20`, `^20.11`) is resolved to a major by detection (parse-node-major.ts), as engines.node is.
    const isRange = /\d/.test(version) && semver.validRange(version) !== null;
    if (!isRange && !/^(lts|lts\/\*|lts\/[a-z]+|latest|node|current)$/i.test(version)) {
      throw refuse(
        'nodeVersion',
        given.nodeVersion,
        'a Node version is a major (22), a version (22.11.0) or a range (>=20)',
      );
    }
    given.nodeVersion = version;
  }
  for (const option of [
    'entry',
    'healthcheck',
    'goVersion',
    'pythonVersion',
    'javaVersion',
    'main',
    'bin',
    'entrypoint',
    'templateDir',
  ]) {
    // Versions may come as numbers from YAML or the CLI (`--javaVersion 21`).
    if (/Version$/.test(option) && typeof given[option] === 'number') given[option] = String(given[option]);
    if (given[option] !== undefined && (typeof given[option] !== 'string' || (given[option] as string).trim() === ''))
      throw refuse(option, given[option], 'it must be a non-empty string');
  }
  for (const option of ['cgo', 'nativeOnAlpine']) {
    if (given[option] !== undefined && typeof given[option] !== 'boolean')
      throw refuse(option, given[option], 'it is true or false');
  }
  void project;
  void force;
  return {
    given,
    options: {
      runtime: (given.runtime as DockerizeOptions['runtime']) ?? 'slim',
      buildMode: (given.buildMode as DockerizeOptions['buildMode']) ?? 'docker',
      port: given.port as number | undefined,
      nodeVersion: given.nodeVersion as string | undefined,
      ...(given.goVersion !== undefined && { goVersion: given.goVersion as string }),
      ...(given.pythonVersion !== undefined && { pythonVersion: given.pythonVersion as string }),
      ...(given.javaVersion !== undefined && { javaVersion: given.javaVersion as string }),
      ...(given.entry !== undefined && { entry: given.entry as string }),
      ...(given.healthcheck !== undefined && { healthcheck: given.healthcheck as string }),
      ...(given.main !== undefined && { main: given.main as string }),
      ...(given.cgo !== undefined && { cgo: given.cgo as boolean }),
      ...(given.bin !== undefined && { bin: given.bin as string }),
      ...(given.entrypoint !== undefined && { entrypoint: given.entrypoint as string }),
      ...(given.nativeOnAlpine !== undefined && { nativeOnAlpine: given.nativeOnAlpine as boolean }),
      ...(given.buildTool !== undefined && { buildTool: given.buildTool as DockerizeOptions['buildTool'] }),
    },
  };
}
