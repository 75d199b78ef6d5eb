/**
 * Edit slice: undo/redo, notes and group frames, renaming, copy/paste, auto-layout positions and
 * the keyboard-shortcuts panel. Every action here is one undo step.
 */
import type { StateCreator } from 'zustand';
import { parseWorkflow } from '../../core/flow/workflow';
import { clipToGraph, selectionToClip } from './clipboard';
import { FRAME_PREFIX, FRAME_Z, NOTE_PREFIX, NOTE_Z, type CanvasNode, type FrameData, type NoteData } from './convert';
import { temporalOf } from './history';
import type { AppState } from './index';

export interface EditSlice {
  showShortcuts: boolean;
  undo: () => void;
  redo: () => void;
  addNote: (position: { x: number; y: number }, text?: string) => string;
  updateNote: (id: string, patch: Partial<NoteData>) => void;
  addFrame: (position: { x: number; y: number }, label?: string) => string;
  updateFrame: (id: string, patch: Partial<FrameData>) => void;
  renameNode: (id: string, label: string) => void;
  /** The selection as workflow JSON, or null when nothing is selected. */
  copySelection: () => string | null;
  /** Pastes workflow JSON (validated like an import); returns how many items were added or an error message. */
  paste: (json: string) => { ok: true; count: number } | { ok: false; message: string };
  setPositions: (positions: Record<string, { x: number; y: number }>) => void;
  toggleShortcuts: (open?: boolean) => void;
}

const freshId = (prefix: string, base: string, nodes: CanvasNode[]) => {
  const taken = new Set(nodes.map((n) => n.id));
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${base}-${i}`)) return `${prefix}${base}-${i}`;
};

let pasteCount = 0;

export const createEditSlice: StateCreator<AppState, [], [], EditSlice> = (set, get, api) => {
  /** After undo/redo: what changed is marked stale and autosaved. */
  const travel = (step: 'undo' | 'redo') => {
    const temporal = temporalOf(api);
    if (!temporal) return;
    const before = new Map(get().nodes.map((n) => [n.id, n.data]));
    temporal.getState()[step]();
    set({ revision: get().revision + 1 });
    for (const n of get().nodes) if (n.type === 'flow' && before.get(n.id) !== n.data) get().markStale(n.id);
  };
  const bump = () => ({ revision: get().revision + 1 });
  const deselected = () => get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n));

  return {
    showShortcuts: false,
    undo: () => travel('undo'),
    redo: () => travel('redo'),

    addNote: (position, text = '') => {
      const id = freshId(NOTE_PREFIX, 'note', get().nodes);
      set({
        nodes: [...deselected(), { id, type: 'note', position, data: { text }, zIndex: NOTE_Z, width: 220, height: 120, selected: true }],
        ...bump(),
      });
      return id;
    },
    updateNote: (id, patch) =>
      set({
        nodes: get().nodes.map((n) => (n.id === id && n.type === 'note' ? { ...n, data: { ...n.data, ...patch } } : n)),
        ...bump(),
      }),
    addFrame: (position, label = '') => {
      const id = freshId(FRAME_PREFIX, 'frame', get().nodes);
      // Frames go first so they are drawn behind the nodes.
      set({
        nodes: [
          { id, type: 'frame', position, data: { label }, zIndex: FRAME_Z, width: 480, height: 300, selected: true },
          ...deselected(),
        ],
        ...bump(),
      });
      return id;
    },
    updateFrame: (id, patch) =>
      set({
        nodes: get().nodes.map((n) => (n.id === id && n.type === 'frame' ? { ...n, data: { ...n.data, ...patch } } : n)),
        ...bump(),
      }),
    renameNode: (id, label) =>
      set({
        nodes: get().nodes.map((n) => {
          if (n.id !== id || n.type !== 'flow') return n;
          const { label: _old, ...data } = n.data;
          return { ...n, data: label.trim() ? { ...data, label: label.trim() } : data };
        }),
        ...bump(),
      }),

    copySelection: () => {
      const clip = selectionToClip(get());
      pasteCount = 0;
      return clip ? JSON.stringify(clip) : null;
    },
    paste: (json) => {
      const parsed = parseWorkflow(json);
      if (!parsed.ok) return parsed;
      const step = 40 * ++pasteCount;
      const added = clipToGraph(parsed.workflow, get().nodes, { x: step, y: step });
      const frames = added.nodes.filter((n) => n.type === 'frame');
      const rest = added.nodes.filter((n) => n.type !== 'frame');
      set({ nodes: [...frames, ...deselected(), ...rest], edges: [...get().edges, ...added.edges], ...bump() });
      return { ok: true, count: added.nodes.length };
    },
    setPositions: (positions) =>
      set({
        nodes: get().nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id] } : n)),
        ...bump(),
      }),
    toggleShortcuts: (open) => set({ showShortcuts: open ?? !get().showShortcuts }),
  };
};
