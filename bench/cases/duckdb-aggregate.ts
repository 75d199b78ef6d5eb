/**
 * Ingest + per-user features of an interactions CSV in its own process: `memory` runs ingest.file →
 * feature.aggregate on the memory engine, `duckdb` the same flow on the DuckDB engine (SQL forms as
 * views, the result read back as Arrow), `sql` DuckDB's own SQL for the same features (the reference).
 * Usage: node --import tsx bench/cases/duckdb-aggregate.ts memory|duckdb|sql FILE
 */
import path from 'node:path';
import { getNode } from '../../nodes/index';
import { openDuckDb } from '../../src/cli/duckdb';
import { diskFiles } from '../../src/cli/node-files';
import { WORKFLOW_SCHEMA, type Workflow } from '../../src/core/flow/workflow';
import { Engine } from '../../workers/engine';
import { caseMain } from '../lib';

const [which, file] = process.argv.slice(2);

const flow: Workflow = {
  schema: WORKFLOW_SCHEMA,
  name: 'bench',
  nodes: [
    { id: 'load', type: 'ingest.file', params: { path: file }, position: [0, 0] },
    {
      id: 'agg',
      type: 'feature.aggregate',
      params: { by: 'user_id', time: 'timestamp', type: 'type', distinct: ['post_id'] },
      position: [0, 0],
    },
  ],
  edges: [{ from: 'load.out', to: 'agg.in' }],
  notes: [],
};

const SQL = (f: string) => `SELECT user_id, count(*) AS interactions,
  count(*) FILTER (WHERE type = 'comment') AS n_comment, count(*) FILTER (WHERE type = 'reaction') AS n_reaction,
  count(*) FILTER (WHERE type = 'share') AS n_share, count(DISTINCT post_id) AS distinct_post_id,
  min(timestamp) AS first_seen, max(timestamp) AS last_seen, count(DISTINCT CAST(timestamp AS DATE)) AS days_active,
  avg(CASE WHEN hour(timestamp) >= 22 OR hour(timestamp) <= 5 THEN 1 ELSE 0 END) AS share_night
  FROM read_csv('${f.replace(/'/g, "''")}') GROUP BY user_id`;

await caseMain(async () => {
  const files = diskFiles({ baseDir: path.dirname(file), roots: [path.dirname(file)], maxBytes: 16 * 2 ** 30 });
  if (which === 'sql') {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const reader = await connection.runAndReadAll(SQL(file));
    return { users: reader.currentRowCount };
  }
  const duck = which === 'duckdb' ? await openDuckDb() : undefined;
  const engine = new Engine(getNode, files, { sql: duck });
  const result = await engine.run(flow);
  if (!result.ok) throw new Error(JSON.stringify(result.nodes));
  const users = engine.table('agg')!.numRows;
  await duck?.close();
  return { users };
});
