/**
 * "Download" in the data panel header for an export.file node: asks the worker for the table's
 * bytes in the node's format and hands them to the browser as a file.
 */
import { useState } from 'react';
import type { ExportFormat } from '../../core/io/write';
import { useT } from '../i18n';
import { useStore } from '../store';
import { isFlowNode } from '../store/graph';
import { engineClient } from '../worker-client';
import { Icon } from '../icons';

const DOWNLOAD = { en: 'Download', vi: 'Tải xuống' };
const FAILED = { en: 'The file could not be made: ', vi: 'Không tạo được tệp: ' };

export function DownloadButton({ nodeId }: { nodeId: string }) {
  const { p } = useT();
  const node = useStore((s) => s.nodes.find((n) => n.id === nodeId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!node || !isFlowNode(node) || node.data.type !== 'export.file') return null;
  const format = (node.data.params.format as ExportFormat | undefined) ?? 'csv';
  const name = (node.data.params.name as string | undefined) ?? 'audience';
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await engineClient.exportFile(nodeId, format, name);
      if (!file) return;
      const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="af-tab" disabled={busy} onClick={() => void download()} data-testid="download-export">
        <Icon name="download" /> {p(DOWNLOAD)} ({format})
      </button>
      {error && (
        <span className="af-node-error">
          {p(FAILED)}
          {error}
        </span>
      )}
    </>
  );
}
