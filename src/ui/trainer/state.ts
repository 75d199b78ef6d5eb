/**
 * Trainer mode and the template gallery: which step is shown, replay and presentation. Transient view
 * state, kept in its own small store so that it never enters the flow's undo history or autosave.
 */
import { create } from 'zustand';
import { topologicalOrder } from '../../core/flow/validate';
import { useStore } from '../store';

export interface TrainerState {
  /** The gallery of templates is open. */
  gallery: boolean;
  /** Node ids in the order the steps go; computed when stepping starts. */
  order: string[];
  /** The node of the current step, highlighted on the canvas and explained in the panel. */
  current: string | null;
  /** A step is running. */
  busy: boolean;
  replaying: boolean;
  presenting: boolean;
  /** Milliseconds between two steps of a replay. */
  replayDelay: number;
  openGallery: (open: boolean) => void;
  step: () => Promise<void>;
  replay: () => Promise<void>;
  stopReplay: () => void;
  close: () => void;
  present: (on: boolean) => void;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const useTrainer = create<TrainerState>()((set, get) => ({
  gallery: false,
  order: [],
  current: null,
  busy: false,
  replaying: false,
  presenting: false,
  replayDelay: 1800,

  openGallery: (gallery) => set({ gallery }),

  /** Runs only the next node in topological order (and what it needs, from the cache). */
  step: async () => {
    const app = useStore.getState();
    if (get().busy || app.running) return;
    const order = topologicalOrder(app.toWorkflow());
    if (!order.length) return;
    const at = get().current ? order.indexOf(get().current!) : -1;
    const next = order[(at + 1) % order.length];
    set({ busy: true, order, current: next });
    const before = app.status;
    try {
      app.select(next);
      await useStore.getState().run([next]);
      // Nodes this step did not need keep what they showed: their outputs are still in the cache.
      const after = useStore.getState().status;
      const kept = Object.fromEntries(
        Object.entries(before).filter(([id, st]) => after[id]?.state === 'idle' && (st.state === 'done' || st.state === 'stale')),
      );
      if (Object.keys(kept).length) useStore.setState({ status: { ...after, ...kept } });
    } finally {
      set({ busy: false });
    }
  },

  /** Steps through the flow from the start; after a full run every step comes from the cache. */
  replay: async () => {
    if (get().replaying) return;
    set({ replaying: true, current: null });
    try {
      const order = topologicalOrder(useStore.getState().toWorkflow());
      for (let i = 0; i < order.length && get().replaying; i++) {
        await get().step();
        if (i < order.length - 1) await wait(get().replayDelay);
      }
    } finally {
      set({ replaying: false });
    }
  },

  stopReplay: () => set({ replaying: false }),
  close: () => set({ current: null, replaying: false }),
  present: (presenting) => set({ presenting }),
}));
