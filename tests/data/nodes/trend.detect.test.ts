/**
 * trend.detect on two real, dated sets: the Pfizer/BioNTech vaccine tweets (Dec 2020 – Jul 2021)
 * and SNAP CollegeMsg (private messages of a student network, Unix seconds, Apr – Oct 2004).
 * The spike dates are pinned after checking them by hand against the news of the day, and against
 * an independent pandas computation (resample per day, the median and MAD of the 7 previous
 * non-pause days) run in the same test when /usr/bin/python3 has pandas. The emerging words of a
 * spike are checked against plain substring counts of the raw texts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import ingest from '../../../nodes/ingest.file';
import node from '../../../nodes/trend.detect';
import { runNode } from '../../helpers/run-node';
import { requiredByCi, sharedData } from '../../helpers/shared-data';

const TWEETS = 'pfizer_vaccine_tweets/vaccination_tweets.csv';
const MESSAGES = 'snap_college_msg/CollegeMsg.txt';
const data = sharedData(TWEETS, MESSAGES);
const PYTHON = '/usr/bin/python3';
const hasPandas = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
if (!hasPandas) {
  const line = 'skipped: the pandas oracle of trend.detect needs /usr/bin/python3 with pandas (apt install python3-pandas)';
  if (requiredByCi()) throw new Error(`${line.replace('skipped: ', 'missing: ')}. CI=true requires it.`);
  console.warn(line);
}

/** The same definition written independently in pandas: daily counts, pauses, rolling median / MAD. */
const ORACLE = String.raw`
import sys, json
import numpy as np, pandas as pd
kind, path = sys.argv[1], sys.argv[2]
if kind == 'tweets':
    t = pd.to_datetime(pd.read_csv(path)['date'])
else:
    t = pd.to_datetime(pd.read_csv(path, sep=' ')['time'], unit='s')
s = t.dt.floor('D').value_counts().sort_index()
s = s.reindex(pd.date_range(s.index.min(), s.index.max(), freq='D'), fill_value=0)
v = s.values.astype(float); n = len(v); N = 7
gap = np.zeros(n, bool); i = 0
while i < n:
    if v[i] != 0: i += 1; continue
    e = i
    while e + 1 < n and v[e + 1] == 0: e += 1
    if e - i + 1 >= N: gap[i:e + 1] = True
    i = e + 1
days = []
for i in range(n):
    if gap[i]: continue
    w = np.array([v[j] for j in range(i - 1, -1, -1) if not gap[j]][:N])
    if len(w) < 3: continue
    m = np.median(w); mad = np.median(np.abs(w - m))
    z = (v[i] - m) / max(1.4826 * mad, np.sqrt(max(m, 1)))
    if z >= 3.5 and v[i] >= 5: days.append(str(s.index[i].date()))
print(json.dumps(days))
`;
const oracleDays = (kind: string, file: string): string[] => {
  const r = spawnSync(PYTHON, ['-c', ORACLE, kind, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[];
};

const rowsOf = (t: Table) => t.toArray().map((r) => r.toJSON() as Record<string, unknown>);
/** Every day of each spike, from the spikes table (daily bins). */
const spikeDays = (spikes: Table) =>
  rowsOf(spikes).flatMap((s) => {
    const out: string[] = [];
    for (let d = Date.parse(`${s.start}T00:00:00Z`); d <= Date.parse(`${s.end}T00:00:00Z`); d += 86400000)
      out.push(new Date(d).toISOString().slice(0, 10));
    return out;
  });

describe.skipIf(!data.available)('trend.detect on real dated data', () => {
  const tweets = async () => {
    const bytes = readFileSync(data.path(TWEETS));
    return (await runNode(ingest, {}, { path: 'tweets.csv' }, { files: { 'tweets.csv': bytes } })).outputs.out as Table;
  };

  it('finds the news days of the Pfizer vaccine tweets, with the words that made them', async () => {
    const table = await tweets();
    const { outputs, warnings } = await runNode(node, { in: table }, { time: 'date', text: 'text', unit: 'day' });
    const spikes = rowsOf(outputs.spikes as Table);
    console.log('Pfizer vaccine tweets, daily spikes:');
    for (const s of spikes)
      console.log(
        `  ${s.start}${s.end !== s.start ? ` – ${s.end}` : ''}: ${s.volume} tweets (usual ${s.expected}), z ${Number(s.z).toFixed(1)}: ${s.top_terms}`,
      );
    // Checked by hand: 8 Jan 2021 a study suggests the vaccine works against the new variants;
    // 17 Feb North Korean hackers accused of trying to steal Pfizer's data; 19 Feb the vaccine can
    // be stored in ordinary freezers; 31 Mar – 1 Apr 100% efficacy in adolescents of 12–15;
    // 9 Jul Pfizer says it will seek authorisation of a third (booster) dose against Delta.
    expect(spikes.map((s) => `${s.start}/${s.end}`)).toEqual([
      '2021-01-08/2021-01-08',
      '2021-01-15/2021-01-15',
      '2021-01-21/2021-01-21',
      '2021-02-17/2021-02-17',
      '2021-02-19/2021-02-19',
      '2021-02-24/2021-02-26',
      '2021-03-11/2021-03-11',
      '2021-03-31/2021-04-01',
      '2021-04-14/2021-04-14',
      '2021-07-09/2021-07-09',
    ]);
    const termsOf = (start: string) => String(spikes.find((s) => s.start === start)!.top_terms).split(', ');
    expect(termsOf('2021-03-31')).toContain('adolescents');
    expect(termsOf('2021-07-09')).toEqual(expect.arrayContaining(['booster', 'third']));
    expect(termsOf('2021-02-19')).toContain('stored');
    expect(termsOf('2021-02-17')).toContain('korea');
    expect(termsOf('2021-01-08')).toContain('variants');
    // The raw texts agree: "adolescents" is in 16 of the 188 tweets of 31 Mar – 1 Apr and in none
    // of the 7,414 before; "booster" in 9 of 46 on 9 Jul against 30 of 8,956 before.
    const text = (table.getChild('text')!.toArray() as string[]).map((t) => (t ?? '').toLowerCase());
    const day = (table.getChild('date')!.toArray() as string[]).map((d) => String(d).slice(0, 10));
    const count = (word: string, from: string, to: string) => {
      const re = new RegExp(`\\b${word}\\b`);
      let inside = 0,
        before = 0;
      text.forEach((t, i) => {
        if (!re.test(t)) return;
        if (day[i] >= from && day[i] <= to) inside++;
        else if (day[i] < from) before++;
      });
      return [inside, before];
    };
    expect(count('adolescents', '2021-03-31', '2021-04-01')).toEqual([16, 0]);
    expect(count('booster', '2021-07-09', '2021-07-09')).toEqual([9, 30]);
    // The three collection pauses (Apr–May, June, late June – early July) are said, not spikes.
    expect(warnings.join(' ')).toMatch(
      /3 pauses without any row \(2021-04-22 – 2021-05-12; 2021-06-02 – 2021-06-10; 2021-06-24 – 2021-07-06\)/,
    );
    // The latest week's rising words: people saying they are now fully vaccinated.
    const latest = rowsOf(outputs.terms as Table).map((t) => t.term);
    expect(latest).toEqual(expect.arrayContaining(['fullyvaccinated', 'fully']));
    // The spike rows are the tweets of the spike days.
    expect((outputs.rows as Table).numRows).toBe(spikes.reduce((s, x) => s + Number(x.volume), 0));
  }, 60_000);

  it('finds the launch and term-time surges of the CollegeMsg network', async () => {
    const lines = readFileSync(data.path(MESSAGES), 'utf8').trim().split('\n').slice(1);
    const time = Float64Array.from(lines, (l) => Number(l.split(' ')[2]));
    const { outputs, infos } = await runNode(node, { in: tableFromArrays({ time }) }, { time: 'time', text: '' });
    expect(infos.join(' ')).toMatch(/read as Unix times in seconds/);
    expect(infos.join(' ')).toMatch(/Counted per day: 195 days from 2004-04-15 to 2004-10-26/);
    const spikes = rowsOf(outputs.spikes as Table);
    console.log('CollegeMsg, daily spikes:');
    for (const s of spikes)
      console.log(
        `  ${s.start}${s.end !== s.start ? ` – ${s.end}` : ''}: ${s.volume} messages (usual ${s.expected}), z ${Number(s.z).toFixed(1)}`,
      );
    // The network opened mid-April 2004 (1–23 messages a day, then hundreds from 22 April);
    // the busiest day of the early growth is 4 May; the autumn quarter began on 23 September.
    expect(spikes.map((s) => `${s.start}/${s.end}`)).toEqual([
      '2004-04-20/2004-04-25',
      '2004-05-04/2004-05-04',
      '2004-06-27/2004-06-30',
      '2004-09-13/2004-09-14',
      '2004-09-24/2004-09-24',
      '2004-10-26/2004-10-26',
    ]);
    expect(rowsOf(outputs.series as Table).find((r) => r.start === '2004-05-04')!.volume).toBe(1801);
  });

  it.skipIf(!hasPandas)(
    'finds the same spike days as the pandas oracle',
    async () => {
      const table = await tweets();
      const ours = await runNode(node, { in: table }, { time: 'date', text: '', unit: 'day' });
      expect(spikeDays(ours.outputs.spikes as Table)).toEqual(oracleDays('tweets', data.path(TWEETS)));
      const lines = readFileSync(data.path(MESSAGES), 'utf8').trim().split('\n').slice(1);
      const time = Float64Array.from(lines, (l) => Number(l.split(' ')[2]));
      const college = await runNode(node, { in: tableFromArrays({ time }) }, { time: 'time', text: '', unit: 'day' });
      expect(spikeDays(college.outputs.spikes as Table)).toEqual(oracleDays('college', data.path(MESSAGES)));
    },
    60_000,
  );
});
