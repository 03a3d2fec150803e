/** Number and ratio formatting for the report, and the row lookups every section uses. */
import type { StepTime } from './lib';

export interface Row {
  /** The workload (or scenario family) the row belongs to: node, go, rust, python, java, monorepo; none for overhead. */
  group?: string;
  scenario: string;
  subject: string;
  variant: string;
  metric: string;
  unit: string;
  values: number[];
  median: number;
  detail?: string;
  /** BuildKit's per-step wall times of the last build behind the row (seconds rows), longest first. */
  steps?: StepTime[];
}

export interface WorkloadMeta {
  language: string;
  stack: string;
  lockfile: string;
  unit: string;
  packages: number;
  competitors: string[];
  hostInstallSeconds?: number[];
}

export interface Results {
  startedAt: string;
  finishedAt?: string;
  machine: Record<string, string>;
  competitors: Record<string, string>;
  rows: Row[];
  notes: string[];
  skipped: string[];
  workloads?: Record<string, WorkloadMeta>;
  budgetMinutes?: number;
  reps?: number;
}

/** Seconds a fresh-runner build spent with a cache hit's layers being fetched and extracted (BuildKit's spans, union). */
export const FETCH_METRIC = 'fetch seconds';
/** A fresh-runner build's time unpacking cached layers (bench/layer-extraction.ts), detail = layers and bytes. */
export const EXTRACT_METRIC = 'extraction seconds';

/** Growth over the base image: ours can add kilobytes, so ratios of it say little and are never shown. */
export const ADDED_SIZE_METRIC = 'added MB (over base)';

export const fmt = (n: number, unit: string) =>
  Number.isFinite(n)
    ? unit === 'steps'
      ? n.toFixed(0)
      : n >= 100
        ? n.toFixed(0)
        : n >= 10
          ? n.toFixed(1)
          : n >= 1
            ? n.toFixed(2)
            : n.toFixed(3)
    : '—';

export function ratioOf(value: number | undefined, reference: number | undefined): number {
  if (value === undefined || reference === undefined || !Number.isFinite(reference) || !Number.isFinite(value))
    return NaN;
  if (reference === 0) return value === 0 ? 1 : Infinity;
  return value / reference;
}

export const fmtRatio = (r: number) =>
  Number.isNaN(r) ? '—' : r === Infinity ? '∞ (reference 0)' : `${r.toFixed(2)}×`;

/** The row of one workload's scenario, variant and metric (seconds unless named). */
export function find(
  results: Results,
  group: string,
  scenario: string,
  variant: string,
  metric = 'seconds',
): Row | undefined {
  return results.rows.find(
    (r) => r.group === group && r.scenario === scenario && r.variant === variant && r.metric === metric,
  );
}

export const cell = (row: Row | undefined) =>
  row ? `${fmt(row.median, row.unit)} ${row.unit} (n=${row.values.length})` : '—';

export const escapeCell = (text: string) => text.replace(/\|/g, '/');
