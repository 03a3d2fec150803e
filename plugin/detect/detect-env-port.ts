import type { FsView } from '../fs-view';
import type { Sourced } from '../types';

/**
 * The port a service defaults to, read from the first of `files` that names one as text:
 * `os.environ.get("PORT", "8000")`, `int(os.getenv("PORT", 8000))`,
 * `System.getenv().getOrDefault("PORT", "8080")`. An explicit option wins.
 */
const PORT_DEFAULT = /["']PORT["'][^\n]{0,60}?["']?\b(\d{2,5})\b/;

export function detectEnvPort(fs: FsView, files: string[], port?: number): Sourced<number> | undefined {
  if (port !== undefined) return { value: port, source: 'the port option' };
  for (const file of files) {
    const match = PORT_DEFAULT.exec(fs.read(file) ?? '');
    const value = match ? Number(match[1]) : NaN;
    if (match && value > 0 && value < 65536) return { value, source: `${file} (PORT default)` };
  }
  return undefined;
}
