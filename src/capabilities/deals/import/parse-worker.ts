// The deal import's parse worker (decision 061): reads and parses the file with parseBatches (csv-parse) on its own
// thread and posts the records in batches to the import, which checks and writes them meanwhile. It parses at most
// `ahead` batches beyond what the import has taken ('more' says one was taken), so a fast parse beside a slow
// database holds a few thousand rows, not the file.
import { parentPort, workerData } from 'node:worker_threads';
import { isFileError, parseBatches, UnreadableFile, type FileShape, type ParseMessage } from './read-rows.js';

const { path, shape, batchSize, ahead } = workerData as { path: string; shape: FileShape; batchSize: number; ahead: number };
const port = parentPort!;
let credit = ahead;
let more: (() => void) | null = null;
port.on('message', () => {
  credit++;
  more?.();
});
const post = (m: ParseMessage) => port.postMessage(m);

try {
  for await (const { records, bytesDone } of parseBatches(path, shape, batchSize)) {
    while (credit === 0) await new Promise<void>((resolve) => (more = resolve));
    more = null;
    credit--;
    post({ kind: 'batch', records, bytesDone });
  }
  post({ kind: 'end' });
} catch (err) {
  if (err instanceof UnreadableFile) post({ kind: 'unreadable', message: err.message });
  else {
    const e = err as NodeJS.ErrnoException;
    post({ kind: 'failed', message: e.message ?? String(err), ...(isFileError(err) ? { code: e.code, syscall: e.syscall, path: e.path } : {}) });
  }
}
port.close();
