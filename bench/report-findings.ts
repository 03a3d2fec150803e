/**
 * The plain-words finding per workload, computed from the medians (nothing hard-coded but the
 * mechanisms a step name stands for): where ours is ahead or not, the fresh-runner speed-up over no
 * cache, the sibling dependency change, and — where ours' cold build is slower than a competitor's —
 * which steps cost what (BuildKit's per-step timings) and why they are there.
 */
import type { StepTime } from './lib';
import { EXTRACT_METRIC, FETCH_METRIC, find, fmt, fmtRatio, ratioOf, type Results } from './report-format';

/** Why a step of ours exists, by its stage (our generator's stage names) or what its BuildKit name says it does. */
const STEP_REASONS: [RegExp, string][] = [
  [
    /^\[manifests|prune|Dockerfile\.package/i,
    "prunes the lockfile to this project's dependencies, so another project's dependency change installs nothing again",
  ],
  [
    /^\[deps /,
    'downloads/installs the dependencies in a stage of their own, keyed on manifests only (a layer the registry cache carries), so an edit never repeats it',
  ],
  [
    /^\[prod-deps /,
    'installs the production dependencies apart, so the runtime image carries no build tools or devDependencies',
  ],
  [
    /^\[(toolchain|modules) /,
    "copies the Go distribution and the module tree out of the golang image and the deps stage into layers of their own, so a fresh runner's edit extracts those instead of the whole golang image (fewer bytes: see docs/go-and-rust.md)",
  ],
  [
    /^\[(imports|deps-build) /,
    'lists the imported packages and compiles them into a layer keyed by that list, so an edit recompiles only the workspace',
  ],
  [/^\[build /, 'builds the service'],
  [/^\[runtime /, 'assembles the runtime image (non-root user, the artifact copied in, without build tools)'],
  [/apt-get/i, 'installs system packages'],
  [/exporting|writing image|pushing/i, 'exports and pushes the image'],
];

function reason(step: string): string {
  return STEP_REASONS.find(([re]) => re.test(step))?.[1] ?? 'builds the service';
}

const topSteps = (steps: StepTime[] | undefined, n = 4) =>
  (steps ?? [])
    .filter((s) => !/\] FROM /.test(s.name))
    .slice(0, n)
    .map((s) => {
      const fetched = s.name.endsWith(' (cache hit: fetch)');
      const name = s.name.replace(' (cache hit: fetch)', '').replace(/`/g, "'").slice(0, 80);
      return `\`${name}\`${fetched ? ' (cache hit, fetched)' : ''} ${fmt(s.seconds, 's')} s`;
    })
    .join(', ');

/** Where ours' cold build is slower than a competitor's: its costliest steps, what each is for, and the competitor's. */
function coldExplanation(results: Results, group: string, variant: string): string {
  const ours = find(results, group, 'cold', 'ours');
  const other = find(results, group, 'cold', variant);
  const steps = (ours?.steps ?? []).filter((s) => !/\] FROM /.test(s.name));
  const why = [...new Set(steps.slice(0, 4).map((s) => reason(s.name)))].join('; ');
  return `**Cold: ${variant} is faster than ours** (${fmt(other!.median, 's')} s vs ${fmt(ours!.median, 's')} s, ${fmtRatio(ratioOf(other!.median, ours!.median))}). Ours' costliest steps: ${topSteps(steps) || '—'}; ${variant}'s: ${topSteps(other?.steps) || '—'}. What ours' steps are for: ${why || '—'}.${lockWait(steps)} Whether they pay back shows in the warm-edit, sibling and fresh-runner rows.`;
}

/**
 * deps and prod-deps share one package-manager cache mount with sharing=locked, and prod-deps is ready
 * first: the deps step's BuildKit time then includes waiting for the whole production install
 * (measured with npm's own timings: docs/node-package-managers.md, "What the two installs cost").
 */
function lockWait(steps: StepTime[]): string {
  const locked = (stage: string) => steps.find((s) => s.name.startsWith(`[${stage} `) && /sharing=locked/.test(s.name));
  const prod = locked('prod-deps');
  if (!locked('deps') || !prod) return '';
  return ` The deps step's time includes waiting for the production install (${fmt(prod.seconds, 's')} s), which holds the shared locked cache mount first; ordering them the other way was measured slower (docs/node-package-managers.md, "What the two installs cost on a cold build").`;
}

function sentence(results: Results, group: string, scenario: string, label: string, competitors: string[]): string {
  const ours = find(results, group, scenario, 'ours');
  if (!ours) return '';
  const parts = competitors.map((c) => {
    const row = find(results, group, scenario, c);
    return row ? `${c} ${fmt(row.median, 's')} s (${fmtRatio(ratioOf(row.median, ours.median))})` : `${c} —`;
  });
  return `${label}: ours ${fmt(ours.median, 's')} s, ${parts.join(', ')}.`;
}

function freshSentence(results: Results, group: string): string {
  const cold = find(results, group, 'cold', 'ours');
  const fresh = find(results, group, 'fresh-edit', 'ours');
  if (!cold || !fresh) return '';
  const speedup = cold.median / fresh.median;
  const reran = find(results, group, 'fresh-edit', 'ours', 'steps re-run');
  const verdict = speedup >= 5 ? 'meets' : 'misses';
  return `Fresh runner with the registry cache after an edit: ours ${fmt(fresh.median, 's')} s, ${fmt(speedup, 'x')}× faster than no cache (${fmt(cold.median, 's')} s) — ${verdict} #17's 5× target; ${reran?.detail ?? ''}.${speedup < 5 ? ` ${fiveTimesBudget(results, group, cold.median)}` : ''}`;
}

/** Where a missed 5× goes: what 5× allows, the time spent fetching cached layers, the extraction and edit floors. */
function fiveTimesBudget(results: Results, group: string, cold: number): string {
  const fetched = find(results, group, 'fresh-edit', 'ours', FETCH_METRIC);
  const unpacked = find(results, group, 'fresh-edit', 'ours', EXTRACT_METRIC);
  const extraction = find(results, group, 'extraction-floor', 'host');
  const edit = find(results, group, 'edit-floor', 'host');
  const parts = [`5× would need ${fmt(cold / 5, 's')} s or less`];
  if (fetched)
    parts.push(
      `ours spent ${fmt(fetched.median, 's')} s of it with cached layers being fetched and extracted${unpacked ? ` (${fmt(unpacked.median, 's')} s unpacking ${unpacked.detail}, one after another in BuildKit's progress: a layer is unpacked on its parent)` : ''}`,
    );
  if (extraction && edit) {
    const floor = extraction.median + edit.median;
    parts.push(
      `extracting the image ours' build stage starts from (${fmt(extraction.median, 's')} s) plus the host compile (${fmt(edit.median, 's')} s) is ${fmt(floor, 's')} s, a floor under ours' fresh-runner edit on this machine: at most ${fmt(cold / floor, 'x')}× faster than its no-cache build`,
    );
  }
  return `${parts.join('; ')}.`;
}

function siblingSentence(results: Results, group: string, competitors: string[]): string {
  const steps = (v: string) => find(results, group, 'sibling-dependency', v, 'steps re-run');
  const ours = steps('ours');
  if (!ours) return '';
  const others = competitors.map((c) => (steps(c) ? `${c} ${fmt(steps(c)!.median, 'steps')}` : `${c} —`)).join(', ');
  return `A dependency added to the sibling project: ours re-ran ${fmt(ours.median, 'steps')} step(s) (${ours.detail ?? ''}); ${others}.`;
}

function sizeSentence(results: Results, group: string, competitors: string[]): string {
  const ours = find(results, group, 'size', 'ours', 'image MB');
  if (!ours) return '';
  const parts = competitors.map((c) => {
    const row = find(results, group, 'size', c, 'image MB');
    return row ? `${c} ${fmt(row.median, 'MB')} MB (${fmtRatio(ratioOf(row.median, ours.median))})` : `${c} —`;
  });
  return `Image: ours ${fmt(ours.median, 'MB')} MB, ${parts.join(', ')}.`;
}

export function workloadFinding(results: Results, group: string, competitors: string[]): string {
  const out = [
    sentence(results, group, 'cold', 'Cold', competitors),
    sentence(results, group, 'warm-edit', 'One-line edit on a warm builder', competitors),
    freshSentence(results, group),
    sentence(
      results,
      group,
      'fresh-edit',
      'Fresh runner + registry cache after an edit, vs competitors with the same cache',
      competitors,
    ),
    siblingSentence(results, group, competitors),
    sizeSentence(results, group, competitors),
  ];
  const oursCold = find(results, group, 'cold', 'ours');
  for (const c of competitors) {
    const other = find(results, group, 'cold', c);
    if (oursCold && other && other.median < oursCold.median * 0.95) out.push(coldExplanation(results, group, c));
  }
  for (const scenario of ['warm-edit', 'fresh-edit', 'fresh-noedit', 'sibling-dependency']) {
    const ours = find(results, group, scenario, 'ours');
    for (const c of competitors) {
      const other = find(results, group, scenario, c);
      if (ours && other && other.median < ours.median * 0.95)
        out.push(
          `**Not ahead:** ${scenario}: ${c} ${fmt(other.median, 's')} s vs ours ${fmt(ours.median, 's')} s; ours' costliest steps there: ${topSteps(ours.steps) || '—'}.`,
        );
    }
  }
  return out.filter(Boolean).join(' ');
}
