/**
 * The DuckDB engine of the CLI (`--engine duckdb`): `@duckdb/node-api`, loaded only when a run
 * uses it. Nodes' SQL forms become views on one in-memory database; rows come back as Arrow
 * tables chunk by chunk (DuckDB's 2,048-row vectors), columns typed as the memory engine types
 * them: numbers as Float64 (whole 32-bit counts as Int32), text as Utf8, yes/no as Bool, dates and
 * times as Timestamp(ms). Anything else (lists, structs) comes back as text.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Bool, makeData, makeVector, Table, TimestampMillisecond, Vector } from 'apache-arrow';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { ErrorCode } from '../core/contract/errors';
import type { Text } from '../core/contract/i18n';
import type { SqlColumn } from '../core/contract/node';
import { writeParquet } from '../core/io/parquet';
import { utf8FromStrings } from '../core/sample/utf8';
import { ident, kindOfSqlType, sqlString } from '../core/sql/quote';
import { floatVector, tableOfNamed } from '../core/table/table';
import type { SqlBackend } from '../../workers/sql';

export interface DuckDbOptions {
  /** DuckDB's `memory_limit`, e.g. `4GB` (default: DuckDB's own, 80% of the memory). */
  memoryLimit?: string;
  /** DuckDB's threads (default: every core). */
  threads?: number;
}

export interface DuckDbEngine extends SqlBackend {
  close(): Promise<void>;
}

/** Opens an in-memory DuckDB database. Throws a plain message when the package is not installed. */
export async function openDuckDb(options: DuckDbOptions = {}): Promise<DuckDbEngine> {
  const api = await import('@duckdb/node-api');
  const config: Record<string, string> = {};
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.threads) config.threads = String(options.threads);
  let instance: DuckDBInstance;
  try {
    instance = await api.DuckDBInstance.create(':memory:', config);
  } catch (error) {
    throw new Error(describeDuckDb(error).message.en);
  }
  const connection = await instance.connect();
  // Times are wall-clock times as the memory engine reads them: no time-zone shift.
  await connection.run("SET TimeZone = 'UTC'").catch(() => {});
  const temp = await mkdtemp(path.join(tmpdir(), 'audience-flow-duckdb-'));
  let registered = 0;

  const columnsOf = async (relation: string): Promise<SqlColumn[]> => {
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
    return reader.getRowObjectsJS().map((row) => ({
      name: String(row.column_name),
      sqlType: String(row.column_type),
      kind: kindOfSqlType(String(row.column_type)),
    }));
  };

  return {
    async define(name, sql) {
      await connection.run(`CREATE OR REPLACE TEMP VIEW ${ident(name)} AS ${sql}`);
      return columnsOf(ident(name));
    },
    async store(name, sql) {
      await connection.run(`CREATE OR REPLACE TEMP TABLE ${ident(name)} AS ${sql}`);
      return columnsOf(ident(name));
    },
    async value(sql) {
      const reader = await connection.runAndReadAll(`SELECT (${sql}) AS value`);
      return reader.getRowsJS()[0]?.[0];
    },
    async materialize(relation, signal) {
      const stop = () => connection.interrupt();
      signal.addEventListener('abort', stop);
      try {
        return await readArrow(connection, relation, await columnsOf(relation));
      } finally {
        signal.removeEventListener('abort', stop);
      }
    },
    async register(name, table) {
      const file = path.join(temp, `t${registered++}.parquet`);
      await writeFile(file, await writeParquet(table));
      await connection.run(`CREATE OR REPLACE TEMP VIEW ${ident(name)} AS SELECT * FROM read_parquet(${sqlString(file)})`);
      return columnsOf(ident(name));
    },
    describe: describeDuckDb,
    async close() {
      connection.closeSync();
      instance.closeSync();
      await rm(temp, { recursive: true, force: true });
    },
  };
}

/** The rows of a relation as Arrow, read one DuckDB chunk at a time. */
async function readArrow(connection: DuckDBConnection, relation: string, columns: SqlColumn[]): Promise<Table> {
  const select = columns.map((c) => {
    const q = ident(c.name);
    if (c.kind === 'number') return /^(TINYINT|SMALLINT|INTEGER)$/i.test(c.sqlType) ? q : `CAST(${q} AS DOUBLE) AS ${q}`;
    if (c.kind === 'date') return `CAST(epoch_ms(CAST(${q} AS TIMESTAMP)) AS DOUBLE) AS ${q}`;
    if (c.kind === 'string' || c.kind === 'boolean') return q;
    return `CAST(${q} AS VARCHAR) AS ${q}`;
  });
  const result = await connection.stream(`SELECT ${select.join(', ') || '1 AS __none'} FROM ${relation}`);
  const numbers = columns.map(() => [] as Float64Array[]);
  const others = columns.map(() => [] as unknown[]);
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    rows += chunk.rowCount;
    columns.forEach((c, i) => {
      const values = chunk.getColumnValues(i);
      if (c.kind === 'number' || c.kind === 'date') {
        const out = new Float64Array(values.length);
        for (let r = 0; r < values.length; r++) {
          const v = values[r];
          out[r] = v === null ? NaN : Number(v);
        }
        numbers[i].push(out);
      } else {
        const list = others[i];
        for (const v of values) list.push(v === null ? null : c.kind === 'boolean' ? v : String(v));
      }
    });
  }
  const vectors = columns.map((c, i): Vector => {
    if (c.kind === 'number' || c.kind === 'date') {
      const all = new Float64Array(rows);
      let at = 0;
      for (const part of numbers[i]) {
        all.set(part, at);
        at += part.length;
      }
      if (c.kind === 'date') return timestamps(all);
      if (/^(TINYINT|SMALLINT|INTEGER)$/i.test(c.sqlType) && !all.some((v) => v !== v)) return makeVector(Int32Array.from(all));
      return floatVector(all);
    }
    if (c.kind === 'boolean') return booleans(others[i] as (boolean | null)[]);
    return makeVector(utf8FromStrings(others[i] as (string | null)[]));
  });
  return columns.length
    ? tableOfNamed(
        columns.map((c) => c.name),
        vectors,
      )
    : new Table();
}

