import type { FsView } from '../fs-view';
import type { Sourced } from '../types';

/**
 * What a compiled service's entry source says about how to run it, read as text:
 * the port it defaults to and whether the binary can probe itself (distroless has no
 * shell or curl, so a HEALTHCHECK needs the binary's own `-healthcheck` mode).
 */
export interface ServiceSourceFacts {
  port?: Sourced<number>;
  healthcheckFlag?: Sourced<string>;
}

/** `PORT` near a quoted number: `os.Getenv("PORT")` … `"8080"`, `env::var("PORT")…unwrap_or("8080")`. */
const PORT_DEFAULT = /\bPORT\b[\s\S]{0,160}?"(\d{2,5})"/;
/** Go's flag package (`flag.Bool("healthcheck", …)`) or a literal argument match (`"--healthcheck"`). */
const HEALTHCHECK_FLAGS: { pattern: RegExp; flag: (match: RegExpExecArray) => string }[] = [
  { pattern: /flag\.Bool(?:Var)?\([^)]*?"(healthcheck)"/, flag: () => '-healthcheck' },
  { pattern: /"(--?healthcheck)"/, flag: (match) => match[1] },
];

export function detectServiceSource(fs: FsView, file: string | undefined, port?: number): ServiceSourceFacts {
  const text = file ? fs.read(file) : undefined;
  const facts: ServiceSourceFacts = {};
  if (port !== undefined) facts.port = { value: port, source: 'options.port' };
  else if (text !== undefined) {
    const match = PORT_DEFAULT.exec(text);
    const value = match ? Number(match[1]) : NaN;
    if (match && value > 0 && value < 65536) facts.port = { value, source: `${file}: PORT defaults to "${match[1]}"` };
  }
  for (const { pattern, flag } of text === undefined ? [] : HEALTHCHECK_FLAGS) {
    const match = pattern.exec(text!);
    if (match) {
      facts.healthcheckFlag = { value: flag(match), source: `${file}: ${match[0]}` };
      break;
    }
  }
  return facts;
}
