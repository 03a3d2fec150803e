import type { FsView } from '../fs-view';
import type { Sourced } from '../types';
import { joinPath } from './join-path';

/** Where a Node service usually starts, project-relative; the first that exists is scanned. */
const ENTRY_SOURCES = ['src/main.ts', 'src/main.js', 'src/index.ts', 'src/index.js', 'main.js', 'index.js'];

/**
 * Port idioms, most explicit first: an env fallback (`PORT ?? 3000`, `Number(process.env.PORT) || 3000`)
 * says the default the service really uses; a literal `.listen(3000` comes next.
 */
const PORT_PATTERNS: { pattern: RegExp; show: (match: RegExpExecArray) => string }[] = [
  { pattern: /PORT\)?\s*(\?\?|\|\|)\s*['"]?(\d{2,5})\b/, show: ([, operator, port]) => `PORT ${operator} ${port}` },
  { pattern: /\.listen\(\s*()(\d{2,5})\b/, show: ([, , port]) => `.listen(${port}` },
];

/** The port: the option, else a default found in the entry source (`entryFile`, else the usual names); undefined when unknown. */
export function detectPort(input: {
  fs: FsView;
  projectRoot: string;
  port?: number;
  entryFile?: string;
}): Sourced<number> | undefined {
  if (input.port !== undefined) return { value: input.port, source: 'options.port' };
  // The file node runs (a project without a build, e.g. `node src/server.js`) first, then the usual names.
  const sources = [
    ...(input.entryFile ? [input.entryFile] : []),
    ...ENTRY_SOURCES.map((path) => joinPath(input.projectRoot, path)),
  ];
  const file = sources.find((path) => input.fs.exists(path));
  const text = file ? input.fs.read(file) : undefined;
  if (!file || text === undefined) return undefined;
  for (const { pattern, show } of PORT_PATTERNS) {
    const match = pattern.exec(text);
    const port = match ? Number(match[2]) : NaN;
    if (match && port > 0 && port < 65536) return { value: port, source: `${file}: ${show(match)}` };
  }
  return undefined;
}
