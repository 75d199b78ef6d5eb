/** The React Flow canvas: nodes, connections checked as they are made, and drops of nodes and files. */
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Edge, type IsValidConnection } from '@xyflow/react';
import { useCallback, useEffect, useRef, type DragEvent } from 'react';
import type { Text } from '../../core/contract/i18n';
import { useShallow } from 'zustand/react/shallow';
import { keepFile } from '../keep-file';
import { importFile } from '../importer';
import { useStore } from '../store';
import { checkConnection } from '../../core/flow/connect';
import { getNode } from '../../../nodes/index';
import { FlowNode } from './FlowNode';
import { FrameNodeView } from './FrameNode';
import { NoteNodeView } from './NoteNode';
import { checkFiles, useSafety } from '../safety/state';
import { SAFETY } from '../safety/texts';

const nodeTypes = { flow: FlowNode, note: NoteNodeView, frame: FrameNodeView };
export const NODE_MIME = 'application/x-audience-flow-node';
const DATA_FILE = /\.(csv|tsv|txt|json|ndjson|jsonl|arrow|feather|ipc|parquet|xlsx)$/i;
/** An X/Twitter archive file: it becomes an `ingest.social` node. */
const X_ARCHIVE = /^tweets?(-part\d+)?\.js$/i;

/** Node titles are 13 px and notes 12.5 px at zoom 1: below this zoom they would be under 12 px. */
export const READABLE_ZOOM = 12 / 12.5;
const PAD = 40;

/**
 * The first view of a flow: the whole flow when it fits at a readable zoom (never above 100%);
 * otherwise the readable zoom, starting at the flow's left edge (where a flow is read from) and
 * centred vertically when its height fits.
 */
export function readableView(
  b: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
): { x: number; y: number; zoom: number } {
  const fit = Math.min(1, (width - 2 * PAD) / Math.max(1, b.width), (height - 2 * PAD) / Math.max(1, b.height));
  const zoom = Math.max(fit, READABLE_ZOOM);
  const x = fit >= READABLE_ZOOM ? (width - b.width * zoom) / 2 - b.x * zoom : PAD - b.x * zoom;
  const y = b.height * zoom <= height - 2 * PAD ? (height - b.height * zoom) / 2 - b.y * zoom : PAD - b.y * zoom;
  return { x, y, zoom };
}

export function Canvas() {
  const { nodes, edges, onNodesChange, onEdgesChange } = useStore(
    useShallow((s) => ({ nodes: s.nodes, edges: s.edges, onNodesChange: s.onNodesChange, onEdgesChange: s.onEdgesChange })),
  );
  const flow = useReactFlow();
  const { screenToFlowPosition } = flow;
  const loads = useStore((s) => s.loads);
  const box = useRef<HTMLDivElement>(null);
  // A newly opened flow (template, file, share link) is shown once it is drawn, at a zoom where
  // its titles and notes can be read; what does not fit is reached with the minimap.
  useEffect(() => {
    const timer = setTimeout(() => {
      const rect = box.current?.getBoundingClientRect();
      const nodes = flow.getNodes();
      if (!rect || !nodes.length) return;

      void flow.setViewport(readableView(flow.getNodesBounds(nodes), rect.width, rect.height), { duration: loads > 1 ? 200 : 0 });
    }, 50);
    return () => clearTimeout(timer);
  }, [loads]); // only when a flow is opened: `flow` is the same instance throughout

  /** The reason the handle under the pointer refuses the connection being dragged, if any. */
  const refused = useRef<Text | null>(null);

  const isValidConnection: IsValidConnection = useCallback((c) => {
    const s = useStore.getState();
    const problem = checkConnection(c as Connection | Edge, s.nodes, s.edges, getNode);
    refused.current = problem;
    return problem === null;
  }, []);

  const onConnect = useCallback((c: Connection) => {
    refused.current = null;
    const problem = useStore.getState().connect(c);
    if (problem) useStore.getState().say(problem, 'error');
  }, []);

  const onConnectStart = useCallback(() => {
    refused.current = null;
  }, []);

  /** When a drag ends on a port that refused it, say why. */
  const onConnectEnd = useCallback((_e: MouseEvent | TouchEvent, state: { isValid: boolean | null }) => {
    if (state.isValid !== true && refused.current) useStore.getState().say(refused.current, 'error');
    refused.current = null;
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = e.dataTransfer.types.includes(NODE_MIME) ? 'move' : 'copy';
  }, []);

  const onDrop = useCallback(
    async (e: DragEvent) => {
      e.preventDefault();
      const position = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const s = useStore.getState();
      const type = e.dataTransfer.getData(NODE_MIME);
      if (type) {
        s.addNode(type, position);
        return;
      }
      for (const [i, file] of Array.from(e.dataTransfer.files).entries()) {
        if (/\.flow\.json$/i.test(file.name)) {
          await importFile(file);
          continue;
        }
        if (/\.model\.json$/i.test(file.name)) {
          // A model saved from the data panel: kept like a data file, read (and checked) by its node.
          if (await keepFile(file)) s.addNode('model.load', { x: position.x, y: position.y + i * 140 }, { path: file.name });
          continue;
        }
        const xArchive = X_ARCHIVE.test(file.name);
        if (!DATA_FILE.test(file.name) && !xArchive) {
          s.say(
            {
              en: `"${file.name}" is not a data file Audience Flow can read (CSV, TSV, JSON, NDJSON, Arrow, Parquet, Excel .xlsx, X archive tweets.js).`,
              vi: `"${file.name}" không phải tệp dữ liệu mà Audience Flow đọc được (CSV, TSV, JSON, NDJSON, Arrow, Parquet, Excel .xlsx, tweets.js của X).`,
            },
            'error',
          );
          continue;
        }
        if (!(await keepFile(file))) continue;
        // A file the opened flow reads (named on its node): kept, and that node is fulfilled.
        if (useSafety.getState().missing.some((m) => m.path === file.name)) {
          await checkFiles();
          s.say({ en: SAFETY.fileFulfilled.en.replace('{file}', file.name), vi: SAFETY.fileFulfilled.vi.replace('{file}', file.name) });
          continue;
        }
        const at = { x: position.x, y: position.y + i * 140 };
        if (xArchive) s.addNode('ingest.social', at, { platform: 'x', path: file.name });
        else s.addNode('ingest.file', at, { path: file.name });
        s.say({
          en: `"${file.name}" is kept in this browser only; it is never uploaded.`,
          vi: `"${file.name}" chỉ được lưu trong trình duyệt này; không bao giờ được tải lên mạng.`,
        });
      }
    },
    [screenToFlowPosition],
  );

  return (
    <div className="af-canvas" ref={box} onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={({ nodes: gone, edges: cut }) =>
          useStore.getState().removeElements(
            gone.map((n) => n.id),
            cut.map((e) => e.id),
          )
        }
        onConnect={onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeClick={(_e, node) => node.type === 'flow' && useStore.getState().select(node.id)}
        onPaneClick={() => useStore.getState().select(null)}
        deleteKeyCode={['Delete', 'Backspace']}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        elevateNodesOnSelect={false}
        minZoom={0.2}
        defaultEdgeOptions={{ animated: false }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable style={{ width: 140, height: 90 }} />
        <Controls />
      </ReactFlow>
    </div>
  );
}
