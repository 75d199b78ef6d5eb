/**
 * The preview before a run: whenever the flow's steps, settings, connections or kept files change,
 * the worker is asked to run the nodes after each loaded file on the file's first rows (see
 * workers/preview.ts). The page keeps only what the worker says — each output's columns, or why
 * there are none — so column pickers and the data panel work before the first Run; it never
 * computes on data. Nodes with a result of a run (`done`) are left out: the run's columns win.
 *
 * Transient view state in its own small store: never in the undo history or the autosave.
 */
import { create } from 'zustand';
import type { ColumnInfo } from '../../core/table/table';
import type { NodeStatus } from '../store/run';
import type { PreviewNode } from '../../../workers/preview';
import { useStore } from '../store';
import { engineClient } from '../worker-client';

interface PreviewState {
  /** Per node: what each output port holds in the preview, or why it has none. */
  nodes: Record<string, PreviewNode>;
  /** Rows each loaded file gives in the preview. */
  rows: number;
  /** Bumped when a new preview arrived, so views refetch. */
  version: number;
  /** Bumped when a file is kept in this browser (a dropped file may replace one of the same name). */
  files: number;
}

export const usePreview = create<PreviewState>()(() => ({ nodes: {}, rows: 0, version: 0, files: 0 }));

/** A file was kept in this browser: the preview reads it again. */
export const filesChanged = () => usePreview.setState((s) => ({ files: s.files + 1 }));

/**
 * The columns arriving from output `port` of node `source`: the last run's when that node is done,
 * else the preview's, else those of an earlier run (a changed node keeps them); with where they
 * come from. Null when nothing is known yet.
 */
export function columnsFrom(
  status: NodeStatus | undefined,
  preview: PreviewNode | undefined,
  port: string,
): { columns: ColumnInfo[]; preview: boolean } | null {
  const run = status?.outputs?.[port]?.columns;
  if (status?.state === 'done' && run) return { columns: run, preview: false };
  const seen = preview?.outputs?.[port]?.columns;
  if (seen) return { columns: seen, preview: true };
  return run ? { columns: run, preview: false } : null;
}

/** What the preview depends on: steps, settings and connections (not positions), kept files, run results. */
function previewKey(): { key: string; json: string; known: string[] } {
  const s = useStore.getState();
  const w = s.toWorkflow();
  const known = w.nodes.filter((n) => s.status[n.id]?.state === 'done').map((n) => n.id);
  const key = JSON.stringify([
    w.nodes.map((n) => [n.id, n.type, n.params]),
    w.edges.map((e) => [e.from, e.to]),
    known,
    usePreview.getState().files,
  ]);
  return { key, json: JSON.stringify(w), known };
}

/** Starts following the app store: asks for a new preview (debounced) when what it depends on changed. */
export function startPreview(delay = 250): () => void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const ask = () => {
    if (useStore.getState().running) return; // the run's end asks again
    const { key, json, known } = previewKey();
    if (key === last) return;
    last = key;
    const request = ++asked;
    void engineClient.preview(json, known).then(
      (result) => {
        if (request !== asked) return;
        if (!result) {
          last = ''; // refused (a run started): ask again after it
          return;
        }
        usePreview.setState((s) => ({ nodes: result.nodes, rows: result.rows, version: s.version + 1 }));
      },
      () => {
        if (request === asked) last = '';
      },
    );
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(ask, delay);
  };
  later();
  // A restarted worker has lost its preview too.
  engineClient.onRestart(() => {
    last = '';
    usePreview.setState((s) => ({ nodes: {}, version: s.version + 1 }));
    later();
  });
  const stopApp = useStore.subscribe((s, prev) => {
    if (s.nodes !== prev.nodes || s.edges !== prev.edges || s.status !== prev.status || s.running !== prev.running) later();
  });
  const stopFiles = usePreview.subscribe((s, prev) => {
    if (s.files !== prev.files) later();
  });
  return () => {
    clearTimeout(timer);
    stopApp();
    stopFiles();
  };
}
