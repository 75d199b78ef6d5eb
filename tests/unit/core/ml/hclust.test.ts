import { spawnSync } from 'node:child_process';
import { agnes, type AgglomerationMethod, type Cluster } from 'ml-hclust';
import { describe, expect, it } from 'vitest';
import { clustersAtHeight, cutTree, distanceKernel, distanceRows, hclust, LINKAGES, type Linkage } from '../../../../src/core/ml/hclust';
import { createRandom } from '../../../../src/core/contract/random';

/** Random points around a few centres (continuous values, so no ties between distances). */
function points(n: number, d: number, seed: number): number[][] {
  const rnd = createRandom(seed);
  return Array.from({ length: n }, (_, i) => Array.from({ length: d }, (_, c) => (i % 4) * 3 * ((c + i) % 2) + rnd() * 5));
}

/** Labels numbered by first appearance, so that two partitions compare with toEqual. */
function canonical(labels: ArrayLike<number>): number[] {
  const seen = new Map<number, number>();
  return Array.from(labels, (l) => {
    if (!seen.has(l)) seen.set(l, seen.size);
    return seen.get(l)!;
  });
}

function mlPartition(tree: Cluster, k: number, n: number): number[] {
  const out = new Array<number>(n).fill(-1);
  tree.group(k).children.forEach((child, g) => {
    for (const i of child.indices()) out[i] = g;
  });
  return canonical(out);
}

const ML: Record<Linkage, AgglomerationMethod> = { ward: 'ward2', complete: 'complete', average: 'average', single: 'single' };

describe('hierarchical clustering (nearest-neighbour chain)', () => {
  for (const linkage of LINKAGES) {
    it(`gives ml-hclust's partitions for ${linkage} linkage at every k`, async () => {
      const X = points(80, 3, 5);
      const Z = await hclust(Float64Array.from(X.flat()), 80, 3, linkage);
      expect(Z.length).toBe(79 * 4);
      for (let r = 1; r < 79; r++) expect(Z[r * 4 + 2]).toBeGreaterThanOrEqual(Z[(r - 1) * 4 + 2]);
      expect(Z[78 * 4 + 3]).toBe(80);
      const tree = agnes(X, { method: ML[linkage] });
      for (const k of [2, 3, 4, 5, 7, 10]) expect(canonical(cutTree(Z, 80, k))).toEqual(mlPartition(tree, k, 80));
    });
  }

  it("gives SciPy's linkage matrix (heights and sizes)", async () => {
    const X = points(50, 4, 9);
    const py =
      'import sys,json\nfrom scipy.cluster.hierarchy import linkage\nd=json.load(sys.stdin)\nprint(json.dumps({m: linkage(d, m).tolist() for m in ["ward","complete","average","single"]}))';
    const r = spawnSync('/usr/bin/python3', ['-c', py], { input: JSON.stringify(X), encoding: 'utf8' });
    if (r.error || r.status !== 0) return; // SciPy absent: ml-hclust above is the oracle
    const ref = JSON.parse(r.stdout) as Record<Linkage, number[][]>;
    for (const linkage of LINKAGES) {
      const Z = await hclust(Float64Array.from(X.flat()), 50, 4, linkage);
      ref[linkage].forEach((row, i) => {
        expect(Z[i * 4 + 2]).toBeCloseTo(row[2], 9);
        expect(Z[i * 4 + 3]).toBe(row[3]);
      });
    }
  });

  it('cuts by height', async () => {
    const X = points(30, 2, 1);
    const Z = await hclust(Float64Array.from(X.flat()), 30, 2, 'average');
    expect(clustersAtHeight(Z, 30, 0)).toBe(30);
    expect(clustersAtHeight(Z, 30, Z[28 * 4 + 2])).toBe(1);
    expect(clustersAtHeight(Z, 30, (Z[25 * 4 + 2] + Z[26 * 4 + 2]) / 2)).toBe(4);
  });
});

describe('generated distance loop', () => {
  it.each([
    [1, true],
    [3, false],
    [16, true],
    [17, false],
  ] as const)("gives exactly the plain loop's condensed distances (d = %i, squared %s)", (d, squared) => {
    const n = 203;
    const rnd = createRandom(d);
    const data = Float64Array.from({ length: n * d }, () => rnd() * 8 - 4);
    const plain = new Float64Array((n * (n - 1)) / 2),
      fast = new Float64Array(plain.length);
    distanceRows(data, n, d, squared, 0, n, plain);
    const kernel = distanceKernel(d, squared)!;
    kernel(data, n, 0, 50, fast);
    kernel(data, n, 50, n, fast);
    expect(fast).toEqual(plain);
    expect(plain[0]).toBeGreaterThan(0);
  });

  it('is not generated above 64 columns', () => {
    expect(distanceKernel(65, true)).toBeNull();
  });
});
