/**
 * The docs/BENCHMARKS.md section of scenario `monorepo`: one table (builder × command, each with its
 * floor), the all-N ÷ affected ratio on each builder, and findings in plain words computed from the
 * medians. Returns Markdown lines (none when the run has no monorepo rows).
 */
import type { Results, Row } from '../report';
import { AFFECTED, ALL } from './workspace';
import { ALL_COMMAND, SCENARIO, SUBJECT, variantName, type Command, type Kind, type Runner } from './scenario';

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

const commandLabel = (command: Command) =>
  command === 'nx affected' ? `\`nx affected\` (${AFFECTED.length})` : `all ${ALL.length} (\`run-many\`)`;

function tableLines(results: Results): string[] {
  const lines = [
    '| builder | command | seconds | floor: same, no edit (s) | × floor | Nx + bake alone: no edit, no registry cache (s) | steps run / cached | images built | n |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const runner of RUNNERS)
    for (const command of COMMANDS) {
      const edit = cell(results, variantName(runner, command));
      const floor = cell(results, variantName(runner, command, 'floor')).seconds?.median;
      const overhead = cell(results, variantName(runner, command, 'overhead')).seconds?.median;
      if (!edit.seconds) continue;
      lines.push(
        `| ${runner} | ${commandLabel(command)} | ${s(edit.seconds.median)} | ${s(floor)} | ${fx(x(edit.seconds.median, floor))} | ${s(overhead)} | ${edit.ran ?? '—'} / ${edit.cached ?? '—'} | ${edit.images ?? '—'} | ${edit.seconds.values.length} |`,
      );
      const pushed = cell(results, variantName(runner, command, 'pushed'));
      if (pushed.seconds)
        lines.push(
          `| ${runner} | ${commandLabel(command)}, \`--push\` | ${s(pushed.seconds.median)} | ${s(floor)} (not pushed) | ${fx(x(pushed.seconds.median, floor))} | — | ${pushed.ran ?? '—'} / ${pushed.cached ?? '—'} | ${pushed.images ?? '—'} | ${pushed.seconds.values.length} |`,
        );
    }
  return lines;
}

/** all-N ÷ affected on one builder (of the `pushed` runs when asked), with both medians. */
function ratioOf(
  results: Results,
  runner: Runner,
  kind: Kind = 'edit',
): { affected?: number; all?: number; ratio?: number } {
  const affected = cell(results, variantName(runner, 'nx affected', kind)).seconds?.median;
  const all = cell(results, variantName(runner, ALL_COMMAND, kind)).seconds?.median;
  return { affected, all, ratio: x(all, affected) };
}

/** One sentence per builder: how much affected saves, and whether the unaffected images cost steps or only checks. */
function ratioFinding(results: Results, runner: Runner): string | undefined {
  const { affected, all, ratio } = ratioOf(results, runner);
  if (ratio === undefined) return undefined;
  const n = ALL.length;
  const k = AFFECTED.length;
  const ranAffected = cell(results, variantName(runner, 'nx affected')).ran ?? 0;
  const ranAll = cell(results, variantName(runner, ALL_COMMAND)).ran ?? 0;
  const verdict =
    ratio >= 1.5
      ? `\`nx affected\` is **${ratio.toFixed(1)}× faster** than building all ${n}`
      : ratio >= 1.1
        ? `\`nx affected\` is only ${ratio.toFixed(2)}× faster than building all ${n}`
        : `\`nx affected\` saves **nothing measurable** over building all ${n} (${ratio.toFixed(2)}×)`;
  const why =
    ranAll <= ranAffected
      ? `all ${n} ran no more Dockerfile steps than the ${k} affected (${ranAll} vs ${ranAffected}): the ${n - k} unaffected images were all cache hits, so the difference is the fixed cost of each image (solving it, importing and exporting its registry cache): about ${s(((all ?? 0) - (affected ?? 0)) / (n - k))} s per unaffected image`
      : `all ${n} ran ${ranAll} Dockerfile steps against ${ranAffected}`;
  return `On a ${runner}, ${verdict} (${s(affected)} s vs ${s(all)} s): ${why}.`;
}

/** Edit vs its no-edit floor: is the time in the rebuilt steps or in what every run pays? */
function floorFinding(results: Results, runner: Runner, command: Command): string | undefined {
  const edit = cell(results, variantName(runner, command)).seconds?.median;
  const floor = cell(results, variantName(runner, command, 'floor')).seconds?.median;
  const overhead = cell(results, variantName(runner, command, 'overhead')).seconds?.median;
  if (edit === undefined || floor === undefined) return undefined;
  const what = `${runner}, ${commandLabel(command)}`;
  const split =
    overhead === undefined
      ? ''
      : ` Of that floor, ${s(overhead)} s is Nx and bake alone (no registry cache) and ${s(floor - overhead)} s the registry cache's import and export, which the executor does on every run.`;
  if (edit <= floor * 1.15)
    return `${what}: the edit costs nothing measurable above the floor (${s(edit)} s vs ${s(floor)} s with no edit): the time is what every run pays, not the rebuilt steps.${split}`;
  const ran = cell(results, variantName(runner, command)).ran ?? 0;
  return `${what}: ${s(edit)} s, ${s(floor)} s of it (${Math.round((100 * floor) / edit)}%) paid with no edit at all; the other ${s(edit - floor)} s is the ${ran} re-run steps plus run-to-run noise.${split}`;
}

/** What `--push` adds on a fresh runner, per command. */
function pushFinding(results: Results): string | undefined {
  const pushed = ratioOf(results, 'fresh runner', 'pushed');
  const plain = ratioOf(results, 'fresh runner');
  if (pushed.ratio === undefined || plain.affected === undefined || plain.all === undefined) return undefined;
  const added = [pushed.affected! - plain.affected, pushed.all! - plain.all];
  const free = added.every((d, i) => d <= 0.15 * [plain.affected!, plain.all!][i]);
  const what = `\`nx affected\` ${s(pushed.affected)} s vs all ${ALL.length} ${s(pushed.all)} s (${fx(pushed.ratio)})`;
  return free
    ? `Shipping the images (\`--push\`) from a fresh runner costs nothing measurable (${what}; ${s(added[0])} s and ${s(added[1])} s against the unpushed runs, within noise): the layers are already in each image's repository, where the registry cache put them.`
    : `Shipping the images (\`--push\`) from a fresh runner: ${what}; pushing adds ${s(added[0])} s and ${s(added[1])} s to the unpushed runs.`;
}

/** How far to trust a difference: repetitions per figure, and the widest spread among them when n > 1. */
function noiseFinding(results: Results): string {
  const rows = results.rows.filter((r) => r.scenario === SCENARIO && r.metric === 'seconds');
  const n = Math.min(...rows.map((r) => r.values.length));
  if (n < 2) {
    const pairs = RUNNERS.flatMap((runner) => COMMANDS.map((command) => [runner, command] as const));
    const median = (runner: Runner, command: Command, kind: Kind) =>
      cell(results, variantName(runner, command, kind)).seconds?.median ?? NaN;
    const inverted = pairs.filter(([r, c]) => median(r, c, 'floor') > median(r, c, 'edit')).length;
    const why = inverted ? ` (${inverted} of the ${pairs.length} no-edit floors came out above their edit run)` : '';
    return `One run per figure on a shared 2-core machine: read differences under about 20% as noise${why}.`;
  }
  const spread = Math.max(...rows.map((r) => Math.max(...r.values) / Math.min(...r.values) - 1));
  return `Medians of ${n}+ runs per figure; the widest run-to-run spread of one figure was ${Math.round(100 * spread)}%: read smaller differences as noise.`;
}

/** Plain-words findings from the medians. */
export function monorepoFindings(results: Results): string[] {
  const out = [noiseFinding(results), ...RUNNERS.map((runner) => ratioFinding(results, runner))];
  const fresh = ratioOf(results, 'fresh runner').affected;
  const warm = ratioOf(results, 'warm builder').affected;
  if (fresh !== undefined && warm !== undefined) {
    const ran = (runner: Runner) => cell(results, variantName(runner, 'nx affected')).ran ?? 0;
    const steps = `${ran('fresh runner')} steps run against the warm builder's ${ran('warm builder')}`;
    out.push(
      fresh <= warm * 1.15
        ? `With the registry cache, a fresh runner is **as fast as the warm builder** for the same \`nx affected\` (${s(fresh)} s vs ${s(warm)} s, ${steps}): it needs the cache's metadata, not the layers, to skip a step.`
        : `A fresh runner needs ${fx(x(fresh, warm))} the warm builder's time for the same \`nx affected\` (${s(fresh)} s vs ${s(warm)} s, ${steps}).`,
    );
  }
  out.push(pushFinding(results));
  for (const runner of RUNNERS) for (const command of COMMANDS) out.push(floorFinding(results, runner, command));
  return out.filter((line): line is string => line !== undefined);
}

/** The Markdown section for docs/BENCHMARKS.md. */
export function renderMonorepoSection(results: Results): string[] {
  if (!results.rows.some((r) => r.scenario === SCENARIO)) return [];
  const ratios = RUNNERS.map((runner) => {
    const { affected, all, ratio } = ratioOf(results, runner);
    return `${runner}: **${fx(ratio)}** (${s(all)} s ÷ ${s(affected)} s)`;
  });
  const pushed = ratioOf(results, 'fresh runner', 'pushed');
  if (pushed.ratio !== undefined)
    ratios.push(`fresh runner with \`--push\`: **${fx(pushed.ratio)}** (${s(pushed.all)} s ÷ ${s(pushed.affected)} s)`);
  return [
    `## Monorepo: \`nx affected\` (${AFFECTED.length} of ${ALL.length}) vs all ${ALL.length}, fresh runner and warm builder`,
    '',
    `bench/workloads/monorepo: an Nx workspace on npm workspaces with ${ALL.length} services (6 Fastify, 6 Express; each route uses a third-party package and workspace libraries) and 5 libraries: log and config used by all, money, geo and text by 3 services each. Dockerfiles and docker-bake.json from \`nx g nx-dockerize:dockerize\`; images built by the \`docker-build\` executor through the real Nx CLI with its registry cache (localhost:5000, one ref per image; cacheonly output, i.e. built, not pushed, unless the row says \`--push\`). main's build of all ${ALL.length} exported the cache first. Then, on a branch with one line appended to libs/money (used by ${AFFECTED.join(', ')}): \`nx affected -t docker-build\` and \`nx run-many -t docker-build\` (all ${ALL.length}), each on a **fresh runner** (a new empty BuildKit beside the lab's, same registry: \`lab.sh runner up\`) and on the **warm** lab builder; on a fresh runner also with \`--push\` (images tagged with the commit and pushed to the lab registry, as a CI that ships them would). The floor is the same command with no edit (on a branch of its own, so the same cache refs): on a fresh runner, importing the cache, solving and exporting it again; on the warm builder, the same with every step a local cache hit. On the warm builder, the same again with \`--cache=none\` gives what Nx and bake alone cost. Wall time of the whole Nx command.`,
    '',
    ...tableLines(results),
    '',
    `All ÷ affected: ${ratios.join('; ')}.`,
    '',
    ...monorepoFindings(results).map((line) => `- ${line}`),
    '',
  ];
}
