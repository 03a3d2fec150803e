import type { DockerizeOptions } from '../../plugin/types';

/**
 * The generator's input (schema.json): DockerizeOptions, every field optional, before
 * normalize-options.ts validates it, plus what only the generator reads. Each option's meaning is
 * documented on DockerizeOptions (plugin/options.ts).
 */
export interface DockerizeGeneratorSchema extends Partial<Omit<DockerizeOptions, 'nodeVersion'>> {
  project: string;
  /** A number is accepted too (YAML, `--nodeVersion 22`). */
  nodeVersion?: string | number;
  /** A folder of Dockerfile template overrides (see docs). */
  templateDir?: string;
  /** Overwrite generated files whose generated parts were edited. */
  force?: boolean;
}
