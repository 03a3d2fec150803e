import type { FsView } from '../../fs-view';
import type { Sourced } from '../../types';
import versions from '../../versions.json';
import { createDetectError } from '../../detect/create-detect-error';
import { joinPath } from '../../detect/join-path';
import type { PackageJson } from '../../detect/detect-input';
import { parseNodeMajor } from './parse-node-major';

interface Context {
  fs: FsView;
  projectRoot: string;
  projectPackageJson?: PackageJson;
  rootPackageJson?: PackageJson;
  nodeVersion?: string;
}

interface RawVersion {
  value: string;
  source: string;
}

/**
 * Tried in order; the first that has a value wins.
 * 1. The generator option — the user said so explicitly.
 * 2. The project's package.json `engines.node` — the most specific declaration.
 * 3. The root package.json `engines.node` — the workspace-wide declaration.
 * 4. `.nvmrc`, then 5. `.node-version` — what developers run locally.
 * Otherwise the default major from versions.json, the version the plugin is tested with.
 */
const SOURCES: ((context: Context) => RawVersion | undefined)[] = [
  ({ nodeVersion }) => (nodeVersion ? { value: nodeVersion, source: 'options.nodeVersion' } : undefined),
  ({ projectPackageJson, projectRoot }) =>
    fromEngines(projectPackageJson, `${joinPath(projectRoot, 'package.json')}#engines.node`),
  ({ rootPackageJson }) => fromEngines(rootPackageJson, 'package.json#engines.node'),
  ({ fs }) => fromVersionFile(fs, '.nvmrc'),
  ({ fs }) => fromVersionFile(fs, '.node-version'),
];

/** The Node major to build and run with, and where it came from. */
export function detectNodeVersion(context: Context & { project: string }): Sourced<string> {
  const defaultMajor = versions.node.defaultMajor;
  for (const source of SOURCES) {
    const raw = source(context);
    if (!raw || raw.value.trim() === '') continue;
    const major = parseNodeMajor(raw.value, defaultMajor, versions.node.supported);
    if (major === undefined) {
      throw createDetectError({
        project: context.project,
        file: raw.source,
        problem: `"${raw.value}" names no Node version`,
        fix: `write a version or range such as "${defaultMajor}" or ">=${defaultMajor}"`,
      });
    }
    return { value: major, source: `${raw.source} (${raw.value.trim()})` };
  }
  return { value: defaultMajor, source: 'default (versions.json node.defaultMajor)' };
}

function fromEngines(packageJson: PackageJson | undefined, source: string): RawVersion | undefined {
  const node = packageJson?.engines?.node;
  return typeof node === 'string' ? { value: node, source } : undefined;
}

/** `.nvmrc` may carry comments; the first other non-empty line is the version. */
function fromVersionFile(fs: FsView, file: string): RawVersion | undefined {
  const line = fs
    .read(file)
    ?.split('\n')
    .map((text) => text.replace(/#.*/, '').trim())
    .find((text) => text !== '');
  return line === undefined ? undefined : { value: line, source: file };
}
