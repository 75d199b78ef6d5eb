/**
 * The "every numeric column" default of the numeric nodes (id-like and constant columns left out,
 * with a note), the auto-k edge note, the tiny-segment note, the spread warning after Scale, and
 * readable persona words (one-hot values, split names, the `labels` param).
 */
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import hierarchicalNode from '../../../nodes/cluster.hierarchical';
import kmeansNode from '../../../nodes/cluster.kmeans';
import profileNode from '../../../nodes/cluster.profile';
import pcaNode from '../../../nodes/feature.pca';
import scaleNode from '../../../nodes/feature.scale';
import { defaultNumericColumns, idLikeName } from '../../../src/core/table/columns';
import { readableLabel, splitWords } from '../../../src/core/ml/labels';
import { createRandom } from '../../../src/core/contract/random';
import { toFloat64 } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';

/** Two blobs of customers, with an id counting up, a constant column and a 6-digit account code. */
function customers(n = 120): Table {
  const rnd = createRandom(7);
  const spend = new Float64Array(n),
    visits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hi = i % 3 === 0;
    spend[i] = (hi ? 900 : 100) + 40 * rnd();
    visits[i] = (hi ? 2 : 9) + rnd();
  }
  return tableFromArrays({
    CustomerID: Float64Array.from({ length: n }, (_, i) => 1001 + i),
    row: Float64Array.from({ length: n }, (_, i) => n - i),
    account: Float64Array.from({ length: n }, (_, i) => 500_000 + ((i * 7919) % 400_000)),
    MntWines: spend,
    NumWebVisitsMonth: visits,
    Z_Revenue: new Float64Array(n).fill(11),
  });
}

describe('default numeric columns', () => {
  it('tells id names from words and counts of ids', () => {
    for (const name of ['ID', 'id', 'user_id', 'status_id', 'customerId', 'CustomerID', 'post id', 'Unnamed: 0', 'index'])
      expect(idLikeName(name), name).toBe(true);
    for (const name of ['distinct_post_id', 'n_user_id', 'Paid', 'paid', 'Valid', 'Humid', 'Income', 'video', 'Kidhome'])
      expect(idLikeName(name), name).toBe(false);
  });

  it('leaves out ids by name, by a row-number-like sequence and by same-length codes, and constants; keeps real measures', () => {
    const { used, leftOut } = defaultNumericColumns(customers());
    expect(used).toEqual(['MntWines', 'NumWebVisitsMonth']);
    expect(leftOut.map((c) => c.name)).toEqual(['CustomerID', 'row', 'account', 'Z_Revenue']);
    expect(leftOut[3].reason.en).toBe('it is 11 in every row');
    // Distinct whole numbers that neither count up nor share a length are a measure (e.g. impressions).
    const impressions = Float64Array.from({ length: 100 }, (_, i) => 1941 + ((i * 7919) % 34_000));
    expect(new Set(impressions).size).toBe(100);
    expect(defaultNumericColumns(tableFromArrays({ Impressions: impressions })).used).toEqual(['Impressions']);
  });

  it('judges a column by all its rows: one fraction after a row-number run, or a constant broken late', () => {
    const n = 1000;
    const counting = Float64Array.from({ length: n }, (_, i) => i + 1);
    const late = counting.slice();
    late[n - 1] = 999.5; // not whole numbers: a measure, not an id
    const flat = new Float64Array(n).fill(3);
    const broken = flat.slice();
    broken[n - 1] = 4; // the range is found after the first fraction too
    broken[n - 2] = 3.5;
    const gaps = counting.slice();
    gaps[10] = Number.NaN; // a missing value does not stop the id run
    const { used, leftOut } = defaultNumericColumns(tableFromArrays({ counting, late, flat, broken, gaps }));
    expect(used).toEqual(['late', 'broken']);
    expect(leftOut.map((c) => c.name)).toEqual(['counting', 'flat', 'gaps']);
    expect(leftOut[1].reason.en).toBe('it is 3 in every row');
  });

  it('every numeric node uses the same default and says what it left out, in both languages', async () => {
    const t = customers();
    const runs = {
      scale: await runNode(scaleNode, { in: t }, {}),
      kmeans: await runNode(kmeansNode, { in: t }, { k: 2 }),
      hierarchical: await runNode(hierarchicalNode, { in: t }, { k: 2 }),
      pca: await runNode(pcaNode, { in: t }, {}),
    };
    for (const [node, r] of Object.entries(runs)) {
      const note = r.notes.find((m) => m.en.startsWith('Left out of the default columns'));
      expect(note, node).toBeDefined();
      for (const c of ['CustomerID', 'row', 'account', 'Z_Revenue']) {
        expect(note!.en, node).toContain(`"${c}"`);
        expect(note!.vi, node).toContain(`"${c}"`);
      }
      expect(note!.vi).toMatch(/Đã bỏ khỏi các cột mặc định/);
    }
    // Scale leaves the id as it was; k-means' segments table has a mean for the used columns only.
    expect(Array.from(toFloat64((runs.scale.outputs.out as Table).getChild('CustomerID')!))).toEqual(
      Array.from(toFloat64(t.getChild('CustomerID')!)),
    );
    expect((runs.kmeans.outputs.segments as Table).schema.fields.map((f) => f.name)).toEqual([
      'segment',
      'size',
      'share',
      'inertia',
      'MntWines',
      'NumWebVisitsMonth',
    ]);
    expect((runs.pca.outputs.explained as Table).getChild('main_columns')!.get(0) as string).not.toMatch(/CustomerID|account|row/);
    const seg = runs.kmeans.outputs.out as Table;
    const profile = await runNode(profileNode, { in: seg }, {});
    expect((profile.outputs.out as Table).schema.fields.map((f) => f.name).filter((f) => f.startsWith('mean_'))).toEqual([
      'mean_MntWines',
      'mean_NumWebVisitsMonth',
    ]);
  });

  it('chosen columns are used as chosen, ids included', async () => {
    const r = await runNode(kmeansNode, { in: customers() }, { k: 2, columns: ['CustomerID', 'MntWines'] });
    expect(r.warnings.join(' ')).not.toMatch(/Left out/);
    expect((r.outputs.segments as Table).getChild('CustomerID')).not.toBeNull();
  });
});

