/**
 * The parts every node declares the same way: ports and the common params. A node file then
 * holds only what is particular to it. Ports keep their name and kind in their type, so
 * `defineNode` types `run`: `inputs.in` is a `Table`, a chart output must be a `Chart`.
 */
import { z } from 'zod';
import type { ParamMeta, PortSpec, RunContext } from '../src/core/contract/node';
import type { Text } from '../src/core/contract/i18n';
import type { When } from '../src/core/contract/when';

const TABLE: Text = { en: 'Table', vi: 'Bảng' };

/** A table input, by default the main one, `in`. */
export function tableIn(title?: Text): PortSpec<'in', 'table'>;
export function tableIn<N extends string>(title: Text, name: N, options?: { optional?: boolean }): PortSpec<N, 'table'>;
export function tableIn(title: Text = TABLE, name = 'in', options: { optional?: boolean } = {}): PortSpec<string, 'table'> {
  return { name, kind: 'table', title, ...(options.optional ? { optional: true } : {}) };
}

/** A table output, by default the main one, `out`. */
export function tableOut(title?: Text): PortSpec<'out', 'table'>;
export function tableOut<N extends string>(title: Text, name: N): PortSpec<N, 'table'>;
export function tableOut(title: Text = TABLE, name = 'out'): PortSpec<string, 'table'> {
  return { name, kind: 'table', title };
}

/** A chart output, by default named `chart`. */
export function chartOut(title: Text): PortSpec<'chart', 'chart'>;
export function chartOut<N extends string>(title: Text, name: N): PortSpec<N, 'chart'>;
export function chartOut(title: Text, name = 'chart'): PortSpec<string, 'chart'> {
  return { name, kind: 'chart', title };
}

const MODEL: Text = { en: 'Model', vi: 'Mô hình' };

/**
 * A trained model output (versioned JSON, see `Model`), by default named `model`.
 * @public for the model nodes (trainers) that declare one
 */
export function modelOut(title?: Text): PortSpec<'model', 'model'>;
export function modelOut<N extends string>(title: Text, name: N): PortSpec<N, 'model'>;
export function modelOut(title: Text = MODEL, name = 'model'): PortSpec<string, 'model'> {
  return { name, kind: 'model', title };
}

/**
 * A trained model input, by default named `model`.
 * @public for the nodes that apply a trained model
 */
export function modelIn(title?: Text): PortSpec<'model', 'model'>;
export function modelIn<N extends string>(title: Text, name: N, options?: { optional?: boolean }): PortSpec<N, 'model'>;
export function modelIn(title: Text = MODEL, name = 'model', options: { optional?: boolean } = {}): PortSpec<string, 'model'> {
  return { name, kind: 'model', title, ...(options.optional ? { optional: true } : {}) };
}

type ColumnType = NonNullable<ParamMeta['columnType']>;

interface ColumnOptions<D> {
  help?: Text;
  /** The value before the analyst picks (column names of the usual input, or empty). */
  default?: D;
  /** The input whose columns are offered (default `in`). */
  port?: string;
  /** When the param applies (the form hides it otherwise). */
  when?: When;
}

const columnMeta = (widget: 'column' | 'columns', type: ColumnType, label: Text, o: ColumnOptions<unknown>) => ({
  label,
  ...(o.help ? { help: o.help } : {}),
  widget,
  columnType: type,
  ...(o.port ? { port: o.port } : {}),
  ...(o.when ? { when: o.when } : {}),
});

/** A list of columns of the input, picked in the inspector (only of `type` unless `any`). Empty by default. */
export function columnsParam(type: ColumnType, label: Text, options: ColumnOptions<string[]> = {}) {
  const fallback = options.default ?? [];
  return z
    .array(z.string())
    .default(() => [...fallback])
    .meta(columnMeta('columns', type, label, options));
}

/** One column of the input, picked in the inspector (only of `type` unless `any`). `''` (none) by default. */
export function columnParam(type: ColumnType, label: Text, options: ColumnOptions<string> = {}) {
  return z
    .string()
    .default(options.default ?? '')
    .meta(columnMeta('column', type, label, options));
}

/** The seed of a node's random choices: the same seed always gives the same result. */
export function seedParam(help: Text, options: { when?: When } = {}) {
  return z
    .number()
    .int()
    .default(42)
    .meta({ label: { en: 'Random seed', vi: 'Hạt giống ngẫu nhiên' }, help, ...(options.when ? { when: options.when } : {}) });
}

const LANGUAGE_OPTIONS = {
  en: { en: 'English', vi: 'Tiếng Anh' },
  vi: { en: 'Vietnamese', vi: 'Tiếng Việt' },
} as const;

/** The language of a text column: `auto` decides per row (or `any`, for entries that fit every language). */
export function languageParam<F extends 'auto' | 'any'>(first: F, firstLabel: Text, help?: Text) {
  const values: [F, 'en', 'vi'] = [first, 'en', 'vi'];
  return z
    .enum(values)
    .default(first as never)
    .meta({
      label: { en: 'Language', vi: 'Ngôn ngữ' },
      ...(help ? { help } : {}),
      options: { [first]: firstLabel, ...LANGUAGE_OPTIONS } as Record<F | 'en' | 'vi', Text>,
    });
}

/**
 * The outputs of a clustering node: the rows with their `segment`, the table of segments, and
 * the node's own chart (k-means scores, a dendrogram…).
 */
export function segmentOutputs<N extends string>(chart: Text, name: N) {
  return [
    tableOut({ en: 'Table with segment', vi: 'Bảng kèm phân khúc' }),
    tableOut({ en: 'Segments', vi: 'Các phân khúc' }, 'segments'),
    chartOut(chart, name),
  ] as const;
}

/** The numeric columns a clustering node groups rows by; empty = the shared numeric default. */
export function groupColumnsParam() {
  return columnsParam(
    'number',
    { en: 'Columns to group by', vi: 'Các cột dùng để phân nhóm' },
    {
      help: {
        en: 'Numeric columns that describe each row. Empty uses every numeric column except id-like and constant ones (the node says which it left out).',
        vi: 'Các cột số mô tả mỗi dòng. Để trống để dùng mọi cột số trừ các cột giống mã định danh và cột không đổi (nút sẽ nói cột nào bị bỏ ra).',
      },
    },
  );
}

/** How many words make a term (1, or 2 for word pairs too), for the nodes that count words. */
export function ngramsParam(fallback: 1 | 2, help?: Text) {
  return z
    .number()
    .int()
    .min(1)
    .max(2)
    .default(fallback)
    .meta({
      label: { en: 'Words per term', vi: 'Số từ mỗi cụm' },
      help: help ?? {
        en: '1: single words. 2: also pairs of words, which matter for Vietnamese ("giao hàng").',
        vi: '1: từng từ. 2: thêm cả cụm hai từ, quan trọng với tiếng Việt ("giao hàng").',
      },
    });
}

/** Says something plainly informative on the node ("Kept 7,004 of 20,000 rows"): an info where the host has it, else a note. */
export function inform(ctx: RunContext, message: Text): void {
  if (ctx.info) ctx.info(message);
  else ctx.warn(message);
}

/** The last progress message of a node that has nothing more particular to say. */
export const DONE: Text = { en: 'Done', vi: 'Xong' };
