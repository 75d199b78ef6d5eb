/** The React Flow canvas: nodes, connections checked as they are made, and drops of nodes and files. */
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Edge, type IsValidConnection } from '@xyflow/react';
import { useCallback, useEffect, useRef, type DragEvent } from 'react';
import type { Text } from '../../core/text';
import { useShallow } from 'zustand/react/shallow';
import { keepFile } from '../keep-file';
import { importFile } from '../importer';
import { useStore } from '../store';
import { checkConnection } from './connect';
import { FlowNode } from './FlowNode';
import { FrameNodeView } from './FrameNode';
import { NoteNodeView } from './NoteNode';

const nodeTypes = { flow: FlowNode, note: NoteNodeView, frame: FrameNodeView };
export const NODE_MIME = 'application/x-audience-flow-node';
const DATA_FILE = /\.(csv|tsv|txt|json|ndjson|jsonl|arrow|feather|ipc|parquet|xlsx)$/i;
/** An X/Twitter archive file: it becomes an `ingest.social` node. */
const X_ARCHIVE = /^tweets?(-part\d+)?\.js$/i;

export function Canvas() {
  const { nodes, edges, onNodesChange, onEdgesChange } = useStore(useShallow((s) => ({ nodes: s.nodes, edges: s.edges, onNodesChange: s.onNodesChange, onEdgesChange: s.onEdgesChange })));
  const { screenToFlowPosition, fitView } = useReactFlow();
  const loads = useStore((s) => s.loads);
  // A newly opened flow (template, file, share link) is fitted into view once it is drawn.
  useEffect(() => {
    if (loads < 2) return;
    const timer = setTimeout(() => void fitView({ padding: 0.15, maxZoom: 1, duration: 200 }), 50);
    return () => clearTimeout(timer);
  }, [loads, fitView]);

  /** The reason the handle under the pointer refuses the connection being dragged, if any. */
  const refused = useRef<Text | null>(null);

  const isValidConnection: IsValidConnection = useCallback((c) => {
    const s = useStore.getState();
    const problem = checkConnection(c as Connection | Edge, s.nodes, s.edges);
    refused.current = problem;
    return problem === null;
  }, []);

  const onConnect = useCallback((c: Connection) => {
    refused.current = null;
    const problem = useStore.getState().connect(c);
    if (problem) useStore.getState().say(problem, 'error');
  }, []);

  const onConnectStart = useCallback(() => { refused.current = null; }, []);

  /** When a drag ends on a port that refused it, say why. */
  const onConnectEnd = useCallback((_e: MouseEvent | TouchEvent, state: { isValid: boolean | null }) => {
    if (state.isValid !== true && refused.current) useStore.getState().say(refused.current, 'error');
    refused.current = null;
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = e.dataTransfer.types.includes(NODE_MIME) ? 'move' : 'copy';
  }, []);

  const onDrop = useCallback(async (e: DragEvent) => {
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
      const xArchive = X_ARCHIVE.test(file.name);
      if (!DATA_FILE.test(file.name) && !xArchive) {
        s.say({ en: `"${file.name}" is not a data file Audience Flow can read (CSV, TSV, JSON, NDJSON, Arrow, Parquet, Excel .xlsx, X archive tweets.js).`, vi: `"${file.name}" không phải tệp dữ liệu mà Audience Flow đọc được (CSV, TSV, JSON, NDJSON, Arrow, Parquet, Excel .xlsx, tweets.js của X).` }, 'error');
        continue;
      }
      if (!(await keepFile(file))) continue;
      const at = { x: position.x, y: position.y + i * 140 };
      if (xArchive) s.addNode('ingest.social', at, { platform: 'x', path: file.name });
      else s.addNode('ingest.file', at, { path: file.name });
      s.say({ en: `"${file.name}" is kept in this browser only; it is never uploaded.`, vi: `"${file.name}" chỉ được lưu trong trình duyệt này; không bao giờ được tải lên mạng.` });
    }
  }, [screenToFlowPosition]);

  return (
    <div className="af-canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow
        nodes={nodes} edges={edges} nodeTypes={nodeTypes}
        onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
        onConnect={onConnect} onConnectStart={onConnectStart} onConnectEnd={onConnectEnd} isValidConnection={isValidConnection}
        onNodeClick={(_e, node) => node.type === 'flow' && useStore.getState().select(node.id)}
        onPaneClick={() => useStore.getState().select(null)}
        deleteKeyCode={['Delete', 'Backspace']}
        selectionKeyCode="Shift" multiSelectionKeyCode={['Shift', 'Meta', 'Control']} elevateNodesOnSelect={false}
        fitView fitViewOptions={{ padding: 0.15, maxZoom: 1 }} minZoom={0.2}
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
