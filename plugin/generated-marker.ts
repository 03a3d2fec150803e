import { createHash } from 'node:crypto';

/**
 * Generated files end with a checksum of their own content, so a re-run can tell
 * "still exactly what we wrote" from "edited by hand" and never clobber an edit silently.
 * The marker is the last line: it never splits the header a reader sees first.
 *
 * Line endings and the final newline are not content: editors and git (`core.autocrlf`,
 * `* text=auto`) change them, so the checksum is taken over the text with CRLF/CR turned into
 * LF and trailing newlines reduced to one. Any other change, however small, is an edit.
 */
const MARKER = /\n# nx-dockerize:checksum=sha256:([0-9a-f]{16})\n$/;
/** The checksum line anywhere: lines added after it are a hand edit, not a foreign file. */
const MARKER_ANYWHERE = /^# nx-dockerize:checksum=sha256:[0-9a-f]{16}$/m;

export type GeneratedState = 'generated' | 'edited' | 'foreign';

function checksumOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** LF line endings, exactly one final newline, trailing blanks after the marker dropped. */
export function normalizeGenerated(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').replace(/[\n \t]*$/, '')}\n`;
}

/** Appends the checksum line to a `#`-commented file (replacing an older one). */
export function stampGenerated(text: string): string {
  const body = unstamp(normalizeGenerated(text));
  return `${body}\n# nx-dockerize:checksum=sha256:${checksumOf(body)}\n`;
}

/** `generated`: untouched since we wrote it (line endings aside); `edited`: ours but changed; `foreign`: not ours. */
export function readGeneratedState(text: string): GeneratedState {
  const normalized = normalizeGenerated(text);
  const match = MARKER.exec(normalized);
  if (!match) return MARKER_ANYWHERE.test(normalized) ? 'edited' : 'foreign';
  return checksumOf(unstamp(normalized)) === match[1] ? 'generated' : 'edited';
}

/**
 * Whether `existing` (a stamped file, edited or not) was generated as exactly `generated` (a
 * stamped file): its recorded checksum is the one the current graph and options give. A hand-edited
 * file for which this is false no longer matches the graph (sync:check reports it).
 */
export function recordedChecksumMatches(existing: string, generated: string): boolean {
  const recorded = MARKER.exec(normalizeGenerated(existing))?.[1];
  return recorded !== undefined && recorded === MARKER.exec(normalizeGenerated(generated))?.[1];
}

/** Same content once line endings and the final newline are set aside. */
export function sameGenerated(a: string, b: string): boolean {
  return normalizeGenerated(a) === normalizeGenerated(b);
}

function unstamp(text: string): string {
  return text.replace(MARKER, '\n').replace(/\n\n$/, '\n');
}

const OPTIONS_LINE = /^# nx-dockerize:options=(\{.*\})\r?$/m;
const BAKE_LINE = /^# nx-dockerize:bake=(\{.*\})\r?$/m;

/**
 * Records the generator options a file was made with (only those given explicitly, so
 * detected facts stay live), so the sync generator can regenerate it the same way.
 */
export function recordOptions(text: string, options: Record<string, unknown>): string {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${body}# nx-dockerize:options=${JSON.stringify(given)}\n`;
}

export function readRecordedOptions(text: string): Record<string, unknown> | undefined {
  return readJsonLine(OPTIONS_LINE, text);
}

/**
 * Records the bake target fields this run writes (`{"context": …, "dockerfile": …, "tags": […]}`),
 * so the next run can tell its own output in docker-bake.json from a user's edit of it.
 */
export function recordBake(text: string, target: object): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${body}# nx-dockerize:bake=${JSON.stringify(target)}\n`;
}

export function readRecordedBake(text: string): Record<string, unknown> | undefined {
  return readJsonLine(BAKE_LINE, text);
}

/** A recorded JSON line, or undefined when it is missing or no longer JSON (a hand edit). */
function readJsonLine(line: RegExp, text: string): Record<string, unknown> | undefined {
  const match = line.exec(text);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
