/**
 * Validation before a run knows how many rows a sample gives and what passes them on: k-means asked
 * for more segments than the rows that can arrive is a problem on open, not only at Run.
 */
import { describe, expect, it } from 'vitest';
import { getNode } from '../../../../nodes/index';
import { validateWorkflow } from '../../../../src/core/flow/validate';
import { WORKFLOW_SCHEMA, type Workflow } from '../../../../src/core/flow/workflow';
import { postCount } from '../../../../src/core/sample/population';

const flow = (dataset: string, size: number, k: number | 'auto', via: string[] = []): Workflow => {
  const chain = [
    { id: 'sample', type: 'ingest.sample', params: { dataset, size, seed: 1 }, position: [0, 0] as [number, number] },
    ...via.map((type, i) => ({ id: `step${i}`, type, params: {}, position: [200 * (i + 1), 0] as [number, number] })),
    { id: 'kmeans', type: 'cluster.kmeans', params: { k }, position: [900, 0] as [number, number] },
  ];
  return {
    schema: WORKFLOW_SCHEMA,
    name: 'rows',
    nodes: chain,
    edges: chain.slice(1).map((n, i) => ({ from: `${chain[i].id}.out`, to: `${n.id}.in` })),
    notes: [],
  };
};

describe('rows known before a run', () => {
  it('k larger than the posts of a small sample is a problem on the k-means node, in both languages', () => {
    const rows = postCount(1000);
    const issues = validateWorkflow(flow('posts', 1000, rows + 5), getNode);
    expect(issues).toHaveLength(1);
    expect(issues[0].node).toBe('kmeans');
    expect(issues[0].message.en).toBe(
      `Node "K-means segments": You asked for ${rows + 5} segments but the table arriving here has at most ${rows} rows. Choose at most ${rows} segments.`,
    );
    expect(issues[0].message.vi).toMatch(/^Nút "Phân khúc K-means": .*chỉ có tối đa \d+ dòng/);
  });

  it('passes through nodes that keep the row count, and stops at those that do not say', () => {
    const rows = postCount(1000);
    expect(validateWorkflow(flow('posts', 1000, rows + 1, ['clean.select', 'feature.scale']), getNode)).toHaveLength(1);
    // Aggregating does not declare its rows: nothing is claimed.
    expect(validateWorkflow(flow('posts', 1000, rows + 1, ['feature.aggregate']), getNode).filter((i) => i.node === 'kmeans')).toEqual([]);
  });

  it('no problem when k fits, or is "auto"', () => {
    expect(validateWorkflow(flow('posts', 1000, postCount(1000)), getNode)).toEqual([]);
    expect(validateWorkflow(flow('interactions', 1000, 50), getNode)).toEqual([]);
    expect(validateWorkflow(flow('posts', 1000, 'auto'), getNode)).toEqual([]);
  });
});
