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
 * Reads a Node major from a version or range, deliberately simply:
 * - `22`, `v22.3.0`, `22.x`, `^20.11.0`, `~18` → the first major number;
 * - `>=N` (or `>N`) → `defaultMajor` when it is allowed (≥ N and under any `<M` bound), else N;
 * - `a || b` → the highest major any alternative yields;
 * - `lts/*`, `node`, `*` → `defaultMajor`; `lts/<codename>` → that line's major.
 * Returns undefined when the text holds no version at all.
 */
export function parseNodeMajor(value: string, defaultMajor: string): string | undefined {
  const text = value.trim().toLowerCase();
  if (ANY_VERSION.has(text)) return defaultMajor;
  if (text.startsWith('lts/')) return LTS_CODENAMES[text.slice(4)] ?? defaultMajor;
  const majors = text
    .split('||')
    .map((alternative) => parseAlternative(alternative.trim(), Number(defaultMajor)))
    .filter((major): major is number => major !== undefined);
  return majors.length > 0 ? String(Math.max(...majors)) : undefined;
}

function parseAlternative(range: string, defaultMajor: number): number | undefined {
  if (ANY_VERSION.has(range)) return defaultMajor;
  const first = /\d+/.exec(range);
  if (!first) return undefined;
  const major = Number(first[0]);
  if (!/^>=?\s*v?\d/.test(range)) return major;
  return isBelowUpperBound(range, defaultMajor) && defaultMajor >= major ? defaultMajor : major;
}

/** `<M` excludes M itself; `<=M` includes it. No upper bound allows anything. */
function isBelowUpperBound(range: string, candidate: number): boolean {
  const upper = /<(=?)\s*v?(\d+)/.exec(range);
  if (!upper) return true;
  const limit = Number(upper[2]);
  return upper[1] === '=' ? candidate <= limit : candidate < limit;
}
