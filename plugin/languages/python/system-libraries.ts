import { parse } from 'smol-toml';
import type { SystemPackages } from '../../plan/system-packages';
import { normalizeName } from './uv-workspace';

/**
 * Python distributions whose install needs Debian packages: headers and tools to build them from
 * source in the build stage, shared libraries to load them in the runtime (Debian 12 bookworm
 * package names, the base of python:<minor>-slim-bookworm). Sources: psycopg2's install docs
 * ("Build prerequisites": a C compiler, libpq-dev / pg_config, runtime libpq), mysqlclient's
 * README (Debian: `default-libmysqlclient-dev build-essential pkg-config`, runtime
 * libmariadb3), lxml's build docs (libxml2-dev, libxslt1-dev).
 */
interface NativePackage {
  build: string[];
  runtime: string[];
  /** What it links, for the header. */
  links: string;
  /** A pure or self-contained alternative, when one exists. */
  alternative?: string;
  /** Only when no wheel of the lock matches Linux and the Python in use (lxml has wheels for most). */
  onlyWithoutWheel?: boolean;
}

export const PYTHON_NATIVE_PACKAGES: Record<string, NativePackage> = {
  psycopg2: {
    build: ['gcc', 'libpq-dev'],
    runtime: ['libpq5'],
    links: 'libpq',
    alternative: 'psycopg[binary] (psycopg 3) or psycopg2-binary ship libpq inside the wheel: no apt packages needed',
  },
  mysqlclient: {
    build: ['gcc', 'default-libmysqlclient-dev', 'pkg-config'],
    runtime: ['libmariadb3'],
    links: 'the MariaDB/MySQL client library',
    alternative: 'PyMySQL is pure Python',
  },
  lxml: {
    build: ['gcc', 'libxml2-dev', 'libxslt1-dev'],
    runtime: ['libxml2', 'libxslt1.1'],
    links: 'libxml2 and libxslt',
    onlyWithoutWheel: true,
  },
};

/** A locked distribution: its name and the wheel file names the lock offers (none for requirements files). */
export interface LockedDistribution {
  name: string;
  wheels?: string[];
}

/** `psycopg2-2.9.13-cp311-cp311-win_amd64.whl` fits Linux + Python `3.11`? (platform `manylinux*`/`linux_*`/`any`; python `cp311`, `abi3` or `py3`). */
function fitsLinux(wheel: string, minor: string): boolean {
  const tags = wheel
    .replace(/\.whl$/, '')
    .split('-')
    .slice(-3);
  if (tags.length < 3) return false;
  const [python, abi, platform] = tags;
  const cp = `cp${minor.replace('.', '')}`;
  const platformFits =
    platform === 'any' || platform.split('.').some((tag) => tag.startsWith('manylinux') || tag.startsWith('linux_'));
  const pythonFits = python
    .split('.')
    .some(
      (tag) =>
        tag === cp ||
        tag === 'py3' ||
        (abi === 'abi3' && tag.startsWith('cp3') && Number(tag.slice(3)) <= Number(minor.split('.')[1])),
    );
  return platformFits && pythonFits;
}

/** uv.lock / poetry.lock packages with their wheel names (uv: `wheels[].url`; Poetry: `files[].file`). */
export function listLockedDistributions(lockfile: string, text: string): LockedDistribution[] {
  if (lockfile === 'requirements.txt') {
    return text
      .split('\n')
      .map((line) => /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line)?.[1])
      .filter((name): name is string => Boolean(name))
      .map((name) => ({ name }));
  }
  const lock = parse(text) as {
    package?: { name: string; wheels?: { url?: string }[]; files?: { file?: string }[] }[];
  };
  return (lock.package ?? []).map((entry) => ({
    name: entry.name,
    wheels: [
      ...(entry.wheels ?? []).map((wheel) => (wheel.url ?? '').split('/').pop() ?? ''),
      ...(entry.files ?? []).map((file) => file.file ?? '').filter((file) => file.endsWith('.whl')),
    ],
  }));
}

/**
 * The system packages the locked distributions need, one entry per native package found.
 * `wheels === undefined` (a requirements file) counts as "no wheel known": onlyWithoutWheel
 * packages are then skipped rather than guessed.
 */
export function detectPythonSystemPackages(
  distributions: LockedDistribution[],
  minor: string,
  lockfile: string,
): SystemPackages[] {
  const found: SystemPackages[] = [];
  for (const distribution of distributions) {
    const name = normalizeName(distribution.name);
    const native = PYTHON_NATIVE_PACKAGES[name];
    if (!native) continue;
    const wheel = distribution.wheels?.some((file) => fitsLinux(file, minor));
    if (wheel) continue;
    if (native.onlyWithoutWheel && distribution.wheels === undefined) continue;
    found.push({
      build: native.build,
      runtime: native.runtime,
      reason: `${name} (${lockfile}) has no Linux wheel for Python ${minor}: built from source against ${native.links}${native.alternative ? `; pure alternative: ${native.alternative}` : ''}`,
    });
  }
  return found;
}
