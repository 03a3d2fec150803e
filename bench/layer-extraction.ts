/**
 * What a fresh runner spends unpacking cached layers, read from BuildKit's rawjson progress: each
 * layer it fetches shows as a status `sha256:<blob>` (with `total` = compressed bytes) and, when
 * BuildKit unpacks it into a snapshot, a status `extracting sha256:<blob>` with its own
 * started/completed stamps (BuildKit's `pull` progress, util/pull/pullprogress). On the overlayfs
 * snapshotter a chain's layers are unpacked one after another, each on top of its parent.
 */
import { solveStatuses } from '../executors/docker-build/lib/parse-build-progress';

/** Layers unpacked during one build: `seconds` = union of their extraction spans, `bytes` = compressed size. */
export interface LayerExtraction {
  seconds: number;
  layers: number;
  bytes: number;
}

interface Status {
  id?: string;
  total?: number;
  started?: string;
  completed?: string;
}

/** Every status of the stream, latest fields merged per id. */
function statuses(rawjson: string): Map<string, Status> {
  const byId = new Map<string, Status>();
  for (const parsed of solveStatuses<{ statuses?: Status[] }>(rawjson)) {
    for (const s of parsed.statuses ?? []) {
      if (!s.id) continue;
      const known = byId.get(s.id) ?? {};
      byId.set(s.id, {
        id: s.id,
        total: s.total || known.total,
        started: known.started ?? s.started,
        completed: s.completed ?? known.completed,
      });
    }
  }
  return byId;
}

/** Seconds covered by at least one of `spans` ([start, end] in ms): parallel spans count once. */
export function unionSeconds(spans: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s > end) total += e - s;
    else if (e > end) total += e - end;
    end = Math.max(end, e);
  }
  return total / 1000;
}

/** The layers a build unpacked, their compressed bytes and the time spent unpacking them. */
export function layerExtractions(rawjson: string): LayerExtraction {
  const all = statuses(rawjson);
  const spans: [number, number][] = [];
  let bytes = 0;
  for (const [id, s] of all) {
    const blob = /^extracting (sha256:[0-9a-f]{64})$/.exec(id)?.[1];
    if (!blob || !s.started || !s.completed) continue;
    spans.push([Date.parse(s.started), Date.parse(s.completed)]);
    bytes += all.get(blob)?.total ?? 0;
  }
  return { seconds: unionSeconds(spans), layers: spans.length, bytes };
}
