/** Chart values of the journey nodes (see src/core/chart.ts for the common shape). */
import type { ChartBase } from '../chart';
import type { Text } from '../text';

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
    stage: string; label: Text; volume: number; share: number;
    /** Mean sentiment in [-1, 1] and share of negative comments; null without sentiment. */
    sentiment: number | null; negative: number | null;
    pains: { term: string; count: number }[];
    momentOfTruth: boolean;
  }[];
  none: { volume: number; share: number };
}
