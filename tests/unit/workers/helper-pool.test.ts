/**
 * The pool of helper threads and the kernel contract: helpers start on first use and are kept,
 * a helper that does not start leaves the work to the calling thread, one that dies fails its
 * pending calls with HelperLostError, and a real helper thread runs named kernels with
 * transferred buffers.
 */
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { HelperLostError } from '../../../src/core/contract/helpers';
import { HelperPool, type Thread } from '../../../workers/helper-pool';
import { nodeHelpers } from '../../../workers/node-helpers';

/** A helper in this thread behind a real message channel; `kill()` makes it die as a thread would. */
function fakeThread(api: Record<string, unknown>) {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, nodeEndpoint(port2));
  let lost: (() => void) | null = null;
  let terminated = false;
  const thread: Thread = {
    endpoint: nodeEndpoint(port1),
    terminate: () => {
      terminated = true;
      port1.close();
      port2.close();
    },
    onLost: (listener) => {
      lost = listener;
    },
  };
  return { thread, kill: () => lost?.(), terminated: () => terminated };
}

const echoApi = (log: string[]) => ({
  ping: () => 'pong',
  call: (kernel: string, payload: unknown) => {
    log.push(kernel);
    return { kernel, payload };
  },
});

describe('HelperPool', () => {
  it('starts helpers on first use, up to what is asked, and keeps them for the next task', async () => {
    const log: string[] = [];
    let spawned = 0;
    const pool = new HelperPool(3, () => {
      spawned++;
      return fakeThread(echoApi(log)).thread;
    });
    expect(pool.size).toBe(3);
    expect(pool.running).toBe(0);
    const lease = await pool.acquire(2);
    expect(lease.ports).toHaveLength(2);
    expect(spawned).toBe(2);
    expect(await lease.ports[1].call('any.kernel', { x: 1 })).toEqual({ kernel: 'any.kernel', payload: { x: 1 } });
    lease.release();
    const again = await pool.acquire(2);
    expect(spawned).toBe(2);
    again.release();
    again.release(); // releasing twice is harmless
    pool.terminate();
    expect(pool.running).toBe(0);
  });

  it('a helper that cannot be started leaves the work to the calling thread (size 0, no ports)', async () => {
    const pool = new HelperPool(2, () => {
      throw new Error('no workers here');
    });
    const lease = await pool.acquire(2);
    expect(lease.ports).toEqual([]);
    expect(pool.size).toBe(0);
  });

  it('a helper that fails its first call is given up', async () => {
    const fake = fakeThread({
      ping: () => {
        throw new Error('broken');
      },
    });
    const pool = new HelperPool(1, () => fake.thread);
    const lease = await pool.acquire(1);
    expect(lease.ports).toEqual([]);
    expect(pool.size).toBe(0);
    expect(fake.terminated()).toBe(true);
  });

  it('a helper that dies fails its pending and later calls with HelperLostError, and is replaced on the next task', async () => {
    const fakes: ReturnType<typeof fakeThread>[] = [];
    const pool = new HelperPool(1, () => {
      const f = fakeThread({ ping: () => 'pong', call: () => new Promise(() => {}) });
      fakes.push(f);
      return f.thread;
    });
    const lease = await pool.acquire(1);
    const pending = lease.ports[0].call('slow.kernel', {});
    fakes[0].kill();
    await expect(pending).rejects.toBeInstanceOf(HelperLostError);
    await expect(lease.ports[0].call('slow.kernel', {})).rejects.toBeInstanceOf(HelperLostError);
    lease.release();
    expect(pool.running).toBe(0);
    const next = await pool.acquire(1);
    expect(fakes).toHaveLength(2);
    expect(next.ports).toHaveLength(1);
    next.release();
    pool.terminate();
  });
});

describe('a real helper thread runs named kernels', () => {
  const pool = nodeHelpers(1);
  afterAll(() => pool.terminate());

  it('moves transferred buffers, keeps kernel state between calls and answers with fresh arrays', async () => {
    const lease = await pool.acquire(1);
    const [port] = lease.ports;
    // 3 rows × 2 columns, one shard with k = 1, seeded at (0, 0): the block's sum of squared
    // distances to it, then the column sums and sums of squares (the moments about it).
    const data = Float64Array.from([1, 2, 3, 4, 5, 6]);
    await port.call('kmeans.open', { id: 900, data, rows: 3, d: 2, k: 1, generic: true }, [data.buffer]);
    expect(data.length).toBe(0); // transferred, not copied
    const start = await port.call<Float64Array>('kmeans.call', { id: 900, method: 'seedStart', args: [new Float64Array(2)] });
    expect(Array.from(start)).toEqual([91, 9, 12, 1 + 9 + 25, 4 + 16 + 36]);
    await port.call('kmeans.close', { id: 900 });
    lease.release();
  });

  it('names the kernel it does not know', async () => {
    const lease = await pool.acquire(1);
    await expect(lease.ports[0].call('gbt.split', {})).rejects.toThrow(/no kernel named "gbt.split"/);
    await expect(lease.ports[0].call('kmeans.call', { id: 12345, method: 'sums', args: [] })).rejects.toThrow(/shard 12345 is not open/);
    lease.release();
  });
});
