/**
 * The few Cargo.toml facts detection needs, read without a TOML library: `[package] name`,
 * `[[bin]] name/path`, `[lib] path`, `[workspace] members` (single- or multi-line arrays),
 * and whether a `build` script is declared. Values must be basic strings, as `cargo new` writes.
 */
export interface CargoToml {
  packageName?: string;
  /** `build = "…"` in [package], or undefined (build.rs is then found on disk). */
  build?: string;
  bins: { name?: string; path?: string }[];
  libPath?: string;
  /** `[workspace] members`, undefined when the file has no [workspace] table. */
  members?: string[];
}

const TABLE = /^\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]\]?\s*(#.*)?$/;
const STRING_KEY = /^\s*([A-Za-z0-9_-]+)\s*=\s*"([^"]*)"/;

function readArray(lines: string[], start: number): string[] {
  let text = lines[start].slice(lines[start].indexOf('[') + 1);
  for (let i = start + 1; !text.includes(']') && i < lines.length; i++) text += `\n${lines[i]}`;
  return [...text.slice(0, text.indexOf(']')).matchAll(/"([^"]*)"/g)].map((match) => match[1]);
}

export function readCargoToml(text: string): CargoToml {
  const lines = text.split(/\r?\n/);
  const result: CargoToml = { bins: [] };
  let table = '';
  lines.forEach((line, index) => {
    const header = TABLE.exec(line);
    if (header) {
      table = header[1] === '[[' ? `[[${header[2]}]]` : header[2];
      if (table === '[[bin]]') result.bins.push({});
      if (table === 'workspace') result.members ??= [];
      return;
    }
    const pair = STRING_KEY.exec(line);
    if (table === 'package' && pair?.[1] === 'name') result.packageName = pair[2];
    if (table === 'package' && pair?.[1] === 'build') result.build = pair[2];
    if (table === 'lib' && pair?.[1] === 'path') result.libPath = pair[2];
    if (table === '[[bin]]' && pair && (pair[1] === 'name' || pair[1] === 'path')) result.bins[result.bins.length - 1][pair[1]] = pair[2];
    if (table === 'workspace' && /^\s*members\s*=\s*\[/.test(line)) result.members = readArray(lines, index);
  });
  return result;
}
