import { parsePlainProgress, type TargetProgress } from './parse-plain-progress';

export interface BakeRound {
  exitCode: number;
  output: string;
  /** bake's --metadata-file, present only when every target of the round succeeded. */
  metadata?: Record<string, Record<string, unknown>>;
  seconds: number;
  /** The signal forwarded to bake (Ctrl-C, a CI cancel): no further rounds. */
  interrupted?: NodeJS.Signals;
  /** bake ran out of its time budget: no further rounds. */
  timedOut?: boolean;
}

export type RunBake = (targets: string[]) => Promise<BakeRound>;

export interface TargetOutcome {
  success: boolean;
  progress: TargetProgress;
  digest?: string;
  imageName?: string;
  /** Wall time of the round that decided this target. */
  seconds: number;
}

/**
 * Runs one bake for all targets. Bake cancels every other target when the first one fails,
 * so after a failed round the targets with their own errors are failed, and the rest run
 * again together (warm: their finished steps are cached). Each round removes at least one
 * target, so this ends; a failure no target owns (e.g. a broken bake file) fails them all.
 */
export async function runBakeRounds(targets: string[], runBake: RunBake): Promise<Record<string, TargetOutcome>> {
  const outcomes: Record<string, TargetOutcome> = {};
  let pending = [...targets];
  while (pending.length > 0) {
    const round = await runBake(pending);
    const progress = parsePlainProgress(round.output, pending);
    if (round.exitCode === 0) {
      for (const target of pending) outcomes[target] = succeeded(target, progress[target], round);
      return outcomes;
    }
    const failed = pending.filter((target) => progress[target].errors.length > 0);
    // Interrupted or timed out: every unfinished target fails now; re-running would ignore the stop.
    const stopped = round.interrupted !== undefined || round.timedOut === true;
    const blamed = failed.length > 0 && !stopped ? failed : pending;
    for (const target of blamed) {
      outcomes[target] = {
        success: false,
        progress: withFallbackError(progress[target], round.output),
        seconds: round.seconds,
      };
    }
    pending = pending.filter((target) => !blamed.includes(target));
  }
  return outcomes;
}

function succeeded(target: string, progress: TargetProgress, round: BakeRound): TargetOutcome {
  const metadata = round.metadata?.[target] ?? {};
  return {
    success: true,
    progress,
    digest: typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : undefined,
    imageName: typeof metadata['image.name'] === 'string' ? metadata['image.name'] : undefined,
    seconds: round.seconds,
  };
}

/** A failure bake reports outside any step (bad bake file, unknown builder) still needs a reason. */
function withFallbackError(progress: TargetProgress, output: string): TargetProgress {
  if (progress.errors.length > 0) return progress;
  const lastError = output
    .split('\n')
    .reverse()
    .find((line) => /^ERROR\b|error:/i.test(line.trim()));
  return { ...progress, errors: [lastError?.trim() ?? 'docker buildx bake failed (see its output above)'] };
}
