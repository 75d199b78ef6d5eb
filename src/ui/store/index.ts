/**
 * The app store: one zustand store built from slices (graph, edit, run, ui), read through narrow
 * selectors. The graph part is under zundo's temporal middleware (undo/redo, see history.ts).
 */
import { temporal } from 'zundo';
import { create, type StateCreator } from 'zustand';
import { createEditSlice, type EditSlice } from './edit';
import { createGraphSlice, type GraphSlice } from './graph';
import { HISTORY_LIMIT, partialize, sameGraph, type Tracked } from './history';
import { createRunSlice, type RunSlice } from './run';
import { createUiSlice, type UiSlice } from './ui';

export type AppState = GraphSlice & EditSlice & RunSlice & UiSlice;
type Slice<T> = StateCreator<AppState, [], [], T>;

export const useStore = create<AppState>()(
  temporal<AppState, [], [], Tracked>(
    (set, get, api) => {
      const a: Parameters<Slice<unknown>> = [set, get, api];
      return {
        ...createGraphSlice(...a),
        ...createEditSlice(...a),
        ...createRunSlice(...a),
        ...createUiSlice(...a),
      };
    },
    { partialize, equality: sameGraph, limit: HISTORY_LIMIT },
  ),
);
