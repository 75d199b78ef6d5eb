/**
 * On a node: the problems found when its flow was opened, and — when it reads a file this browser
 * does not hold — a drop zone that names the file. Dropping a file there (or choosing one) keeps it
 * in the browser; a file of another name replaces the node's path.
 */
import { useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { keepFile } from '../keep-file';
import { useT } from '../i18n';
import { Icon } from '../icons';
import { useStore } from '../store';
import { checkFiles, useSafety } from './state';
import { aroundFile, SAFETY } from './texts';

async function fulfil(id: string, path: string, file: File | undefined): Promise<void> {
  if (!file || !(await keepFile(file))) return;
  const s = useStore.getState();
  const node = s.nodes.find((n) => n.id === id);
  if (file.name !== path && node?.type === 'flow') s.updateParams(id, { ...node.data.params, path: file.name });
  await checkFiles();
}

export function NodeNeeds({ id }: { id: string }) {
  const { p } = useT();
  const problems = useSafety(useShallow((s) => s.problems.filter((x) => x.node === id)));
  const missing = useSafety(useShallow((s) => s.missing.filter((x) => x.node === id)));
  const [over, setOver] = useState(false);
  if (!problems.length && !missing.length) return null;
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    setOver(true);
  };
  return (
    <div className="af-needs" data-testid={`needs-${id}`}>
      {problems.map((x, i) => (
        <div key={i} className="af-node-note af-note-error" data-level="error" title={p(x.message)} data-testid={`problem-${id}`}>
          <Icon name="error" />
          <span className="af-node-note-text">{p(x.message)}</span>
        </div>
      ))}
      {missing.map((m) => (
        <label
          key={m.path}
          className={`af-drop-file nodrag${over ? ' af-drop-over' : ''}`}
          data-testid={`drop-file-${id}`}
          onDragOver={onDragOver}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            e.stopPropagation();
            setOver(false);
            void fulfil(id, m.path, e.dataTransfer.files[0]);
          }}
        >
          <span>
            {aroundFile(p(SAFETY.needsFileNode))[0]}
            <code>{m.path}</code>
            {aroundFile(p(SAFETY.needsFileNode))[1]}
          </span>
          <input type="file" className="af-drop-input" onChange={(e) => void fulfil(id, m.path, e.target.files?.[0])} />
        </label>
      ))}
    </div>
  );
}
