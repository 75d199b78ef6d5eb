/**
 * The executor's output cache: node outputs by the SHA-256 key of their inputs, bounded by bytes,
 * least recently used evicted first. Bytes are those of the Arrow buffers actually held: a buffer
 * shared by several outputs (a column passed through unchanged) is counted once, and freed only
 * when the last output holding it is evicted. Charts and models count the length of their JSON.
 */
import type { Data, Table } from 'apache-arrow';
import type { PortValue } from '../src/core/contract/node';
import { isTable } from '../src/core/table/table';
import type { Text } from '../src/core/contract/i18n';

export interface CacheEntry {
  outputs: Record<string, PortValue>;
  ms: number;
  warnings: Text[];
  /** Plain information the node gave (shown more calmly than warnings). */
  infos?: Text[];
}

const GiB = 1024 ** 3;

/**
 * The default budget: a quarter of what this JavaScript context may use — the heap limit in
 * Chromium (`performance.memory`), else a quarter of the device memory (`navigator.deviceMemory`,
 * in GB), else 1 GiB. In Node the CLI passes `os.totalmem() / 4` (see `nodeCacheBytes`).
 */
export function defaultCacheBytes(): number {
  const g = globalThis as { performance?: { memory?: { jsHeapSizeLimit?: number } }; navigator?: { deviceMemory?: number } };
  const heap = g.performance?.memory?.jsHeapSizeLimit;
  if (typeof heap === 'number' && heap > 0) return Math.max(256 * 1024 ** 2, Math.floor(heap / 4));
  const device = g.navigator?.deviceMemory;
  if (typeof device === 'number' && device > 0) return Math.max(256 * 1024 ** 2, Math.floor((device * GiB) / 4));
  return GiB;
}

/** The distinct buffers behind a value (Arrow buffers by their ArrayBuffer) and the bytes of anything else. */
export function buffersOf(outputs: Record<string, PortValue>): { buffers: Set<ArrayBufferLike>; other: number } {
  const buffers = new Set<ArrayBufferLike>();
  let other = 0;
  const visit = (data: Data) => {
    for (const b of [data.values, data.valueOffsets, data.nullBitmap, data.typeIds] as (ArrayBufferView | undefined)[]) {
      if (b && b.byteLength) buffers.add(b.buffer);
    }
    for (const child of data.children) visit(child);
    if (data.dictionary) for (const d of data.dictionary.data) visit(d);
  };
  for (const value of Object.values(outputs)) {
    if (isTable(value)) {
      for (const batch of (value as Table).batches) visit(batch.data);
    } else {
      other += JSON.stringify(value)?.length ?? 0;
    }
  }
  return { buffers, other };
}

interface Held {
  entry: CacheEntry;
  buffers: ArrayBufferLike[];
  other: number;
}

export class OutputCache {
  /** Entries in least- to most-recently-used order (a Map keeps insertion order). */
  private entries = new Map<string, Held>();
  private refs = new Map<ArrayBufferLike, number>();
  private used = 0;

  constructor(public budget: number = defaultCacheBytes()) {}

  /** Bytes held by every entry (shared buffers once). */
  get bytes(): number {
    return this.used;
  }
  get size(): number {
    return this.entries.size;
  }
  keys(): string[] {
    return [...this.entries.keys()];
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The entry for a key, marked as most recently used. */
  get(key: string): CacheEntry | undefined {
    const held = this.entries.get(key);
    if (!held) return undefined;
    this.entries.delete(key);
    this.entries.set(key, held);
    return held.entry;
  }

  /** Stores (or refreshes) an entry as most recently used; call `trim` to enforce the budget. */
  set(key: string, entry: CacheEntry): void {
    const old = this.entries.get(key);
    if (old) {
      if (old.entry === entry) {
        this.get(key);
        return;
      }
      this.delete(key);
    }
    const { buffers, other } = buffersOf(entry.outputs);
    for (const b of buffers) {
      const n = this.refs.get(b) ?? 0;
      if (n === 0) this.used += b.byteLength;
      this.refs.set(b, n + 1);
    }
    this.used += other;
    this.entries.set(key, { entry, buffers: [...buffers], other });
  }

  delete(key: string): boolean {
    const held = this.entries.get(key);
    if (!held) return false;
    this.entries.delete(key);
    for (const b of held.buffers) {
      const n = this.refs.get(b)! - 1;
      if (n === 0) {
        this.refs.delete(b);
        this.used -= b.byteLength;
      } else this.refs.set(b, n);
    }
    this.used -= held.other;
    return true;
  }

  /** Evicts least recently used entries (except `keep`) until the budget holds; returns the evicted keys. */
  trim(keep: ReadonlySet<string> = new Set()): string[] {
    const evicted: string[] = [];
    for (const key of [...this.entries.keys()]) {
      if (this.used <= this.budget) break;
      if (keep.has(key)) continue;
      this.delete(key);
      evicted.push(key);
    }
    return evicted;
  }

  clear(): void {
    this.entries.clear();
    this.refs.clear();
    this.used = 0;
  }
}
