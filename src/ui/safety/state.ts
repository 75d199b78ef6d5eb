/**
 * Keeping the analyst's work safe when another flow comes in, and saying what an opened flow lacks:
 *
 * - **Unsaved edits.** Every edit bumps the flow's revision; opening a flow bumps `loads` too. The
 *   canvas is "unsaved" from the first edit after it was opened, saved to a file or shared, until
 *   the next of these. The mark is kept in localStorage, so an edited flow restored by a reload
 *   still counts as unsaved.
 * - **Problems on open.** An opened flow is checked at once with `validateWorkflow` (the same rules
 *   as the engine and the canvas' connection checks). The problems stay listed until they are fixed:
 *   after each edit the flow is checked again and only those still there are kept (new ones, such as
 *   a node just dropped and not yet connected, wait for Run).
 * - **Files it reads.** Each node that reads a file (`files(params)`) whose file is not kept in this
 *   browser is listed, so the analyst knows what to drop before Run.
 *
 * Transient view state in its own small store: never in the undo history or the autosave.
 */
import { create } from 'zustand';
import { getNode } from '../../../nodes/index';
import { parseParams } from '../../core/contract/params';
import { validateWorkflow, type GraphIssue } from '../../core/flow/validate';
import type { Workflow } from '../../core/flow/workflow';
import { fileNames } from '../../../workers/browser-files';
import { useStore } from '../store';

export type ReplaceChoice = 'save' | 'replace' | 'cancel';

/** A node that reads a file this browser does not hold. */
export interface MissingFile {
  node: string;
  path: string;
}

interface SafetyState {
  dirty: boolean;
  /** The open "Save first / Replace / Cancel" question, answered through `answer`. */
  asking: { answer: (choice: ReplaceChoice) => void } | null;
  /** Problems found when the flow was opened, still present. */
  problems: GraphIssue[];
  missing: MissingFile[];
}

const DIRTY_KEY = 'audience-flow.unsaved';

export const useSafety = create<SafetyState>()(() => ({ dirty: readDirty(), asking: null, problems: [], missing: [] }));

function readDirty(): boolean {
  try {
    return globalThis.localStorage?.getItem(DIRTY_KEY) === '1';
  } catch {
    return false;
  }
}

function setDirty(dirty: boolean): void {
  if (useSafety.getState().dirty === dirty) return;
  useSafety.setState({ dirty });
  try {
    if (dirty) localStorage.setItem(DIRTY_KEY, '1');
    else localStorage.removeItem(DIRTY_KEY);
  } catch {
    /* private mode: the mark lasts for this page only */
  }
}

/** The canvas was saved to a file or exported (share link): nothing is unsaved any more. */
export const markSaved = () => setDirty(false);

/** Same problem (same kind, same node) as one found on open. */
const key = (i: GraphIssue) => `${i.code}|${i.node ?? ''}`;

/** The files the flow's nodes read, with the node that reads each. */
export function filesRead(w: Workflow): MissingFile[] {
  const out: MissingFile[] = [];
  for (const n of w.nodes) {
    const def = getNode(n.type);
    if (!def?.files) continue;
    const params = parseParams(def, n.params);
    if (!params.ok) continue;
    for (const path of def.files(params.params as never)) out.push({ node: n.id, path });
  }
  return out;
}

/** Lists the nodes whose file is not kept in this browser. */
export async function checkFiles(): Promise<void> {
  const reads = filesRead(useStore.getState().toWorkflow());
  const held = reads.length ? new Set(await fileNames()) : new Set<string>();
  useSafety.setState({ missing: reads.filter((r) => !held.has(r.path)) });
}

/** Starts following the app store: the unsaved mark, the problems found on open, the missing files. */
export function startSafety(): () => void {
  const open = () => {
    useSafety.setState({ problems: validateWorkflow(useStore.getState().toWorkflow(), getNode) });
    void checkFiles();
  };
  open();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return useStore.subscribe((s, prev) => {
    if (s.loads !== prev.loads) {
      setDirty(false);
      open();
      return;
    }
    if (s.revision === prev.revision) return;
    setDirty(true);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const problems = useSafety.getState().problems;
      if (problems.length) {
        const now = new Set(validateWorkflow(useStore.getState().toWorkflow(), getNode).map(key));
        useSafety.setState({ problems: problems.filter((p) => now.has(key(p))) });
      }
      void checkFiles();
    }, 150);
  });
}

/**
 * Before another flow replaces the canvas: when there are unsaved edits, asks "Save first /
 * Replace / Cancel" (the dialog answers). Resolves true when the new flow may be loaded.
 */
export async function mayReplace(save: () => void): Promise<boolean> {
  if (!useSafety.getState().dirty) return true;
  useSafety.getState().asking?.answer('cancel');
  const choice = await new Promise<ReplaceChoice>((resolve) =>
    useSafety.setState({
      asking: {
        answer: (c) => {
          useSafety.setState({ asking: null });
          resolve(c);
        },
      },
    }),
  );
  if (choice === 'cancel') return false;
  if (choice === 'save') save();
  return true;
}