describe('k-means and hierarchical notes', () => {
  const blobs = (centres: number[][], per: number) => {
    const rnd = createRandom(3);
    const x: number[] = [],
      y: number[] = [];
    for (const [cx, cy] of centres)
      for (let i = 0; i < per; i++) {
        x.push(cx + rnd() * 0.5);
        y.push(cy + rnd() * 0.5);
      }
    return tableFromArrays({ x: Float64Array.from(x), y: Float64Array.from(y) });
  };

  it('says when "auto" chose the smallest or the largest number it tried, and not in between', async () => {
    const two = await runNode(
      kmeansNode,
      {
        in: blobs(
          [
            [0, 0],
            [20, 20],
          ],
          40,
        ),
      },
      { k: 'auto', kMin: 2, kMax: 6 },
    );
    expect((two.outputs.segments as Table).numRows).toBe(2);
    expect(two.warnings.join(' ')).toMatch(/2 segments is the smallest number tried.*raise "Smallest number to try"/);
    const six = blobs(
      [
        [0, 0],
        [20, 0],
        [0, 20],
        [20, 20],
        [40, 0],
        [40, 20],
      ],
      30,
    );
    const top = await runNode(kmeansNode, { in: six }, { k: 'auto', kMin: 2, kMax: 4 });
    expect((top.outputs.segments as Table).numRows).toBe(4);
    const note = top.notes.find((m) => /largest number of segments tried/.test(m.en));
    expect(note?.en).toMatch(/Raise "Largest number to try" \(now 4\)/);
    expect(note?.vi).toMatch(/Hãy tăng "Số lớn nhất để thử" \(hiện là 4\)/);
    const low = await runNode(kmeansNode, { in: six }, { k: 'auto', kMin: 3, kMax: 10 });
    expect((low.outputs.segments as Table).numRows).toBe(6);
    expect(low.warnings.join(' ')).not.toMatch(/smallest number|largest number/);
    const fromThree = await runNode(
      kmeansNode,
      {
        in: blobs(
          [
            [0, 0],
            [20, 20],
            [40, 0],
          ],
          30,
        ),
      },
      { k: 'auto', kMin: 3, kMax: 5 },
    );
    expect(fromThree.warnings.join(' ')).toMatch(/3 is the smallest number of segments tried.*Lower "Smallest number to try" \(now 3\)/);
  });

  it('reports segments under 1% of the rows', async () => {
    const t = blobs(
      [
        [0, 0],
        [10, 10],
      ],
      150,
    );
    const x = Float64Array.from([...toFloat64(t.getChild('x')!), 500]),
      y = Float64Array.from([...toFloat64(t.getChild('y')!), 500]);
    const odd = tableFromArrays({ x, y });
    for (const node of [kmeansNode, hierarchicalNode]) {
      const r = await runNode(node, { in: odd }, { k: 3 });
      const note = r.notes.find((m) => /less than 1% of the rows/.test(m.en));
      expect(note?.en, node.type).toMatch(/^Segment 2 \(1 row, 0\.3%\) has less than 1% of the rows/);
      expect(note?.vi, node.type).toMatch(/^Phân khúc 2 \(1 dòng, 0,3%\) có ít hơn 1% số dòng/);
      const even = await runNode(node, { in: t }, { k: 2 });
      expect(even.warnings.join(' '), node.type).not.toMatch(/less than 1%/);
    }
  });

  it('warns about spreads on raw columns, never after Scale (one-hot columns beside scaled ones included)', async () => {
    const rnd = createRandom(5);
    const n = 200;
    const raw = tableFromArrays({
      income: Float64Array.from({ length: n }, () => 20_000 + 80_000 * rnd()),
      visits: Float64Array.from({ length: n }, () => 10 * rnd()),
      'channel=web': Float64Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0)),
    });
    for (const node of [kmeansNode, hierarchicalNode]) {
      expect((await runNode(node, { in: raw }, { k: 3 })).warnings.join(' '), node.type).toMatch(
        /"income" varies the most.*Scale features/,
      );
      const scaled = (await runNode(scaleNode, { in: raw }, { columns: ['income', 'visits'] })).outputs.out as Table;
      expect((await runNode(node, { in: scaled }, { k: 3 })).warnings.join(' '), node.type).not.toMatch(/varies|Scale features/);
      const minmax = (await runNode(scaleNode, { in: raw }, { method: 'minmax' })).outputs.out as Table;
      expect((await runNode(node, { in: minmax }, { k: 3 })).warnings.join(' '), node.type).not.toMatch(/varies|Scale features/);
      // Only "visits" scaled: the note names the unscaled column and says to add it to Scale.
      const partly = (await runNode(scaleNode, { in: raw }, { columns: ['visits'] })).outputs.out as Table;
      expect((await runNode(node, { in: partly }, { k: 3 })).warnings.join(' '), node.type).toMatch(
        /"income" was not scaled like the other columns.*Add it to the columns of "Scale features"/,
      );
    }
  });
});

