/** Draws a chart value: ECharts (loaded on demand) or a React renderer, by the value's chart type. */
import { useEffect, useRef, useState } from 'react';
import type { ChartSpec } from '../../core/contract/chart';
import { useT } from '../i18n';
import { RENDERERS } from './registry';

export function ChartView({ spec }: { spec: ChartSpec }) {
  const { lang } = useT();
  const renderer = RENDERERS[spec.chart];
  if (!renderer) return <p className="af-hint">Unknown chart type "{spec.chart}".</p>;
  if (renderer.type === 'react')
    return (
      <div className="af-chart af-chart-react" data-testid="chart" data-chart={spec.chart}>
        <renderer.Component spec={spec} lang={lang} />
      </div>
    );
  return <EChart spec={spec} option={renderer.option} lang={lang} />;
}

function EChart({
  spec,
  option,
  lang,
}: {
  spec: ChartSpec;
  option: (typeof RENDERERS)[string] extends infer R ? (R extends { option: infer O } ? O : never) : never;
  lang: 'en' | 'vi';
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption: (o: unknown) => void; resize: () => void; dispose: () => void } | null = null;
    let observer: ResizeObserver | null = null;
    void import('echarts').then((echarts) => {
      if (disposed || !ref.current) return;
      chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      chart.setOption(option(spec, lang));
      observer = new ResizeObserver(() => chart?.resize());
      observer.observe(ref.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [spec, option, lang]);
  return <div ref={ref} className="af-chart" data-testid="chart" data-chart={spec.chart} data-ready={ready ? 'yes' : 'no'} />;
}
