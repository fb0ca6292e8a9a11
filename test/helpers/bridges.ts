import type { CellStatus } from "../../src/stats/suppress.js";

/**
 * The hidden entries that lie on no cycle of hidden entries (rows and columns of the grid as nodes, hidden
 * entries as edges), found without the low-link search the implementation uses: take a breadth-first
 * spanning forest, then mark the tree path that each edge outside the forest closes into a cycle; the
 * unmarked tree edges are the bridges. Linear enough for thousands of groups.
 */
export function bridges(statuses: readonly (readonly CellStatus[])[]): string[] {
  const height = statuses.length;
  const width = statuses[0]?.length ?? 0;
  const nodes = height + width;
  const adjacent: [number, number][][] = Array.from({ length: nodes }, () => []);
  const edges: [number, number][] = [];
  statuses.forEach((row, i) =>
    row.forEach((status, j) => {
      if (status === "shown") return;
      const index = edges.push([i, height + j]) - 1;
      adjacent[i]!.push([height + j, index]);
      adjacent[height + j]!.push([i, index]);
    }),
  );
  const depth = new Array<number>(nodes).fill(-1);
  const up = new Array<[number, number] | undefined>(nodes);
  const tree = new Set<number>();
  for (let origin = 0; origin < nodes; origin++) {
    if (depth[origin] !== -1) continue;
    depth[origin] = 0;
    for (let queue = [origin], at = 0; at < queue.length; at++) {
      const node = queue[at]!;
      for (const [next, index] of adjacent[node]!) {
        if (depth[next] !== -1) continue;
        depth[next] = depth[node]! + 1;
        up[next] = [node, index];
        tree.add(index);
        queue.push(next);
      }
    }
  }
  const onCycle = new Set<number>();
  edges.forEach(([a, b], index) => {
    if (tree.has(index)) return;
    onCycle.add(index);
    for (let [x, y] = [a, b]; x !== y; ) {
      if (depth[x]! < depth[y]!) [x, y] = [y, x];
      const [parent, edge] = up[x]!;
      onCycle.add(edge);
      x = parent;
    }
  });
  return edges.flatMap(([i, column], index) => (onCycle.has(index) ? [] : [`r${i}c${column - height}`]));
}
