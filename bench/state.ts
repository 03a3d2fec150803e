/**
 * The run's state: its results (rows, notes, skipped), the time budget and the environment knobs,
 * shared by every scenario module. `save()` writes bench/results/<stamp>.json and bench/last-run.json
 * and re-renders the report, so a run cut short still leaves a report of what it measured.
 *
 * Env: BENCH_REPS (default 3), BENCH_MINUTES (default 64), BENCH_ONLY (comma list of scenario ids:
 * overhead, node, go, rust, python, java, monorepo), BENCH_WORKLOAD_MINUTES (overrides every workload's
 * own budget, for proving one workload end to end), BENCH_MERGE=1 (start from the committed
 * bench/last-run.json and replace only the rows of the scenarios this run measures).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, median, REPO, type BuildRun } from './lib';
import { machine } from './machine';
import { renderReport, type Results, type Row } from './report';
import { EXTRACT_METRIC, FETCH_METRIC } from './report-format';

export const REPS = Number(process.env.BENCH_REPS ?? 3);
export const START = Date.now();
export const DEADLINE = START + Number(process.env.BENCH_MINUTES ?? 64) * 60_000;
export const ONLY = process.env.BENCH_ONLY?.split(',');
export const STAMP = new Date().toISOString().replace(/[:.]/g, '-');
export const MERGE = process.env.BENCH_MERGE === '1';

export const wanted = (id: string) => !ONLY || ONLY.includes(id);
export const remainingMin = () => (DEADLINE - Date.now()) / 60_000;

/** A row belongs to scenario `id` when its `group` is the id (workload rows) or its scenario is (overhead). */
const rowOf = (r: Row, id: string) => r.group === id || r.scenario === id;

/** An earlier merge's note ("node, go: measured in a later run …") whose scenarios this run all re-measures. */
function remeasuredMerge(note: string): boolean {
  const ids = /^([\w-]+(?:, [\w-]+)*): measured in a later run /.exec(note)?.[1].split(', ');
  return Boolean(ids && ONLY && ids.every((id) => ONLY.includes(id)));
}

/** BENCH_MERGE=1: the committed run, minus the rows and notes of the scenarios this run re-measures. */
function mergeBase(): Results {
  const base = JSON.parse(readFileSync(join(REPO, 'bench/last-run.json'), 'utf-8')) as Results;
  const redo = (text: string) => (ONLY ?? []).some((id) => text.startsWith(`${id}:`));
  base.rows = base.rows.filter((r) => !(ONLY ?? []).some((id) => rowOf(r, id)));
  base.notes = base.notes.filter((n) => !redo(n) && !remeasuredMerge(n));
  base.skipped = base.skipped.filter((n) => !redo(n));
  base.workloads = Object.fromEntries(
    Object.entries(base.workloads ?? {}).filter(([id]) => !(ONLY ?? []).includes(id)),
  );
  base.notes.push(
    `${(ONLY ?? ['all']).join(', ')}: measured in a later run (${new Date().toISOString()}, BENCH_ONLY=${ONLY?.join(',') ?? ''}, BENCH_REPS=${REPS}) on the same lab and merged into this one (BENCH_MERGE=1); the other rows are from the run that started at ${base.startedAt}.`,
  );
  return base;
}

export const results: Results = MERGE
  ? mergeBase()
  : {
      startedAt: new Date().toISOString(),
      machine: machine(),
      competitors: {},
      rows: [],
      notes: [],
      skipped: [],
      workloads: {},
      budgetMinutes: Number(process.env.BENCH_MINUTES ?? 64),
      reps: REPS,
    };

export function save(): void {
  mkdirSync(join(REPO, 'bench/results'), { recursive: true });
  const json = JSON.stringify(results, null, 2);
  writeFileSync(join(REPO, `bench/results/${STAMP}.json`), json);
  // Committed beside the report, so a clean clone can re-render it: tsx bench/render.ts bench/last-run.json
  writeFileSync(join(REPO, 'bench/last-run.json'), json);
  renderReport(results);
}

export function add(row: Omit<Row, 'median'>): void {
  const existing = results.rows.find(
    (r) =>
      r.scenario === row.scenario &&
      r.subject === row.subject &&
      r.variant === row.variant &&
      r.metric === row.metric &&
      r.group === row.group,
  );
  if (existing) {
    existing.values.push(...row.values);
    existing.median = median(existing.values);
    if (row.detail) existing.detail = row.detail;
    if (row.steps) existing.steps = row.steps;
  } else results.rows.push({ ...row, median: median(row.values) });
}

/** A build's seconds and steps-re-run rows; a failed build becomes a note instead. */
export function record(group: string, scenario: string, subject: string, variant: string, run: BuildRun): boolean {
  if (run.exitCode !== 0) {
    results.notes.push(`${group}: ${scenario} / ${variant}: build failed: ${run.tail.split('\n')[0].slice(0, 300)}`);
    log(`${group} ${scenario} ${variant} failed:\n${run.tail.slice(-1500)}`);
    return false;
  }
  add({ group, scenario, subject, variant, metric: 'seconds', unit: 's', values: [run.seconds], steps: run.stepTimes });
  if (scenario.startsWith('fresh-') && run.fetchSeconds !== undefined)
    add({ group, scenario, subject, variant, metric: FETCH_METRIC, unit: 's', values: [run.fetchSeconds] });
  if (scenario.startsWith('fresh-') && run.extraction?.layers)
    add({
      group,
      scenario,
      subject,
      variant,
      metric: EXTRACT_METRIC,
      unit: 's',
      values: [run.extraction.seconds],
      detail: `${run.extraction.layers} layers, ${(run.extraction.bytes / 1e6).toFixed(1)} MB compressed`,
    });
  add({
    group,
    scenario,
    subject,
    variant,
    metric: 'steps re-run',
    unit: 'steps',
    values: [run.ran],
    detail: `${run.ran} of ${run.steps} steps ran; ${run.ranNames
      .slice(0, 6)
      .map((n) => n.split('\n')[0].slice(0, 70))
      .join(' · ')}`,
  });
  return true;
}

export function note(text: string): void {
  results.notes.push(text);
  log(text);
}
