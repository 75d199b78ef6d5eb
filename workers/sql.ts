/**
 * Running nodes through their SQL form (`NodeDef.sql`) on a SQL engine (DuckDB in the CLI; the
 * same interface fits duckdb-wasm in the browser worker). Consecutive SQL nodes are chained as
 * views: a node's output stays a view while every node that reads it has a SQL form too, and
 * becomes Arrow rows only where a TypeScript node, or the user, needs them. The executor calls
 * `SqlSteps` and otherwise works as it does with Arrow tables; no engine is imported here.
 */
import type { Table } from 'apache-arrow';
import { type ErrorCode, NodeError } from '../src/core/contract/errors';
import type { Text } from '../src/core/contract/i18n';
import type { NodeDef, PortValue, SqlColumn, SqlInput } from '../src/core/contract/node';
import { ident } from '../src/core/sql/quote';
import { isTable } from '../src/core/table/table';
import type { FileSource } from './files';

/** A SQL engine the executor can hand relations to. */
export interface SqlBackend {
  /** Creates (or replaces) the view `name` as `sql`; returns its columns. Throws on a SQL error. */
  define(name: string, sql: string): Promise<SqlColumn[]>;
  /** Creates (or replaces) the table `name` as the rows of `sql` (computed once); returns its columns. */
  store(name: string, sql: string): Promise<SqlColumn[]>;
  /** The single value of a scalar query (a list comes back as an array). */
  value(sql: string): Promise<unknown>;
  /** Every row of the view `name` as an Arrow table. */
  materialize(name: string, signal: AbortSignal): Promise<Table>;
  /** Makes an Arrow table (from a TypeScript node) readable as the relation `name`; returns its columns. */
  register(name: string, table: Table): Promise<SqlColumn[]>;
  /** A SQL engine's error, in words for the analyst (out of memory, a damaged file…), with its code. */
  describe(error: unknown): { code: ErrorCode; message: Text };
}

/** Where an input of a node comes from: the producer's output key (`HASH.PORT`) and its Arrow value, if it has one. */
export interface InputRef {
  key: string;
  /** Who produced it, for messages. */
  node: string;
  value?: PortValue;
}

/** The SQL step of one node: its outputs, or null when the node has no SQL form for these params and inputs. */
export interface SqlResult {
  outputs: Record<string, PortValue>;
  /** True when `out` was kept as a view (no Arrow rows yet). */
  view: boolean;
}

/** How many times a node's `facts` may ask follow-up queries (a sample first, then a full scan). */
const MAX_FACT_ROUNDS = 4;

const viewName = (key: string) => `af_${key.replace(/[^A-Za-z0-9]/g, '_').slice(0, 40)}`;

export class SqlSteps {
  /** Output key (`HASH.PORT`) → the view holding it. */
  private readonly views = new Map<string, SqlInput>();
  /** Output key → its rows once materialised. */
  private readonly rows = new Map<string, Table>();

  constructor(
    private readonly backend: SqlBackend,
    private readonly files: FileSource,
  ) {}

  /** Whether the output with this key exists only as a view. */
  isView(key: string): boolean {
    return this.views.has(key) && !this.rows.has(key);
  }

  /** The rows of an input that exists only as a view (a TypeScript node needs them). */
  async table(ref: InputRef, signal: AbortSignal): Promise<Table> {
    const done = this.rows.get(ref.key);
    if (done) return done;
    const view = this.views.get(ref.key)!;
    try {
      const table = await this.backend.materialize(view.relation, signal);
      this.rows.set(ref.key, table);
      return table;
    } catch (error) {
      throw this.failure(error, ref.node);
    }
  }

  /**
   * Runs the node's SQL: builds it from the params and the input relations (Arrow inputs are
   * registered first), defines it as a view, and reads its rows when `materialise` says they are
   * needed. Returns null when the node has no SQL form for these params or input types.
   */
  async run(
    def: NodeDef,
    params: Record<string, unknown>,
    refs: Record<string, InputRef>,
    outKey: string,
    materialise: boolean,
    signal: AbortSignal,
  ): Promise<SqlResult | null> {
    if (!def.sql || def.outputs.length !== 1 || def.outputs[0].name !== 'out') return null;
    const inputs: Record<string, SqlInput | undefined> = {};
    for (const [port, ref] of Object.entries(refs)) {
      const view = this.views.get(ref.key);
      if (view) inputs[port] = view;
      else if (ref.value && isTable(ref.value)) {
        const name = viewName(`in_${ref.key}`);
        try {
          const columns = await this.backend.register(name, ref.value);
          inputs[port] = { relation: ident(name), columns };
          this.views.set(ref.key, inputs[port]);
          this.rows.set(ref.key, ref.value);
        } catch {
          return null; // a table DuckDB cannot take (nested values…): the TypeScript node runs
        }
      } else return null;
    }
    const files: Record<string, string> = {};
    for (const file of def.files?.(params as never) ?? []) {
      if (!this.files.localPath) return null;
      files[file] = await this.files.localPath(file);
    }
    const sql = def.sql;
    let text: string | null;
    try {
      // Facts asked of the inputs, the stage (one stored pass), then facts asked of the stage.
      const facts: Record<string, unknown> = {};
      let stage: string | undefined;
      const ask = async () => {
        for (let round = 0; round < MAX_FACT_ROUNDS; round++) {
          const asked = Object.entries(sql.facts?.(params as never, { inputs, files, facts, stage }) ?? {}).filter(
            ([name]) => !(name in facts),
          );
          if (!asked.length) break;
          for (const [name, query] of asked) facts[name] = await this.backend.value(query);
        }
      };
      await ask();
      const staged = sql.stage?.(params as never, { inputs, files, facts }) ?? null;
      if (staged !== null) {
        const name = viewName(`stage_${outKey}`);
        await this.backend.store(name, staged);
        stage = ident(name);
        await ask();
      }
      text = sql.build(params as never, { inputs, files, facts, stage });
    } catch (error) {
      if (error instanceof NodeError) throw error;
      throw this.failure(error);
    }
    if (text === null) return null;
    const name = viewName(outKey);
    let columns: SqlColumn[];
    try {
      columns = await this.backend.define(name, text);
    } catch (error) {
      throw this.failure(error);
    }
    const view = { relation: ident(name), columns };
    this.views.set(outKey, view);
    if (!materialise) return { outputs: {}, view: true };
    const table = await this.table({ key: outKey, node: '' }, signal);
    return { outputs: { out: table }, view: false };
  }

  /** A SQL engine's error as a node's message; `from` names the node whose view failed, when it is another. */
  private failure(error: unknown, from?: string): NodeError {
    const { code, message } = this.backend.describe(error);
    return new NodeError(
      from
        ? {
            en: `The rows of "${from}" could not be computed by DuckDB: ${message.en}`,
            vi: `DuckDB không tính được các dòng của "${from}": ${message.vi}`,
          }
        : message,
      code,
    );
  }
}
