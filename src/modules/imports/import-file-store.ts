import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource, QueryRunner } from 'typeorm';

/** About 1 MB per row: large enough that a 200 MB file is 200 inserts, small enough to keep memory flat. */
export const CHUNK_BYTES = 1024 * 1024;
/** The header line must fit in the first chunk. */
const HEAD_BYTES = 64 * 1024;

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  /** The first bytes, for reading the header line. */
  head: Buffer;
}

export interface SpooledFile extends StoredFile {
  path: string;
}

/**
 * Writes an upload to a local file first, hashing it on the way, so that no database
 * connection waits on the client: a slow sender costs a file handle, not a pooled connection
 * with a transaction open (issue 19). The caller stores the file in PostgreSQL afterwards, from
 * local disk, and removes it.
 */
export async function spoolUpload(source: AsyncIterable<Buffer>, dir: string, importId: string): Promise<SpooledFile> {
  const path = join(dir, `regain-upload-${importId}.csv`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let head = Buffer.alloc(0);
  const measure = new Transform({
    transform(piece: Buffer, _encoding, done) {
      const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
      hash.update(buffer);
      sizeBytes += buffer.length;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, buffer.subarray(0, HEAD_BYTES - head.length)]);
      done(null, buffer);
    },
  });
  await pipeline(Readable.from(source, { objectMode: false }), measure, createWriteStream(path, { mode: 0o600 }));
  return { path, sha256: hash.digest('hex'), sizeBytes, head };
}

/**
 * Streams an upload into import_file_chunks (in the caller's transaction), hashing it on the
 * way, so any worker can read the file from PostgreSQL. Memory holds one chunk at a time.
 */
export async function storeFileChunks(runner: QueryRunner, importId: string, source: AsyncIterable<Buffer>): Promise<StoredFile> {
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let sizeBytes = 0;
  let head = Buffer.alloc(0);
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await runner.query(`INSERT INTO import_file_chunks (import_id, seq, data) VALUES ($1, $2, $3)`, [importId, seq, data]);
    seq += 1;
  };
  for await (const piece of source) {
    const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
    hash.update(buffer);
    sizeBytes += buffer.length;
    if (head.length < HEAD_BYTES) head = Buffer.concat([head, buffer.subarray(0, HEAD_BYTES - head.length)]);
    pending.push(buffer);
    pendingBytes += buffer.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  return { sha256: hash.digest('hex'), sizeBytes, head };
}

/** The stored file as a stream, one chunk per query on the pool (not on a connection busy with COPY). */
export function readFileChunks(dataSource: DataSource, importId: string): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq += 1) {
      const rows: { data: Buffer }[] = await dataSource.query(
        `SELECT data FROM import_file_chunks WHERE import_id = $1 AND seq = $2`,
        [importId, seq],
      );
      if (rows.length === 0) return;
      yield rows[0].data;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** The header line: the file's first line, without a UTF-8 byte order mark. */
export function headerLine(head: Buffer): string | null {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const end = text.search(/\r?\n|\r/);
  if (end < 0) return head.length < HEAD_BYTES && text.trim() !== '' ? text : null;
  return text.slice(0, end);
}
