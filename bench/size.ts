/**
 * Image size rows: `docker image inspect` size (uncompressed) of an image loaded into the lab's
 * dockerd, and its growth over the runtime base (what the Dockerfile put on top). Failures become notes.
 */
import { docker } from './lib';
import { ADDED_SIZE_METRIC } from './report';
import { add, results } from './state';

function baseSize(base: string): number {
  try {
    docker(['pull', '-q', base]);
  } catch {
    /* resolved below or NaN */
  }
  try {
    return Number(docker(['image', 'inspect', '--format', '{{.Size}}', base]));
  } catch {
    return NaN;
  }
}

export function sizeRow(group: string, subject: string, variant: string, image: string, base: string): void {
  try {
    const size = Number(docker(['image', 'inspect', '--format', '{{.Size}}', image]));
    const history = docker(['history', '--no-trunc', '--format', '{{.Size}}\t{{.CreatedBy}}', '--human=false', image]);
    const layers = history.split('\n').filter((l) => !l.startsWith('0\t')).length;
    const baseBytes = baseSize(base);
    add({
      group,
      scenario: 'size',
      subject,
      variant,
      metric: 'image MB',
      unit: 'MB',
      values: [size / 1e6],
      detail: `base ${base} ${(baseBytes / 1e6).toFixed(1)} MB + added ${((size - baseBytes) / 1e6).toFixed(1)} MB; ${layers} non-empty layers`,
    });
    add({
      group,
      scenario: 'size',
      subject,
      variant,
      metric: ADDED_SIZE_METRIC,
      unit: 'MB',
      values: [(size - baseBytes) / 1e6],
    });
  } catch (error) {
    results.notes.push(`${group}: size ${variant}: ${(error as Error).message.split('\n')[0]}`);
  }
}
