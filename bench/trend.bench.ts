/**
 * trend.detect on 1M timestamped sample interactions (EN + VI texts): ours against the same
 * steps in pandas, measured in the same run — times parsed, rows per day, the median and MAD of
 * the 7 previous days (rolling), spikes merged, every distinct text tokenised once, then one sweep
 * in time order counting each word's texts before and inside each spike and the last 7 days, with
 * growth and G² per word. Reading the file is not timed on either side.
 */
import { best, row, runCase, runPython, type BenchRow, type Outcome } from './lib';

const PANDAS = String.raw`
import sys, time, re, math, numpy as np, pandas as pd
from collections import Counter
df = pd.read_csv(sys.argv[1], keep_default_na=False, dtype={'text': str})
t0 = time.perf_counter()
ts = pd.to_datetime(df['timestamp'], format='%Y-%m-%dT%H:%M:%S')
day = ts.dt.floor('D')
s = day.value_counts().sort_index()
s = s.reindex(pd.date_range(s.index.min(), s.index.max(), freq='D'), fill_value=0)
prev = s.shift(1)
med = prev.rolling(7, min_periods=3).median()
mad = prev.rolling(7, min_periods=3).apply(lambda w: np.median(np.abs(w - np.median(w))), raw=True)
z = (s - med) / np.maximum(1.4826 * mad, np.sqrt(np.maximum(med, 1)))
hot = ((z >= 3.5) & (s >= 5)).values
windows = []
for i, h in enumerate(hot):
    if not h: continue
    if windows and windows[-1][1] == i - 1: windows[-1][1] = i
    else: windows.append([i, i])
windows.append([len(s) - 7, len(s) - 1])
WORD = re.compile(r"[^\W\d_][\w']+")
codes, uniq = pd.factorize(df['text'])
MENTION = re.compile(r'@\S+')
terms = [frozenset(WORD.findall(MENTION.sub(' ', u.lower()))) for u in uniq]
bins = ((day - s.index[0]).dt.days).values
order = np.argsort(bins, kind='stable')
first = np.searchsorted(bins[order], np.arange(len(s) + 1))
hist = Counter(); hist_docs = 0; cursor = 0; found = []
for a, b in sorted(windows):
    for r in order[cursor:first[a]]:
        w = terms[codes[r]]
        if w: hist_docs += 1; hist.update(w)
    cursor = first[a]
    win = Counter(); docs = 0
    for r in order[first[a]:first[b + 1]]:
        w = terms[codes[r]]
        if w: docs += 1; win.update(w)
    out = []
    for term, k in win.items():
        if k < 5: continue
        h = hist[term]; rate = (h + 1) / (hist_docs + 1); g = k / docs / rate
        if g < 2: continue
        n = docs + hist_docs; kk = k + h
        e = [docs * kk / n, docs * (n - kk) / n, hist_docs * kk / n, hist_docs * (n - kk) / n]
        o = [k, docs - k, h, hist_docs - h]
        llr = 2 * sum(x * math.log(x / y) for x, y in zip(o, e) if x > 0)
        if llr >= 10.83: out.append((g, k, term))
    out.sort(reverse=True); found.append(out[:15])
ms = (time.perf_counter() - t0) * 1000
_RESULT = {'ms': ms, 'extra': {'spikes': len(windows) - 1, 'top': found[-1][0][2] if found[-1] else ''}}
`;

const note = (o: Outcome, more: string) =>
  o.ok ? `${o.m.extra?.spikes} spikes, top word of the last 7 days "${o.m.extra?.top}"; ${more}` : '';

export async function bench(): Promise<BenchRow[]> {
  const n = 1_000_000;
  const written = runCase('bench/cases/trend.ts', ['write', String(n)]);
  if (!written.ok) return [row('trend.detect, 1M rows', 'sample CSV', n, written)];
  const file = String(written.m.extra?.file);
  const task = 'trend.detect, 1M timestamped rows (sample interactions, EN + VI)';
  const times = 2;
  const pd = best(times, () => runPython(PANDAS, [file]));
  const ours = best(times, () => runCase('bench/cases/trend.ts', ['ours', String(n)]));
  return [
    row(
      task,
      'pandas 1.5 resample + rolling median/MAD + Counter sweep (ref)',
      n,
      pd,
      undefined,
      note(pd, `regex words, @names removed, no stop words; best of ${times}`),
    ),
    row(task, 'trend.detect node (per day)', n, ours, pd, note(ours, `EN + VI tokeniser and stop words, 1 thread; best of ${times}`)),
  ];
}
