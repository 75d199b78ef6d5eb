/**
 * Cross-validation folds fitted on helper threads. Each helper gets its own transferred copy of
 * the rows once (`model.open`), then fits whole folds (`model.fitFold`) as they are handed out;
 * a fold's fit depends only on its rows, so the models, scores and figures are identical whatever
 * the number of helpers (the figures are computed afterwards, in fold order, in this thread).
 */
import { HelperLostError, type HelperPort, type Helpers, type KernelSet } from '../../contract/helpers';
import { type Fitted, type FoldOptions, fitRows } from './fit';

/** Rows held by this helper, by the id of the training run that sent them. */
const held = new Map<string, { x: Float64Array; d: number; y: Uint8Array }>();

export const MODEL_KERNELS: KernelSet = {
  kernels: {
    'model.open': (p: { id: string; x: Float64Array; d: number; y: Uint8Array }) => {
      held.set(p.id, { x: p.x, d: p.d, y: p.y });
      return true;
    },
    'model.fitFold': (p: { id: string; rows: Int32Array; options: FoldOptions }) => {
      const h = held.get(p.id);
      if (!h) throw new Error(`This helper holds no rows for training run "${p.id}".`);
      return fitRows(h.x, h.d, h.y, p.rows, p.options);
    },
    'model.close': (p: { id: string }) => held.delete(p.id),
  },
  stats: () => ({ modelRunsHeld: held.size }),
};

/** Work (rows × columns) from which fitting folds on helpers pays for copying the rows to them. */
export const PARALLEL_ABOVE = 1_000_000;

let runs = 0;

/**
 * Fits every fold's training rows, on up to `folds − 1` helpers and this thread, each taking the
 * next fold when it is free. `onFit` is called as folds finish (any order). A lost helper's folds
 * are fitted here instead.
 */
export async function fitFolds(
  x: Float64Array,
  d: number,
  y: Uint8Array,
  train: Int32Array[],
  options: FoldOptions,
  helpers: Helpers | undefined,
  shareAbove: number,
  onFit: (fold: number) => Promise<void>,
): Promise<Fitted[]> {
  const k = train.length;
  const fits: Fitted[] = new Array(k);
  const n = y.length;
  const useHelpers = !!helpers && helpers.size > 0 && k > 1 && n * d >= shareAbove;
  const lease = useHelpers ? await helpers!.acquire(k - 1) : null;
  const id = `model-${++runs}-${Math.random().toString(36).slice(2)}`;
  let next = 0;
  const take = () => (next < k ? next++ : -1);
  try {
    const remote = async (port: HelperPort) => {
      const copy = x.slice(),
        labels = y.slice();
      await port.call('model.open', { id, x: copy, d, y: labels }, [copy.buffer, labels.buffer]);
      try {
        for (let f = take(); f >= 0; f = take()) {
          try {
            fits[f] = await port.call<Fitted>('model.fitFold', { id, rows: train[f], options });
          } catch (error) {
            if (!(error instanceof HelperLostError)) throw error;
            fits[f] = fitRows(x, d, y, train[f], options); // the same fit, here
            await onFit(f);
            return;
          }
          await onFit(f);
        }
      } finally {
        await port.call('model.close', { id }).catch(() => undefined);
      }
    };
    const local = async () => {
      // Let the helpers receive their rows and start before this thread takes a fold.
      await new Promise((r) => setTimeout(r, 0));
      for (let f = take(); f >= 0; f = take()) {
        fits[f] = fitRows(x, d, y, train[f], options);
        await onFit(f);
      }
    };
    await Promise.all([...(lease?.ports ?? []).map(remote), local()]);
  } finally {
    lease?.release();
  }
  return fits;
}
