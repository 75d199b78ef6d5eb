/**
 * Chart values: what `view.*` nodes output on a `chart` port. Plain JSON (small: summaries, never
 * the raw rows), rendered by the page (src/ui/charts). Each chart type has its own shape.
 */
import type { Text } from './i18n';

export interface ChartBase {
  kind: 'chart';
  /** Which renderer draws it: see src/ui/charts/registry.ts. */
  chart: string;
  title?: Text;
}

/** Bars per category, one or more series. */
export interface BarChart extends ChartBase {
  chart: 'bar';
  categories: string[];
  series: { name: string; values: number[] }[];
  xLabel?: string;
  yLabel?: string;
  horizontal?: boolean;
}

/** Counts per bin of a numeric column. */
export interface HistogramChart extends ChartBase {
  chart: 'histogram';
  column: string;
  bins: { from: number; to: number; count: number }[];
}

/** Points coloured by group (e.g. PCA of users coloured by segment). */
export interface ScatterChart extends ChartBase {
  chart: 'scatter';
  x: number[];
  y: number[];
  /** Index into `groups` for each point (or empty for one colour). */
  group: number[];
  groups: string[];
  xLabel?: string;
  yLabel?: string;
}

/** A value per (row, column) cell, e.g. stage × sentiment or segment × feature lift. */
export interface HeatmapChart extends ChartBase {
  chart: 'heatmap';
  rows: string[];
  cols: string[];
  values: number[][];
  /** Row names as shown, per language (rows stay the keys); without it, `rows` as they are. */
  rowLabels?: Text[];
  /** How to print values: plain numbers, shares as %, or lifts as ×. */
  format?: 'number' | 'percent' | 'lift';
}

/** A line over x values, e.g. inertia or silhouette per k. */
export interface LineChart extends ChartBase {
  chart: 'line';
  x: number[];
  series: { name: string; values: number[] }[];
  xLabel?: string;
  yLabel?: string;
  /** x value to mark (e.g. the chosen k). */
  mark?: number;
}

export type ChartSpec =
  | BarChart
  | HistogramChart
  | ScatterChart
  | HeatmapChart
  | LineChart
  | DendrogramChart
  | PersonasChart
  | SilhouetteChart
  | SankeyChart
  | FunnelChart
  | JourneyMapChart
  | NetworkChart
  | TrendChart
  | RocChart
  | CalibrationChart
  | (ChartBase & Record<string, unknown>);

/** The top merges of a hierarchical clustering: leaves 0..L-1 (`labels`), merge j makes node L + j. */
export interface DendrogramChart extends ChartBase {
  chart: 'dendrogram';
  /** [a, b, height, size] per merge, lowest first. */
  merges: [number, number, number, number][];
  labels: string[];
  /** Segment of every leaf (for colour). */
  leafSegment?: number[];
  /** Height where the tree was cut into segments. */
  cut?: number;
}

/** One card per segment: persona name and sentence, size, strongest traits, over-represented values. */
export interface PersonasChart extends ChartBase {
  chart: 'personas';
  cards: {
    segment: number;
    size: number;
    share: number;
    name: Text;
    sentence: Text;
    traits: { feature: string; lift: number | null; mean: number; z?: number }[];
    top: string[];
  }[];
}

/** Silhouette of every (sampled) row, grouped by segment: how well each row sits in its segment (−1..1). */
export interface SilhouetteChart extends ChartBase {
  chart: 'silhouette';
  /** One entry per segment, its rows' silhouettes sorted descending, and their mean. */
  segments: { segment: string; values: number[]; mean: number }[];
  /** Mean silhouette over all scored rows. */
  mean: number;
}

// The journey nodes' charts.

/** Step-by-step flows between stages; one node per (step, stage) so there are no cycles. */
export interface SankeyChart extends ChartBase {
  chart: 'sankey';
  /** `merged`: the last column, where paths longer than the shown steps end. */
  nodes: { name: string; stage: string; step: number; label: Text; value: number; merged?: boolean }[];
  links: { source: string; target: string; value: number }[];
}

/**
 * People reaching each funnel stage, in order: `value` as the funnel table's `users` (reach),
 * `share` its `share_of_users`, `conversion` its `conversion`; `note` says what they mean.
 */
export interface FunnelChart extends ChartBase {
  chart: 'funnel';
  stages: { name: string; label?: Text; value: number; share?: number | null; conversion?: number | null }[];
  note?: Text;
}

/** The journey map: stages left to right with volume, sentiment and pain points. */
export interface JourneyMapChart extends ChartBase {
  chart: 'journey';
  stages: {
    stage: string;
    label: Text;
    volume: number;
    share: number;
    /** Mean sentiment in [-1, 1] and share of negative comments; null without sentiment. */
    sentiment: number | null;
    negative: number | null;
    pains: { term: string; count: number }[];
    momentOfTruth: boolean;
  }[];
  none: { volume: number; share: number };
}

/** The chart value of an interaction graph: positioned people (by PageRank) and their edges. */
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

/** Rows per time bin with the moving baseline, and the spikes found in it. */
export interface TrendChart extends ChartBase {
  chart: 'trend';
  /** Each bin's start, as text ('2021-03-01', or '2021-03-01 14:00' for hours). */
  x: string[];
  volume: number[];
  /** The baseline (moving median) per bin; null where the baseline is too short. */
  expected: (number | null)[];
  /** Spikes by bin index (inclusive), with their strongest z-score and emerging terms. */
  spikes: { from: number; to: number; volume: number; z: number; terms: string[] }[];
  unit: 'hour' | 'day' | 'week';
}

// The prediction models' charts.

/**
 * ROC curve of out-of-fold scores: the share of yes rows found (true-positive rate) against the
 * share of no rows wrongly flagged (false-positive rate), as the cut is lowered; the renderer adds
 * the random diagonal.
 */
export interface RocChart extends ChartBase {
  chart: 'roc';
  /** [false-positive rate, true-positive rate] from (0, 0) to (1, 1). */
  points: [number, number][];
  auc: number;
  /** What "yes" is, e.g. "Revenue = true". */
  positive: string;
}

/** Reliability diagram: per score bin, the mean score against the observed share of yes, and the rows in it. */
export interface CalibrationChart extends ChartBase {
  chart: 'calibration';
  bins: { from: number; to: number; predicted: number; observed: number; count: number }[];
  positive: string;
}