describe('readable persona words', () => {
  it('splits names into words and reads one-hot values', () => {
    expect(splitWords('NumWebVisitsMonth')).toEqual(['Num', 'Web', 'Visits', 'Month']);
    expect(splitWords('AcceptedCmp3')).toEqual(['Accepted', 'Cmp', '3']);
    expect(readableLabel('MntWines')).toEqual({ en: 'spend on wines', vi: 'chi tiêu cho rượu vang' });
    expect(readableLabel('MntGoldProds').en).toBe('spend on gold products');
    expect(readableLabel('NumWebVisitsMonth')).toEqual({ en: 'web visits per month', vi: 'lượt truy cập web mỗi tháng' });
    expect(readableLabel('num_reactions').en).toBe('reactions');
    expect(readableLabel('status_type=photo')).toEqual({ en: 'photo posts', vi: 'bài ảnh' });
    expect(readableLabel('Education=PhD').en).toBe('PhD');
    expect(readableLabel('Conversion Rate')).toEqual({ en: 'conversion rate', vi: 'tỷ lệ chuyển đổi' });
    expect(readableLabel('Year_Birth').en).toBe('year of birth');
    expect(readableLabel('days_active')).toEqual({ en: 'active days', vi: 'số ngày hoạt động' });
    expect(readableLabel('MntWines', { MntWines: { en: 'wine', vi: 'rượu' } })).toEqual({ en: 'wine', vi: 'rượu' });
  });

  /** Two segments that differ in wine spend and in the share of photo posts. */
  function posts(): Table {
    const n = 100;
    const seg = Int32Array.from({ length: n }, (_, i) => (i < 30 ? 1 : 0));
    return tableFromArrays({
      segment: seg,
      MntWines: Float64Array.from(seg, (s, i) => (s ? 800 : 100) + (i % 7)),
      'status_type=photo': Float64Array.from(seg, (s, i) => (s ? (i % 10 < 9 ? 1 : 0) : i % 10 < 2 ? 1 : 0)),
    });
  }

  it('persona names and sentences use the words, never "=" or the raw column name; the labels param wins, in EN and VI', async () => {
    const r = await runNode(profileNode, { in: posts() }, {});
    const cards = (r.outputs.personas as unknown as { cards: { name: { en: string; vi: string }; sentence: { en: string; vi: string } }[] })
      .cards;
    for (const c of cards) {
      for (const s of [c.name.en, c.name.vi, c.sentence.en, c.sentence.vi]) {
        expect(s).not.toMatch(/=|MntWines|status_type/);
      }
    }
    expect(cards[1].name.en).toMatch(/spend on wines|photo posts/);
    expect(cards[1].sentence.en).toMatch(/90% photo posts \(vs \d+% overall\)/);
    expect(cards[1].sentence.vi).toMatch(/90% là bài ảnh \(so với \d+% chung\)/);
    const labelled = await runNode(
      profileNode,
      { in: posts() },
      { labels: { MntWines: 'wine budget | ngân sách rượu vang', 'status_type=photo': 'photo posts' } },
    );
    const lc = (
      labelled.outputs.personas as unknown as { cards: { name: { en: string; vi: string }; sentence: { en: string; vi: string } }[] }
    ).cards[1];
    expect(lc.sentence.en).toMatch(/wine budget/);
    expect(lc.sentence.vi).toMatch(/ngân sách rượu vang/);
    expect(`${lc.name.en} ${lc.sentence.en}`).not.toMatch(/spend on wines/);
  });

  it('on scaled values, sentences say how far from average in words (no lift against an average of 0)', async () => {
    const scaled = (await runNode(scaleNode, { in: posts() }, { columns: ['MntWines'] })).outputs.out as Table;
    const r = await runNode(profileNode, { in: scaled }, { columns: ['MntWines'] });
    const text = (r.outputs.out as Table).getChild('persona')!.get(1) as string;
    expect(text).toMatch(/spend on wines far above average/);
    expect(text).not.toMatch(/×|vs -?0\.00/);
    expect((r.outputs.out as Table).getChild('lift_MntWines')!.get(1)).toBeNull(); // missing: no lift
  });
});
