/** The chart value of an interaction graph: positioned people (by PageRank) and their edges. */
import type { ChartBase } from '../chart';

export interface NetworkChart extends ChartBase {
  chart: 'network';
  nodes: { id: string; x: number; y: number; size: number; community: number; pagerank: number }[];
  /** Index pairs into `nodes`, with weights. */
  edges: [number, number, number][];
  /** Communities shown, by index: their number in the `nodes` table and their size. */
  communities: { community: number; size: number }[];
  /** People and edges not drawn (beyond the cap). */
  leftOutNodes: number;
  leftOutEdges: number;
}
