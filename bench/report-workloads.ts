/**
 * The per-workload sections of docs/BENCHMARKS.md: one table of the scenarios side by side (ours
 * and every competitor, median and n, competitor ÷ ours), one of the floors and the ratios to them,
 * and the computed finding. Shape: `renderWorkloads(results) → { lines, bars, json }`.
 */
import { workloadFinding } from './report-findings';
import {
  ADDED_SIZE_METRIC,
  cell,
  escapeCell,
  EXTRACT_METRIC,
  FETCH_METRIC,
  find,
  fmt,
  fmtRatio,
  ratioOf,
  type Results,
} from './report-format';

const ORDER = ['node', 'go', 'rust', 'python', 'java'];

const SCENARIO_ROWS: { id: string; label: string; metric?: string }[] = [
  { id: 'cold', label: 'cold = no cache at all (empty runner, no cache-from)' },
  { id: 'warm-edit', label: 'one-line edit, warm builder' },
  { id: 'sibling-dependency', label: "sibling project's dependency change, warm builder" },
  { id: 'sibling-dependency', label: '… steps re-run', metric: 'steps re-run' },
  { id: 'fresh-noedit', label: 'fresh runner + registry cache, no edit' },
  { id: 'fresh-edit', label: 'fresh runner + registry cache, one-line edit' },
  { id: 'fresh-edit', label: '… steps re-run', metric: 'steps re-run' },
  { id: 'cache-export', label: 'cache export (cache-to, after the warm builds; not a scenario)' },
  { id: 'size', label: 'image size', metric: 'image MB' },
  { id: 'size', label: '… added over its base', metric: ADDED_SIZE_METRIC },
];

export interface Bar {
  label: string;
  ratio: number;
}

function variantsOf(results: Results, group: string): string[] {
  const seen = [...new Set(results.rows.filter((r) => r.group === group).map((r) => r.variant))];
  return ['ours', ...seen.filter((v) => v !== 'ours' && v !== 'host')];
}

function scenarioTable(results: Results, group: string, variants: string[], bars: Bar[]): string[] {
  const competitors = variants.slice(1);
  const lines = [
    `| scenario | ${variants.map((v) => (v === 'ours' ? '**ours**' : v)).join(' | ')} | ${competitors.map((c) => `${c} ÷ ours`).join(' | ')} |`,
    `|---|${variants.map(() => '---|').join('')}${competitors.map(() => '---|').join('')}`,
  ];
  for (const s of SCENARIO_ROWS) {
    const metric = s.metric ?? 'seconds';
    const rows = variants.map((v) => find(results, group, s.id, v, metric));
    if (rows.every((r) => !r)) continue;
    const ratios = competitors.map((c, i) => {
      const r = ratioOf(rows[i + 1]?.median, rows[0]?.median);
      if (metric === 'seconds' && Number.isFinite(r) && s.id !== 'cache-export')
        bars.push({ label: `${group} · ${s.id} · ${c}`, ratio: r });
      return metric === ADDED_SIZE_METRIC ? '—' : fmtRatio(r);
    });
    lines.push(`| ${s.label} | ${rows.map(cell).join(' | ')} | ${ratios.join(' | ')} |`);
  }
  return lines;
}

/** The extraction floor's sentence: what an empty runner pays to pull and extract ours' toolchain image alone. */
function extractionLine(results: Results, group: string): string {
  const x = find(results, group, 'extraction-floor', 'host');
  if (!x) return 'Extraction floor: not measured.';
  const mb = Number(/([\d.]+) MB/.exec(x.detail ?? '')?.[1]);
  const rate = Number.isFinite(mb) ? `, ${fmt(mb / x.median, 'MB')} MB/s` : '';
  return `Extraction floor (${escapeCell(x.detail ?? '')}): **${fmt(x.median, 's')} s** (n=${x.values.length}${rate}). Every fresh-runner build that needs this image's filesystem pays it before its first step, whatever the Dockerfile.`;
}

/** Edit, network and extraction floors, and each figure ÷ its floor; a fresh-runner edit's time spent fetching cached layers. */
function floorTable(results: Results, group: string, variants: string[]): string[] {
  const edit = find(results, group, 'edit-floor', 'host');
  const lines = [
    `Edit floor (${edit?.detail ?? 'not measured'}): **${edit ? `${fmt(edit.median, 's')} s` : '—'}**. Network floor: time to fetch every blob of the variant's registry cache from the lab registry.`,
    '',
    extractionLine(results, group),
    '',
    '| variant | warm edit ÷ edit floor | fresh-runner edit ÷ edit floor | network floor | fresh-runner no-edit ÷ network floor | fresh-runner edit ÷ network floor | fresh-runner edit: of it, cached layers being fetched and extracted | of that, unpacking layers | no cache ÷ fresh-runner edit |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const v of variants) {
    const s = (scenario: string) => find(results, group, scenario, v)?.median;
    const net = find(results, group, 'network-floor', v);
    const fetched = find(results, group, 'fresh-edit', v, FETCH_METRIC);
    const unpacked = find(results, group, 'fresh-edit', v, EXTRACT_METRIC);
    const vsEdit = (x: number | undefined) =>
      edit && edit.median === 0 ? '— (floor 0 s)' : fmtRatio(ratioOf(x, edit?.median));
    lines.push(
      `| ${v} | ${vsEdit(s('warm-edit'))} | ${vsEdit(s('fresh-edit'))} | ${net ? `${fmt(net.median, 's')} s (${escapeCell(net.detail ?? '')})` : '—'} | ${fmtRatio(ratioOf(s('fresh-noedit'), net?.median))} | ${fmtRatio(ratioOf(s('fresh-edit'), net?.median))} | ${fetched ? `${fmt(fetched.median, 's')} s (n=${fetched.values.length})` : '—'} | ${unpacked ? `${fmt(unpacked.median, 's')} s (${escapeCell(unpacked.detail ?? '')})` : '—'} | ${fmtRatio(ratioOf(s('cold'), s('fresh-edit')))} |`,
    );
  }
  return lines;
}

export function renderWorkloads(results: Results): { lines: string[]; bars: Bar[]; json: Record<string, unknown> } {
  const lines: string[] = [];
  const bars: Bar[] = [];
  const json: Record<string, unknown> = {};
  for (const group of ORDER) {
    const meta = results.workloads?.[group];
    if (!meta && !results.rows.some((r) => r.group === group)) continue;
    const variants = variantsOf(results, group);
    lines.push(`## ${meta?.language ?? group} (bench/workloads/${group})`, '');
    if (meta)
      lines.push(
        `${meta.stack}. **${fmt(meta.packages, 'steps')} ${meta.unit}** in ${meta.lockfile}. Competitors: ${meta.competitors.join('; ')}.`,
        '',
      );
    if (meta?.hostInstallSeconds?.length)
      lines.push(
        `nx-docker's host \`npm install\` of the workspace (its build target needs it; not in its figures): ${meta.hostInstallSeconds.map((s) => `${fmt(s, 's')} s`).join(', ')}.`,
        '',
      );
    lines.push(...scenarioTable(results, group, variants, bars), '');
    lines.push(...floorTable(results, group, variants), '');
    lines.push(`**Finding.** ${workloadFinding(results, group, variants.slice(1))}`, '');
    json[group] = { meta, rows: results.rows.filter((r) => r.group === group) };
  }
  return { lines, bars, json };
}
