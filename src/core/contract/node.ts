import type { Table } from 'apache-arrow';
import type { z } from 'zod';
import type { ChartSpec } from './chart';
import type { Helpers } from './helpers';
import type { Text } from './i18n';
import type { When } from './when';

/** What travels along an edge. Tables are Arrow tables; models and charts are plain JSON. */
export type PortKind = 'table' | 'model' | 'chart';

export type Category = 'ingest' | 'clean' | 'feature' | 'cluster' | 'text' | 'journey' | 'network' | 'model' | 'view' | 'export';
export const CATEGORIES: Category[] = ['ingest', 'clean', 'feature', 'cluster', 'text', 'journey', 'network', 'model', 'view', 'export'];

/** A named input or output of a node type. `N` and `K` keep the name and kind for typed `run`s. */
export interface PortSpec<N extends string = string, K extends PortKind = PortKind> {
  name: N;
  kind: K;
  title: Text;
  /** An optional input may stay unconnected. Outputs ignore it. */
  optional?: boolean;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A trained model on a `model` port: versioned JSON (weights, vocabulary, thresholds…), never
 * code, so it can be saved, shared and loaded back safely. `format` names the model family
 * (e.g. `classifier.nb`); `version` is that format's version, bumped when its fields change.
 */
export interface Model {
  kind: 'model';
  format: string;
  version: number;
  [key: string]: Json | undefined;
}

/** A chart value (see chart.ts): JSON with `kind: 'chart'`. */
export type Chart = ChartSpec;

/** A chart or model value: plain JSON with a `kind`. */
export type JsonValue = Chart | Model;
/** What travels along an edge. */
export type PortValue = Table | Chart | Model;

/** The value type of a port kind. */
export interface PortValues {
  table: Table;
  chart: Chart;
  model: Model;
}

/** The inputs a `run` receives for declared input ports (an unconnected input is undefined). */
export type InputsOf<I extends readonly PortSpec[]> = { [N in I[number]['name']]?: PortValues[Extract<I[number], { name: N }>['kind']] };
/** The outputs a `run` returns for declared output ports: one value per port, of its kind. */
export type OutputsOf<O extends readonly PortSpec[]> = { [N in O[number]['name']]: PortValues[Extract<O[number], { name: N }>['kind']] };

/** What a node's `run` may use besides its inputs and params. */
export interface RunContext {
  /**
   * Reports progress (0–1) with an optional message in both languages (the page shows it in its
   * own); rejects with CancelledError once cancelled. Await it in loops.
   */
  progress(fraction: number, message?: Text): Promise<void>;
  /** Aborted when the user cancels the run. */
  signal: AbortSignal;
  /** Seeded uniform random numbers in [0, 1); the seed comes from the node's `seed` param (or its id). */
  random(): number;
  /** Reads a user file named by a param (in the browser: a dropped file kept in IndexedDB). */
  readFile(path: string): Promise<Uint8Array>;
  /** Adds a warning shown on the node: something the analyst should check, that is not an error. */
  warn(message: Text): void;
  /**
   * Adds a plain piece of information shown on the node ("Kept 7,004 of 20,000 rows"), drawn more
   * calmly than a warning. Optional for hosts: without it, infos are shown as warnings.
   */
  info?(message: Text): void;
  /** Helper threads for work split by rows, when the host has them (same results without). */
  helpers?: Helpers;
}

/**
 * How a node's work splits over partitions of its input rows (for engines that split tables:
 * DuckDB's threads today, a Dask cluster later). `rows`: any partition alone (filter, clean, text,
 * journey stage); `{ key: PARAM }`: all rows sharing the value of the column named by that param
 * must be together (per-user features: shuffle by that column first); `reduce`: partial results
 * per partition are combined (k-means block sums, counts); `whole`: needs every row at once.
 */
export type ScaleRule = 'rows' | { key: string } | 'reduce' | 'whole';

/** A column of a SQL relation: its name, its kind in our terms and DuckDB's type name. */
export interface SqlColumn {
  name: string;
  kind: 'number' | 'string' | 'boolean' | 'date' | 'other';
  sqlType: string;
}

/** An input of a node as a SQL relation: a quoted name usable after FROM, and its columns. */
export interface SqlInput {
  relation: string;
  columns: SqlColumn[];
}

/** What a node's SQL is built from besides its params. */
export interface SqlContext {
  /** The connected table inputs, as relations. */
  inputs: Record<string, SqlInput | undefined>;
  /** Each file of `files(params)` → the path the SQL engine reads it by (already checked by the host). */
  files: Record<string, string>;
  /** The answers to the node's `facts` queries, by name (JS values: numbers, strings, lists). */
  facts: Record<string, unknown>;
  /** The table `stage` made (a quoted name usable after FROM), when the node has a stage. */
  stage?: string;
}

/**
 * The SQL form of a node, beside its `run`: same params, same results. `build` is pure: SQL text
 * from params, input relations and facts; every identifier goes through `ident` and every value
 * through `sqlString`/`sqlNumber` (src/core/sql/quote.ts), never pasted in. It returns null when
 * these params or input types have no exact SQL form; the engine then runs `run` on Arrow rows.
 */
export interface NodeSql<P> {
  /**
   * One query over the inputs that the engine stores as a table, once, after the first `facts`
   * and before `build` (`ctx.stage` names it): the node's one pass over big inputs (e.g. per-user
   * partial counts), so that later facts and the final query read the small stored result instead
   * of rescanning a file. Null: no stage for these params.
   */
  stage?(params: P, ctx: Omit<SqlContext, 'stage'>): string | null;
  /**
   * Scalar queries whose answers the SQL depends on (e.g. the distinct values of a type column
   * that become `n_…` columns); each returns one value. Asked in rounds until no new name comes
   * back: `ctx.facts` holds the answers so far (so a cheap query on a sample can decide whether a
   * full scan is needed at all), first without `ctx.stage`, then again once the stage is stored.
   */
  facts?(params: P, ctx: SqlContext): Record<string, string>;
  build(params: P, ctx: SqlContext): string | null;
}

/**
 * The declaration of one node type: metadata, ports, params and a pure `run`. The port lists type
 * `run`: an input declared as a table arrives as a `Table`, a chart output must be a `Chart`.
 */
export interface NodeDef<
  S extends z.ZodObject = z.ZodObject,
  I extends readonly PortSpec[] = readonly PortSpec[],
  O extends readonly PortSpec[] = readonly PortSpec[],
> {
  /** Stable id, e.g. `cluster.kmeans`. */
  type: string;
  /** Bump when the outputs for the same inputs and params change; invalidates caches. */
  version: number;
  category: Category;
  title: Text;
  description: Text;
  inputs: I;
  outputs: O;
  /** Params with defaults and `.meta()` that drive the inspector form. */
  params: S;
  /** Files the node reads for given params; their size and date join the cache key. */
  files?(params: z.output<S>): string[];
  /**
   * Before a run (validation on open): the most rows its main output can have, given its params and
   * the most rows of each input (null when unknown). Left out when it cannot be told.
   */
  maxRows?(params: z.output<S>, inputRows: (number | null)[]): number | null;
  /** Before a run: why its settings cannot work with at most `inputRows` rows in, or null. */
  checkRows?(params: z.output<S>, inputRows: (number | null)[]): Text | null;
  /** Splits its work over `ctx.helpers`: the engine starts them when a run includes this node. */
  usesHelpers?: boolean;
  /** Computes the outputs. Never mutates its inputs. */
  run(inputs: InputsOf<NoInfer<I>>, params: z.output<S>, ctx: RunContext): Promise<OutputsOf<NoInfer<O>>>;
  /** The node's output `out` as a SQL relation (relational nodes), so a SQL engine can chain it. */
  sql?: NodeSql<NoInfer<z.output<S>>>;
  /** How the node splits over partitions of its input (default `whole`). */
  scale?: ScaleRule;
}

/**
 * Declares a node type. An identity function that keeps the params and port types for `run`;
 * its result is also a plain `NodeDef`, so registries and tests take it without a cast.
 */
export function defineNode<S extends z.ZodObject, const I extends readonly PortSpec[], const O extends readonly PortSpec[]>(
  def: NodeDef<S, I, O>,
): NodeDef<S, I, O> {
  return def;
}

/** The metadata a param may carry in `.meta()`; read by the inspector and the CLI. */
export interface ParamMeta {
  label?: Text;
  help?: Text;
  /** `column`/`columns`: pick from the table on input `port` (default `in`), optionally only of one type. */
  widget?: 'column' | 'columns' | 'text' | 'textarea' | 'file' | 'keyvalue' | 'slider' | 'conditions' | 'lexicon';
  /** `date`: every column is offered, those holding dates (or written dates) first. */
  columnType?: 'number' | 'string' | 'date' | 'any';
  port?: string;
  /** Labels for enum values, per language. */
  options?: Record<string, Text>;
  /** When the param applies (see when.ts); the form hides it otherwise and keeps its value. */
  when?: When;
  [key: string]: unknown;
}

declare module 'zod/v4/core' {
  interface GlobalMeta {
    label?: Text;
    help?: Text;
    widget?: ParamMeta['widget'];
    columnType?: ParamMeta['columnType'];
    port?: string;
    options?: Record<string, Text>;
    when?: When;
  }
}
