import semver from 'semver';

/** LTS code names → major, so `lts/iron` in an .nvmrc pins what it says. */
const LTS_CODENAMES: Record<string, string> = {
  hydrogen: '18',
  iron: '20',
  jod: '22',
  krypton: '24',
};

/** Values that mean "whatever is current"; we answer with our tested default. */
const ANY_VERSION = new Set(['', '*', 'x', 'latest', 'node', 'current', 'stable', 'lts', 'lts/*']);

/**
 * Reads a Node major from a version or a range (npm's range grammar, via `semver`):
 * - a range some of `supported` (versions.json node.supported, newest last) satisfies → the newest
 *   of those: `>=20` → 22, `^20.11.0` → 20, `>=18 <21` → 20, `^18 || ^20` → 20;
 * - any other range or version → the lowest major it allows, taking the highest alternative of an
 *   `||`: `22.3.0` → 22, `~18` → 18, `>=24` → 24, `^16 || ^18` → 18;
 * - `lts/*`, `node`, `*` → `defaultMajor`; `lts/<codename>` → that line's major;
 * - text `semver` cannot read but that starts with a major (`22-alpine`) → that major.
 * Returns undefined when the text holds no version at all.
 */
export function parseNodeMajor(
  value: string,
  defaultMajor: string,
  supported: readonly string[] = [defaultMajor],
): string | undefined {
  const text = value.trim().toLowerCase();
  if (ANY_VERSION.has(text)) return defaultMajor;
  if (text.startsWith('lts/')) return LTS_CODENAMES[text.slice(4)] ?? defaultMajor;
  const range = semver.validRange(text);
  if (range === null) return /^v?(\d+)/.exec(text)?.[1];
  const newest = [...supported].reverse().find((major) => semver.intersects(`${major}.x`, range));
  return newest ?? lowestMajor(range);
}

/** The highest of the alternatives' lowest majors (`^16 || ^18` → 18). */
function lowestMajor(range: string): string | undefined {
  const majors = new semver.Range(range).set
    .map((comparators) => semver.minVersion(comparators.map((comparator) => comparator.value).join(' ') || '*')?.major)
    .filter((major): major is number => major !== undefined);
  return majors.length > 0 ? String(Math.max(...majors)) : undefined;
}
