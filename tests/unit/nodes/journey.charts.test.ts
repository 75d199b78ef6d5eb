/** The journey charts on the page: ECharts options for sankey and funnel, the React journey map, all registered. */
import { tableFromArrays } from 'apache-arrow';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import mapNode from '../../../nodes/journey.map';
import pathsNode from '../../../nodes/journey.paths';
import type { ChartSpec } from '../../../src/core/contract/chart';
import { JourneyMap } from '../../../src/ui/charts/journey';
import { funnelOption, sankeyOption } from '../../../src/ui/charts/journey-charts';
import { RENDERERS } from '../../../src/ui/charts/registry';
import { runNode } from '../../helpers/run-node';

const T = (d: number) => `2026-03-0${d}T10:00:00`;
const staged = tableFromArrays({
  user_id: ['a', 'a', 'a', 'b', 'b'],
  timestamp: [T(1), T(2), T(3), T(1), T(2)],
  journey_stage: ['awareness', 'consideration', 'purchase', 'consideration', 'churn'],
  sentiment_score: Float64Array.from([0.5, 0.1, 0.6, 0, -0.8]),
  text: ['mới biết shop', 'giá sao', 'chốt đơn', 'ship bao lâu', 'hoàn tiền đi'],
});

describe('journey charts', () => {
  it('are registered: journey (React), sankey and funnel (ECharts)', () => {
    expect(RENDERERS.journey.type).toBe('react');
    expect(RENDERERS.sankey.type).toBe('echarts');
    expect(RENDERERS.funnel.type).toBe('echarts');
  });

  it('turn journey.paths charts into ECharts options with stage names in the chosen language', async () => {
    const { outputs } = await runNode(pathsNode, { in: staged });
    const sankey = sankeyOption(outputs.sankey as unknown as ChartSpec, 'vi') as {
      series: { type: string; data: { name: string; label: { formatter: string } }[]; links: unknown[] }[];
    };
    expect(sankey.series[0].type).toBe('sankey');
    expect(sankey.series[0].data.map((d) => d.label.formatter)).toEqual(['Nhận biết', 'Cân nhắc', 'Cân nhắc', 'Rời bỏ', 'Mua hàng']);
    expect(sankey.series[0].links).toHaveLength(3);
    const funnel = funnelOption(outputs.funnel_chart as unknown as ChartSpec, 'en') as {
      series: { type: string; sort: string; data: { name: string; value: number }[] }[];
    };
    expect(funnel.series[0]).toMatchObject({ type: 'funnel', sort: 'none' });
    expect(funnel.series[0].data.map((d) => [d.name, d.value])).toEqual([
      ['Awareness', 2],
      ['Consideration', 2],
      ['Purchase', 1],
      ['Experience', 0],
      ['Advocacy', 0],
    ]);
  });

  it('draws the journey map: stages left to right, sentiment, negative share and the moment of truth', async () => {
    const { outputs } = await runNode(mapNode, { in: staged });
    const html = renderToStaticMarkup(createElement(JourneyMap, { spec: outputs.map as unknown as ChartSpec, lang: 'vi' }));
    const order = ['awareness', 'consideration', 'purchase', 'experience', 'advocacy', 'churn'].map((s) =>
      html.indexOf(`journey-stage-${s}`),
    );
    expect(order.every((x, i) => x > 0 && (i === 0 || x > order[i - 1]))).toBe(true);
    expect(html).toContain('Rời bỏ');
    expect(html).toContain('Khoảnh khắc quyết định');
    // Vietnamese numbers: a true minus sign and a decimal comma.
    expect(html).toContain('−0,80');
    expect(html).toContain('Tiêu cực: <b>100%</b>');
  });
});
