import type { GraphInput } from './detect-input';

/**
 * The workspace projects `project` depends on, transitively, as their roots (sorted, unique).
 * `npm:` targets are external packages and are not graph nodes, so they are skipped.
 */
export function detectClosure(graph: GraphInput, project: string): string[] {
  const seen = new Set<string>([project]);
  const queue = [project];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const { target } of graph.dependencies[next] ?? []) {
      if (seen.has(target) || !graph.nodes[target]) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  seen.delete(project);
  const roots = [...seen].map((name) => graph.nodes[name].data.root);
  return [...new Set(roots)].sort();
}
