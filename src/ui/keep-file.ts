/** Keeping a file the user chose or dropped: refused with a message when too big, before it is read. */
import { fileTooBig } from '../core/io/read-file';
import { putFile } from '../../workers/browser-files';
import { useStore } from './store';
import { filesChanged } from './preview/state';

/** Stores the file in this browser; false (and an error toast) when it is too big to hold. */
export async function keepFile(file: File): Promise<boolean> {
  const tooBig = fileTooBig(file.name, file.size);
  if (tooBig) {
    useStore.getState().say(tooBig, 'error');
    return false;
  }
  await putFile({ name: file.name, size: file.size, lastModified: file.lastModified, bytes: await file.arrayBuffer() });
  filesChanged();
  return true;
}
