import { createHash } from 'node:crypto';

/**
 * Generated files end with a checksum of their own content, so a re-run can tell
 * "still exactly what we wrote" from "edited by hand" and never clobber an edit silently.
 * The marker is the last line: it never splits the header a reader sees first.
 */
const MARKER = /\n# nx-dockerize:checksum=sha256:([0-9a-f]{16})\n$/;

export type GeneratedState = 'generated' | 'edited' | 'foreign';

function checksumOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Appends the checksum line to a `#`-commented file (replacing an older one). */
export function stampGenerated(text: string): string {
  const body = unstamp(text);
  const withBreak = body.endsWith('\n') ? body : `${body}\n`;
  return `${withBreak}\n# nx-dockerize:checksum=sha256:${checksumOf(withBreak)}\n`;
}

/** `generated`: untouched since we wrote it; `edited`: ours but changed; `foreign`: not ours at all. */
export function readGeneratedState(text: string): GeneratedState {
  const match = MARKER.exec(text);
  if (!match) return 'foreign';
  return checksumOf(unstamp(text)) === match[1] ? 'generated' : 'edited';
}

function unstamp(text: string): string {
  return text.replace(MARKER, '\n').replace(/\n\n$/, '\n');
}

const OPTIONS_LINE = /^# nx-dockerize:options=(\{.*\})$/m;

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
  const match = OPTIONS_LINE.exec(text);
  return match ? (JSON.parse(match[1]) as Record<string, unknown>) : undefined;
}
