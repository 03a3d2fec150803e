/**
 * The docs/BENCHMARKS.md section of scenario `monorepo`: one table (builder × command, each with its
 * floor), the all-N ÷ affected ratio on each builder, and findings in plain words computed from the
 * medians. Returns Markdown lines (none when the run has no monorepo rows).
 */
import type { Results, Row } from '../report';
import { AFFECTED, ALL } from './workspace';
import { ALL_COMMAND, SCENARIO, SUBJECT, variantName, type Command, type Runner } from './scenario';

interface Cell {
  seconds?: Row;
  ran?: number;
  cached?: number;
  images?: number;
}

const RUNNERS: Runner[] = ['fresh runner', 'warm builder'];
const COMMANDS: Command[] = ['nx affected', ALL_COMMAND];

function cell(results: Results, variant: string): Cell {
  const metric = (m: string) =>
    results.rows.find(
      (r) => r.scenario === SCENARIO && r.subject === SUBJECT && r.variant === variant && r.metric === m,
    );
  return {
    seconds: metric('seconds'),
    ran: metric('steps run')?.median,
    cached: metric('steps cached')?.median,
    images: metric('images built')?.median,
  };
}

const s = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(1));
const x = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !(b > 0) ? undefined : a / b;
const fx = (ratio: number | undefined) => (ratio === undefined ? '—' : `${ratio.toFixed(2)}×`);

function tableLines(results: Results): string[] {
  const lines = [
    '| builder | command | seconds | floor: same, no edit (s) | × floor | steps run / cached | images built | n |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const runner of RUNNERS)
    for (const command of COMMANDS) {
      const edit = cell(results, variantName(runner, command));
      const floor = cell(results, variantName(runner, command, true));
      if (!edit.seconds) continue;
      lines.push(
        `| ${runner} | ${command === 'nx affected' ? `\`nx affected\` (${AFFECTED.length})` : `all ${ALL.length} (\`run-many\`)`} | ${s(edit.seconds.median)} | ${s(floor.seconds?.median)} | ${fx(x(edit.seconds.median, floor.seconds?.median))} | ${edit.ran ?? '—'} / ${edit.cached ?? '—'} | ${edit.images ?? '—'} | ${edit.seconds.values.length} |`,
      );
    }
  return lines;
}

/** all-N ÷ affected on one builder, with both medians. */
function ratioOf(results: Results, runner: Runner): { affected?: number; all?: number; ratio?: number } {
  const affected = cell(results, variantName(runner, 'nx affected')).seconds?.median;
  const all = cell(results, variantName(runner, ALL_COMMAND)).seconds?.median;
  return { affected, all, ratio: x(all, affected) };
}

/** Plain-words findings from the medians. */
export function monorepoFindings(results: Results): string[] {
  const out: string[] = [];
  const k = AFFECTED.length;
  const n = ALL.length;
  for (const runner of RUNNERS) {
    const { affected, all, ratio } = ratioOf(results, runner);
    if (ratio === undefined) continue;
    const ranAffected = cell(results, variantName(runner, 'nx affected')).ran ?? 0;
    const ranAll = cell(results, variantName(runner, ALL_COMMAND)).ran ?? 0;
    const floorAll = cell(results, variantName(runner, ALL_COMMAND, true)).seconds?.median;
    const verdict =
      ratio >= 1.5
        ? `\`nx affected\` is **${ratio.toFixed(1)}× faster** than building all ${n}`
        : ratio >= 1.1
          ? `\`nx affected\` is only ${ratio.toFixed(2)}× faster than building all ${n}`
          : `\`nx affected\` saves **nothing measurable** over building all ${n} (${ratio.toFixed(2)}×)`;
    const why =
      ranAll <= ranAffected + 1
        ? `all ${n} re-ran no more steps than the ${k} affected (${ranAll} vs ${ranAffected}): the ${n - k} unaffected images were cache hits, so the difference is what confirming them costs${floorAll !== undefined ? ` (all ${n} with no edit at all: ${s(floorAll)} s)` : ''}`
        : `all ${n} re-ran ${ranAll} steps against ${ranAffected}`;
    out.push(`On a ${runner}, ${verdict} (${s(affected)} s vs ${s(all)} s): ${why}.`);
  }
  const fresh = ratioOf(results, 'fresh runner');
  const warm = ratioOf(results, 'warm builder');
  const floor = cell(results, variantName('fresh runner', 'nx affected', true)).seconds?.median;
  if (fresh.affected !== undefined && warm.affected !== undefined)
    out.push(
      `A fresh runner needs ${fx(x(fresh.affected, warm.affected))} the warm builder's time for the same \`nx affected\` (${s(fresh.affected)} s vs ${s(warm.affected)} s)${floor !== undefined ? `; ${s(floor)} s of it (${Math.round((100 * floor) / fresh.affected)}%) it pays with no edit at all, importing the registry cache of the ${k} images and solving them` : ''}.`,
    );
  return out;
}

/** The Markdown section for docs/BENCHMARKS.md. */
export function renderMonorepoSection(results: Results): string[] {
  if (!results.rows.some((r) => r.scenario === SCENARIO)) return [];
  const ratios = RUNNERS.map((runner) => {
    const { affected, all, ratio } = ratioOf(results, runner);
    return `${runner}: **${fx(ratio)}** (${s(all)} s ÷ ${s(affected)} s)`;
  });
  return [
    `## Monorepo: \`nx affected\` (${AFFECTED.length} of ${ALL.length}) vs all ${ALL.length}, fresh runner and warm builder`,
    '',
    `bench/workloads/monorepo: an Nx workspace on npm workspaces with ${ALL.length} services (6 Fastify, 6 Express; each route uses a third-party package and workspace libraries) and 5 libraries: log and config used by all, money, geo and text by 3 services each. Dockerfiles and docker-bake.json from \`nx g nx-dockerize:dockerize\`; images built by the \`docker-build\` executor through the real Nx CLI with its registry cache (localhost:5000, one ref per image, cacheonly output: built, not pushed). main's build of all ${ALL.length} exported the cache first. Then, on a branch with one line appended to libs/money (used by ${AFFECTED.join(', ')}): \`nx affected -t docker-build\` and \`nx run-many -t docker-build\` (all ${ALL.length}), each on a **fresh runner** (a new empty BuildKit beside the lab's, same registry: \`lab.sh runner up\`) and on the **warm** lab builder. The floor is the same command on main with no edit: on a fresh runner, importing the cache and solving; on the warm builder, Nx and bake overhead with every step cached. Wall time of the whole Nx command.`,
    '',
    ...tableLines(results),
    '',
    `All ÷ affected: ${ratios.join('; ')}.`,
    '',
    ...monorepoFindings(results).map((line) => `- ${line}`),
    '',
  ];
}