function timestamps(ms: Float64Array): Vector {
  const n = ms.length,
    data = new BigInt64Array(n),
    bitmap = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (ms[i] === ms[i]) {
      data[i] = BigInt(Math.round(ms[i]));
      bitmap[i >> 3] |= 1 << (i & 7);
    } else nulls++;
  }
  return makeVector(
    makeData({ type: new TimestampMillisecond(), length: n, nullCount: nulls, nullBitmap: nulls ? bitmap : undefined, data }),
  );
}

function booleans(values: (boolean | null)[]): Vector {
  const n = values.length,
    bits = new Uint8Array((n + 7) >> 3),
    valid = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null) nulls++;
    else {
      valid[i >> 3] |= 1 << (i & 7);
      if (v) bits[i >> 3] |= 1 << (i & 7);
    }
  }
  return makeVector(makeData({ type: new Bool(), length: n, nullCount: nulls, nullBitmap: nulls ? valid : undefined, data: bits }));
}

/** The first line of a DuckDB message, without its internal details, at most 300 characters. */
const firstLine = (message: string) => {
  const line = message.split('\n')[0].trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
};

/** A DuckDB error in plain words (EN/VI), never a stack trace. */
export function describeDuckDb(error: unknown): { code: ErrorCode; message: Text } {
  const raw = error instanceof Error ? error.message : String(error);
  const said = firstLine(raw);
  if (/out of memory|could not allocate|memory_limit/i.test(raw))
    return {
      code: 'too-large',
      message: {
        en: `DuckDB ran out of the memory it may use (${said}). Raise the limit with --duckdb-memory (e.g. --duckdb-memory 8GB), keep fewer columns, or filter rows earlier in the flow.`,
        vi: `DuckDB đã dùng hết bộ nhớ được phép (${said}). Hãy nâng giới hạn bằng --duckdb-memory (ví dụ --duckdb-memory 8GB), giữ ít cột hơn, hoặc lọc bớt dòng sớm hơn trong quy trình.`,
      },
    };
  if (/no space left|disk is full|temp_directory/i.test(raw))
    return {
      code: 'too-large',
      message: {
        en: `DuckDB ran out of disk space for its temporary files (${said}). Free some disk space and run again.`,
        vi: `DuckDB hết chỗ trên đĩa cho tệp tạm (${said}). Hãy giải phóng bớt dung lượng đĩa rồi chạy lại.`,
      },
    };
  if (/parquet|magic bytes|JSON|malformed/i.test(raw))
    return {
      code: 'parse',
      message: {
        en: `DuckDB could not read this file: ${said}. The file may be damaged or not of the format its name says; export it again.`,
        vi: `DuckDB không đọc được tệp này: ${said}. Tệp có thể bị hỏng hoặc không đúng định dạng như tên tệp; hãy xuất lại tệp.`,
      },
    };
  if (/CSV|sniff|Invalid Input Error.*(line|byte)|unterminated|quote/i.test(raw))
    return {
      code: 'parse',
      message: {
        en: `DuckDB could not read this file as CSV: ${said}. Check the delimiter and header settings, or that the file really is a CSV; --engine memory reads it with Audience Flow's own reader.`,
        vi: `DuckDB không đọc được tệp này dưới dạng CSV: ${said}. Hãy kiểm tra dấu phân cách và dòng tiêu đề, hoặc xem tệp có đúng là CSV không; --engine memory sẽ đọc bằng bộ đọc riêng của Audience Flow.`,
      },
    };
  if (/interrupt/i.test(raw)) return { code: 'cancelled', message: { en: 'Cancelled while running.', vi: 'Đã huỷ khi đang chạy.' } };
  return {
    code: 'bad-input',
    message: {
      en: `DuckDB could not compute this step: ${said}. Run with --engine memory to compare, and report the flow if the memory engine succeeds.`,
      vi: `DuckDB không tính được bước này: ${said}. Hãy chạy với --engine memory để so sánh, và báo lại quy trình nếu bộ máy bộ nhớ chạy được.`,
    },
  };
}
