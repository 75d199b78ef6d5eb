/** The app store: one zustand store built from slices (graph, run, ui), read through narrow selectors. */
import { create } from 'zustand';
import { createGraphSlice, type GraphSlice } from './graph';
import { createRunSlice, type RunSlice } from './run';
import { createUiSlice, type UiSlice } from './ui';

export type AppState = GraphSlice & RunSlice & UiSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createGraphSlice(...a),
  ...createRunSlice(...a),
  ...createUiSlice(...a),
}));
