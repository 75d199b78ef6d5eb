/**
 * Draws a chart value: ECharts (loaded on demand) or a React renderer, by the value's chart type.
 * With `onExporter`, it also says how to save what it drew as PNG and SVG (see export/picture.ts).
 */
import { useEffect, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from '../../core/contract/chart';
import type { Lang } from '../../core/contract/i18n';
import type { Exporter } from '../export/ExportButtons';
import { dataUrlBlob, echartsSvg, elementSvg, svgToPng } from '../export/picture';
import { useT } from '../i18n';
import { RENDERERS } from './registry';

type OnExporter = (exporter: Exporter | null) => void;

export function ChartView({ spec, onExporter }: { spec: ChartSpec; onExporter?: OnExporter }) {
  const { lang } = useT();
  const renderer = RENDERERS[spec.chart];
  if (!renderer) return <p className="af-hint">Unknown chart type "{spec.chart}".</p>;
  if (renderer.type === 'react') return <ReactChart spec={spec} lang={lang} Component={renderer.Component} onExporter={onExporter} />;
  return <EChart spec={spec} option={renderer.option} lang={lang} onExporter={onExporter} />;
}

function ReactChart({
  spec,
  lang,
  Component,
  onExporter,
}: {
  spec: ChartSpec;
  lang: Lang;
  Component: Extract<(typeof RENDERERS)[string], { type: 'react' }>['Component'];
  onExporter?: OnExporter;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!onExporter) return;
    // The picture is of what the renderer drew (its root element, at its full height).
    const target = () => (ref.current?.firstElementChild as HTMLElement | null) ?? ref.current!;
    onExporter({
      svg: async () => elementSvg(target()).svg,
      png: async () => {
        const { svg, width, height } = elementSvg(target());
        return svgToPng(svg, width, height);
      },
    });
    return () => onExporter(null);
  }, [spec, lang, onExporter]);
  return (
    <div ref={ref} className="af-chart af-chart-react" data-testid="chart" data-chart={spec.chart}>
      <Component spec={spec} lang={lang} />
    </div>
  );
}

type Instance = {
  setOption: (o: unknown) => void;
  resize: () => void;
  dispose: () => void;
  getDataURL: (o: { type: 'png'; pixelRatio: number; backgroundColor: string }) => string;
};

function EChart({
  spec,
  option,
  lang,
  onExporter,
}: {
  spec: ChartSpec;
  option: (spec: ChartSpec, lang: Lang) => EChartsOption;
  lang: Lang;
  onExporter?: OnExporter;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: Instance | null = null;
    let observer: ResizeObserver | null = null;
    void import('echarts').then((echarts) => {
      if (disposed || !ref.current) return;
      chart = echarts.init(ref.current, undefined, { renderer: 'canvas' }) as unknown as Instance;
      const opts = option(spec, lang);
      chart.setOption(opts);
      observer = new ResizeObserver(() => chart?.resize());
      observer.observe(ref.current);
      setReady(true);
      onExporter?.({
        png: () => dataUrlBlob(chart!.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' })),
        // The same options drawn again by ECharts' SVG renderer, at the size shown.
        svg: () => echartsSvg(opts, ref.current?.clientWidth || 900, ref.current?.clientHeight || 420),
      });
    });
    return () => {
      disposed = true;
      onExporter?.(null);
      observer?.disconnect();
      chart?.dispose();
    };
  }, [spec, option, lang, onExporter]);
  return <div ref={ref} className="af-chart" data-testid="chart" data-chart={spec.chart} data-ready={ready ? 'yes' : 'no'} />;
}
