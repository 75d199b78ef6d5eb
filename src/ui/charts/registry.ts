/**
 * Chart renderers by chart type. An ECharts renderer turns a chart value into ECharts options
 * (pure function); a React renderer draws cards or custom layouts. Add a chart type with one file
 * here and one line in RENDERERS.
 */
import type { ComponentType } from 'react';
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from '../../core/contract/chart';
import type { Lang } from '../../core/contract/i18n';
import { barOption, histogramOption, heatmapOption, lineOption, scatterOption } from './basic';
import { DendrogramView } from './dendrogram';
import { PersonasView } from './personas';
import { JourneyMap } from './journey';
import { funnelOption, sankeyOption } from './journey-charts';
import { calibrationOption, rocOption } from './model';
import { networkOption } from './network';
import { silhouetteOption } from './silhouette';
import { trendOption } from './trend';

export type Renderer =
  | { type: 'echarts'; option: (spec: ChartSpec, lang: Lang) => EChartsOption }
  | { type: 'react'; Component: ComponentType<{ spec: ChartSpec; lang: Lang }> };

export const RENDERERS: Record<string, Renderer> = {
  bar: { type: 'echarts', option: barOption },
  histogram: { type: 'echarts', option: histogramOption },
  scatter: { type: 'echarts', option: scatterOption },
  heatmap: { type: 'echarts', option: heatmapOption },
  line: { type: 'echarts', option: lineOption },
  personas: { type: 'react', Component: PersonasView },
  dendrogram: { type: 'react', Component: DendrogramView },
  journey: { type: 'react', Component: JourneyMap },
  sankey: { type: 'echarts', option: sankeyOption },
  funnel: { type: 'echarts', option: funnelOption },
  silhouette: { type: 'echarts', option: silhouetteOption },
  network: { type: 'echarts', option: networkOption },
  trend: { type: 'echarts', option: trendOption },
  roc: { type: 'echarts', option: rocOption },
  calibration: { type: 'echarts', option: calibrationOption },
};
