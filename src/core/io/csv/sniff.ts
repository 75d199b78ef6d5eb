/**
 * What the CSV reader decides before reading: the delimiter (the candidate that splits the first
 * lines into the same number of fields), whether the first row is a header, and unique column names.
 */
import { BOOL, EMPTY, NUM, STR, Scanner, UnterminatedQuote, cellKind } from './scan';

/** One field of a sampled record: bytes [s, e) and its quoting. */
export interface SampleField {
  s: number;
  e: number;
  q: number;
}

const SAMPLE_BYTES = 256 * 1024;

/** The first records (up to `max`) split with `delim`, from the first 256 KB; blank lines skipped. */
export function sampleRecords(bytes: Uint8Array, start: number, delim: number, max = 50): SampleField[][] {
  const limit = Math.min(bytes.length, start + SAMPLE_BYTES);
  const view = bytes.subarray(0, limit);
  const sc = new Scanner(view, delim);
  const records: SampleField[][] = [];
  let pos = start;
  while (pos < limit && records.length < max) {
    if (view[pos] === 10 || view[pos] === 13) {
      pos++;
      continue;
    }
    const fields: SampleField[] = [];
    try {
      do {
        pos = sc.field(pos);
        fields.push({ s: sc.start, e: sc.end, q: sc.quoted });
      } while (sc.term === 0);
    } catch (err) {
      if (err instanceof UnterminatedQuote) break;
      throw err;
    }
    if (sc.term === 2 && limit < bytes.length) break; // cut by the sample limit
    records.push(fields);
  }
  return records;
}

const CANDIDATES = [44, 9, 59, 124]; // , TAB ; |

/** The delimiter among , TAB ; | that gives the most consistent field counts over the first lines (`,` if none splits). */
export function detectDelimiter(bytes: Uint8Array, start: number): number {
  let best = 44,
    bestScore = 0;
  for (const delim of CANDIDATES) {
    const records = sampleRecords(bytes, start, delim);
    if (!records.length) continue;
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let mode = 1,
      modeCount = 0;
    for (const [fields, count] of counts)
      if (count > modeCount || (count === modeCount && fields > mode)) {
        mode = fields;
        modeCount = count;
      }
    if (mode < 2) continue;
    // Share of lines with the usual count, then more fields: consistent splits win, wider ones break ties.
    const share = modeCount / records.length;
    const score = share * 1000 + Math.min(mode, 999) / 1000;
    if (score > bestScore + 1e-9) {
      best = delim;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether the first record is a header: yes when some column holds a word above numbers (or
 * yes/no values); no when the first row holds numbers where the later rows do; otherwise yes.
 */
export function detectHeader(bytes: Uint8Array, records: SampleField[][]): boolean {
  if (!records.length) return true;
  const first = records[0];
  const kinds = first.map((f) => cellKind(bytes, f.s, f.e, f.q));
  if (kinds.every((k) => k === NUM)) return false;
  if (records.length < 2) return true;
  let forHeader = 0,
    forData = 0;
  for (let c = 0; c < first.length; c++) {
    let later = EMPTY;
    for (let r = 1; r < records.length; r++) {
      const f = records[r][c];
      if (!f) continue;
      const k = cellKind(bytes, f.s, f.e, f.q);
      if (k === EMPTY) continue;
      later = later === EMPTY || later === k ? k : STR;
    }
    if (later !== NUM && later !== BOOL) continue;
    if (kinds[c] === STR) forHeader++;
    else if (kinds[c] === later) forData++;
  }
  return forHeader > 0 || forData === 0;
}

/** Column names from the header cells: trimmed, empty ones called "Column N", repeats suffixed "_2", "_3"… */
export function uniqueNames(raw: string[]): string[] {
  const used = new Set<string>();
  return raw.map((r, i) => {
    let name = r.trim() || `Column ${i + 1}`;
    if (used.has(name)) {
      let k = 2;
      while (used.has(`${name}_${k}`)) k++;
      name = `${name}_${k}`;
    }
    used.add(name);
    return name;
  });
}
