import type { Table } from 'apache-arrow';
import type { z } from 'zod';
import type { Helpers } from './helpers';
import type { Text } from './text';

/** What travels along an edge. Tables are Arrow tables; models and charts are plain JSON. */
export type PortKind = 'table' | 'model' | 'chart';

export type Category = 'ingest' | 'clean' | 'feature' | 'cluster' | 'text' | 'journey' | 'view' | 'export';
export const CATEGORIES: Category[] = ['ingest', 'clean', 'feature', 'cluster', 'text', 'journey', 'view', 'export'];

/** A named input or output of a node type. */
export interface PortSpec {
  name: string;
  kind: PortKind;
  title: Text;
  /** An optional input may stay unconnected. Outputs ignore it. */
  optional?: boolean;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A chart or model value: JSON with a `kind`. */
export type JsonValue = { kind: string; [key: string]: Json | undefined };
export type PortValue = Table | JsonValue;

/** What a node's `run` may use besides its inputs and params. */
export interface RunContext {
  /** Reports progress (0–1) with an optional message; rejects with CancelledError once cancelled. Await it in loops. */
  progress(fraction: number, message?: string): Promise<void>;
  /** Aborted when the user cancels the run. */
  signal: AbortSignal;
  /** Seeded uniform random numbers in [0, 1); the seed comes from the node's `seed` param (or its id). */
  random(): number;
  /** Reads a user file named by a param (in the browser: a dropped file kept in IndexedDB). */
  readFile(path: string): Promise<Uint8Array>;
  /** Adds a note shown on the node, for something the analyst should know that is not an error. */
  warn(message: string | Text): void;
  /** Helper threads for work split by rows, when the host has them (same results without). */
  helpers?: Helpers;
}

/** The declaration of one node type: metadata, ports, params and a pure `run`. */
export interface NodeDef<S extends z.ZodObject = z.ZodObject> {
  /** Stable id, e.g. `cluster.kmeans`. */
  type: string;
  /** Bump when the outputs for the same inputs and params change; invalidates caches. */
  version: number;
  category: Category;
  title: Text;
  description: Text;
  inputs: PortSpec[];
  outputs: PortSpec[];
  /** Params with defaults and `.meta()` that drive the inspector form. */
  params: S;
  /** Files the node reads for given params; their size and date join the cache key. */
  files?: (params: z.output<S>) => string[];
  /** Splits its work over `ctx.helpers`: the engine starts them when a run includes this node. */
  usesHelpers?: boolean;
  /** Computes the outputs. Never mutates its inputs. */
  run(inputs: Record<string, PortValue | undefined>, params: z.output<S>, ctx: RunContext): Promise<Record<string, PortValue>>;
}

/** Declares a node type (an identity function that keeps the params type). */
export function defineNode<S extends z.ZodObject>(def: NodeDef<S>): NodeDef<S> {
  return def;
}

/** The metadata a param may carry in `.meta()`; read by the inspector and the CLI. */
export interface ParamMeta {
  label?: Text;
  help?: Text;
  /** `column`/`columns`: pick from the table on input `port` (default `in`), optionally only of one type. */
  widget?: 'column' | 'columns' | 'text' | 'textarea' | 'file' | 'keyvalue' | 'slider' | 'conditions' | 'lexicon';
  columnType?: 'number' | 'string' | 'any';
  port?: string;
  /** Labels for enum values, per language. */
  options?: Record<string, Text>;
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
  }
}
