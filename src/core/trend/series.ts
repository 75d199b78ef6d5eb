/**
 * The volume of rows over time and its spikes.
 *
 * Rows are counted per bin (an hour, a day or a week, UTC; weeks start on Monday), empty bins
 * included. Each bin is compared with a moving baseline: the `baseline` bins before it (for hours,
 * the same hour on the `baseline` days before, so the daily rhythm is not a spike). From the
 * baseline's median m and median absolute deviation MAD, the robust z-score of a volume x is
 *   z = (x − m) / max(1.4826 · MAD, √max(m, 1)),
 * where the √m floor (the Poisson noise of a count around m) keeps a flat baseline (MAD = 0) from
 * turning every small wobble into a spike. A bin is a spike when z ≥ `threshold` and x ≥
 * `minVolume`; neighbouring spike bins merge into one spike. Long runs of empty bins are
 * treated as pauses in the data (see `findGaps`).
 */
import { DAY_MS, HOUR_MS } from '../table/parse-time';

export type BinUnit = 'hour' | 'day' | 'week';

export const UNIT_MS: Record<BinUnit, number> = { hour: HOUR_MS, day: DAY_MS, week: 7 * DAY_MS };

/** The finest unit that gives at most this many bins is chosen by `auto`. */
export const AUTO_BINS = 400;

/** The bin unit `auto` picks for a span: hours up to 400 hours (~16 days), days up to 400 days, else weeks. */
export function autoUnit(minMs: number, maxMs: number): BinUnit {
  const span = maxMs - minMs;
  if (span < AUTO_BINS * HOUR_MS) return 'hour';
  if (span < AUTO_BINS * DAY_MS) return 'day';
  return 'week';
}

/** The start (ms, UTC) of the bin holding `ms`. Weeks start on Monday 00:00 UTC (1970-01-05 was a Monday). */
export function binStart(ms: number, unit: BinUnit): number {
  if (unit === 'week') {
    const monday = 4 * DAY_MS;
    return Math.floor((ms - monday) / UNIT_MS.week) * UNIT_MS.week + monday;
  }
  return Math.floor(ms / UNIT_MS[unit]) * UNIT_MS[unit];
}

export interface VolumeSeries {
  unit: BinUnit;
  /** Start of bin 0 (ms). */
  origin: number;
  /** Rows per bin. */
  volume: Float64Array;
  /** The baseline's median per bin (NaN where the baseline is too short). */
  expected: Float64Array;
  /** Robust z-score per bin (NaN where the baseline is too short). */
  z: Float64Array;
}

/** Bin index of each row (−1 for rows without a time), and the number of bins. */
export function binRows(ms: Float64Array, unit: BinUnit, origin: number): { bins: Int32Array; count: number } {
  const bins = new Int32Array(ms.length);
  const size = UNIT_MS[unit];
  let count = 0;
  for (let i = 0; i < ms.length; i++) {
    const t = ms[i];
    if (t !== t) {
      bins[i] = -1;
      continue;
    }
    const b = Math.floor((t - origin) / size);
    bins[i] = b;
    if (b + 1 > count) count = b + 1;
  }
  return { bins, count };
}

const median = (values: Float64Array, n: number) => {
  const s = values.subarray(0, n).sort();
  return n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** The fewest baseline bins a z-score is computed from. */
export const MIN_BASELINE = 3;

/**
 * Runs of empty bins at least `baseline` periods long (for hours, `baseline` days) inside the
 * data: most likely a pause in the collection rather than quiet days. They are left out of every
 * baseline and never scored, so the return of the data after a pause is not a spike.
 */
export function findGaps(volume: Float64Array, baseline: number, unit: BinUnit): { from: number; to: number }[] {
  const length = baseline * (unit === 'hour' ? 24 : 1);
  const gaps: { from: number; to: number }[] = [];
  for (let t = 0; t < volume.length; ) {
    if (volume[t] !== 0) {
      t++;
      continue;
    }
    let e = t;
    while (e + 1 < volume.length && volume[e + 1] === 0) e++;
    if (e - t + 1 >= length) gaps.push({ from: t, to: e });
    t = e + 1;
  }
  return gaps;
}

/** Robust z-score of every bin against its moving baseline (see the file comment); gap bins are skipped. */
export function scoreSeries(volume: Float64Array, baseline: number, unit: BinUnit, origin: number): VolumeSeries {
  const n = volume.length;
  const step = unit === 'hour' ? 24 : 1;
  const gap = new Uint8Array(n);
  for (const g of findGaps(volume, baseline, unit)) gap.fill(1, g.from, g.to + 1);
  const expected = new Float64Array(n).fill(NaN),
    z = new Float64Array(n).fill(NaN);
  const window = new Float64Array(baseline),
    dev = new Float64Array(baseline);
  for (let t = 0; t < n; t++) {
    if (gap[t]) continue;
    let k = 0;
    for (let s = t - step; s >= 0 && k < baseline; s -= step) if (!gap[s]) window[k++] = volume[s];
    if (k < Math.min(MIN_BASELINE, baseline)) continue;
    const m = median(window, k);
    for (let j = 0; j < k; j++) dev[j] = Math.abs(window[j] - m);
    const mad = median(dev, k);
    const scale = Math.max(1.4826 * mad, Math.sqrt(Math.max(m, 1)));
    expected[t] = m;
    z[t] = (volume[t] - m) / scale;
  }
  return { unit, origin, volume, expected, z };
}

export interface Spike {
  /** First and last bin (inclusive). */
  from: number;
  to: number;
  volume: number;
  expected: number;
  /** The highest z-score of its bins. */
  z: number;
}

/** Runs of consecutive bins with z ≥ threshold and volume ≥ minVolume, in time order. */
export function findSpikes(series: VolumeSeries, threshold: number, minVolume: number): Spike[] {
  const spikes: Spike[] = [];
  let open: Spike | null = null;
  const { volume, expected, z } = series;
  for (let t = 0; t < volume.length; t++) {
    const hot = z[t] >= threshold && volume[t] >= minVolume;
    if (!hot) {
      open = null;
      continue;
    }
    if (open && open.to === t - 1) {
      open.to = t;
      open.volume += volume[t];
      open.expected += expected[t];
      open.z = Math.max(open.z, z[t]);
    } else {
      open = { from: t, to: t, volume: volume[t], expected: expected[t], z: z[t] };
      spikes.push(open);
    }
  }
  return spikes;
}

/** A bin's start as text: 'YYYY-MM-DD' for days and weeks, 'YYYY-MM-DD HH:00' for hours. */
export function binLabel(series: Pick<VolumeSeries, 'unit' | 'origin'>, bin: number): string {
  const iso = new Date(series.origin + bin * UNIT_MS[series.unit]).toISOString();
  return series.unit === 'hour' ? `${iso.slice(0, 10)} ${iso.slice(11, 13)}:00` : iso.slice(0, 10);
}
