import type { TargetOutcome } from './run-bake-rounds';

export interface SummaryRow {
  project: string;
  outcome: TargetOutcome;
  /** The tags this run asked for (bake's metadata names them too when it exported an image). */
  images: string[];
  /** Things that did not fail the build but should not pass unseen (a refused cache export). */
  warnings?: string[];
}

/**
 * The end-of-run table: what each project became, or why it did not. A dry run built
 * nothing, so its header says so rather than counting "built" images.
 */
export function formatSummary(rows: SummaryRow[], { dryRun = false } = {}): string {
  const failed = rows.filter((row) => !row.outcome.success).length;
  const warned = rows.filter((row) => row.warnings?.length).length;
  const header = dryRun
    ? `nx-dockerize: dry run, nothing built: ${rows.length - failed} target(s) resolved, ${failed} failed`
    : `nx-dockerize: ${rows.length - failed} image(s) built, ${failed} failed${warned ? `, ${warned} with warnings` : ''}`;
  const table = [
    ['project', 'image', 'digest', 'time', 'steps'],
    ...rows.map(({ project, outcome, images }) => [
      project,
      outcome.success ? (outcome.imageName?.split(',')[0] ?? images[0] ?? '') : 'FAILED',
      outcome.digest ? `${outcome.digest.slice(0, 19)}…` : '-',
      `${outcome.seconds.toFixed(1)}s`,
      `${outcome.progress.executed} run, ${outcome.progress.cached} cached`,
    ]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const lines = table.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  );
  const errors = rows
    .filter((row) => !row.outcome.success)
    .map((row) => `  ${row.project}: ${row.outcome.progress.errors.join('; ')}`);
  const warnings = rows.flatMap((row) => (row.warnings ?? []).map((warning) => `  ${row.project}: ${warning}`));
  return [
    header,
    ...lines.map((line) => `  ${line}`),
    ...(errors.length ? ['failures:', ...errors] : []),
    ...(warnings.length ? ['warnings:', ...warnings] : []),
  ].join('\n');
}
