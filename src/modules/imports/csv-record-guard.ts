import { Transform, TransformCallback } from 'node:stream';

/** Starts the one field of the record that stands in for a record over the limits. */
export const OVERSIZED_RECORD_MARK = '\u0000regain:oversized:';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export interface RecordLimits {
  /** Bytes one record (one row, with its quoted line breaks) may take. */
  maxRecordBytes: number;
  /** Fields one record may have. */
  maxFields: number;
}

/**
 * Sits between the stored file and csv-parse so that no record costs more memory than the limits
 * allow: csv-parse builds a whole record before anyone sees it, and its own max_record_size
 * neither counts empty fields (a line of ten million commas) nor goes on after the record (every
 * later row would be lost). The guard tracks quoting as a well-formed CSV does (every `"`
 * toggles), holds back at most one incomplete record (within the limits), and replaces a record
 * over a limit by one quoted field, OVERSIZED_RECORD_MARK and the reason, padded with as many
 * quoted line breaks as the record had so that later line numbers stay right. The pipeline
 * stages that field as a rejected row. Other bytes pass through as slices of the input.
 */
export class CsvRecordGuard extends Transform {
  private inQuotes = false;
  private lastWasCr = false;
  private fields = 1;
  private recordBytes = 0;
  /** Quoted line breaks in the current record (only counted while it is being dropped). */
  private breaks = 0;
  /** The current record's bytes from earlier chunks, not yet passed on. */
  private held: Buffer[] = [];
  /** Why the current record is being dropped; null while it is within the limits. */
  private dropping: string | null = null;
  private readonly delimiter: number;

  constructor(delimiter: string, private readonly limits: RecordLimits) {
    super();
    this.delimiter = delimiter.charCodeAt(0);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let emitFrom = 0;
    let recordStart = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i];
      const quotedBreak = this.inQuotes && (byte === CR || (byte === LF && !this.lastWasCr));
      this.lastWasCr = byte === CR;
      const ends = !this.inQuotes && (byte === LF || byte === CR);
      if (byte === QUOTE) this.inQuotes = !this.inQuotes;
      if (this.dropping !== null) {
        if (quotedBreak) this.breaks += 1;
        if (!ends) continue;
        // The record ends here: its mark replaces it, and its line break passes on as it was.
        this.push(this.markOf(this.dropping));
        this.dropping = null;
        emitFrom = i;
      }
      if (ends) {
        if (this.held.length > 0) {
          for (const piece of this.held) this.push(piece);
          this.held = [];
          this.push(chunk.subarray(emitFrom, i + 1));
          emitFrom = i + 1;
        }
        recordStart = i + 1;
        this.fields = 1;
        this.recordBytes = 0;
        continue;
      }
      if (!this.inQuotes && byte === this.delimiter) this.fields += 1;
      this.recordBytes += 1;
      const over = this.overLimit();
      if (over === null) continue;
      // Complete records before this one go on; this one is dropped from its start.
      if (recordStart > emitFrom) this.push(chunk.subarray(emitFrom, recordStart));
      this.breaks = countQuotedBreaks([...this.held, chunk.subarray(recordStart, i + 1)]);
      this.held = [];
      this.dropping = over;
    }
    if (this.dropping === null) {
      if (recordStart > emitFrom) this.push(chunk.subarray(emitFrom, recordStart));
      if (recordStart < chunk.length) this.held.push(chunk.subarray(recordStart));
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.dropping !== null) this.push(this.markOf(this.dropping));
    for (const piece of this.held) this.push(piece);
    this.held = [];
    done();
  }

  private overLimit(): string | null {
    if (this.fields > this.limits.maxFields) return `the row has more than ${this.limits.maxFields} fields (IMPORT_MAX_FIELDS)`;
    if (this.recordBytes > this.limits.maxRecordBytes) return `the row is larger than ${this.limits.maxRecordBytes} bytes (IMPORT_MAX_RECORD_BYTES)`;
    return null;
  }

  private markOf(reason: string): Buffer {
    return Buffer.from(`"${OVERSIZED_RECORD_MARK}${reason}${'\n'.repeat(this.breaks)}"`);
  }
}

/** Line breaks inside quotes (CRLF counting once), in pieces that start outside quotes. */
function countQuotedBreaks(pieces: Buffer[]): number {
  let breaks = 0;
  let inQuotes = false;
  let lastWasCr = false;
  for (const piece of pieces) {
    for (let i = 0; i < piece.length; i += 1) {
      const byte = piece[i];
      if (inQuotes && (byte === CR || (byte === LF && !lastWasCr))) breaks += 1;
      if (byte === QUOTE) inQuotes = !inQuotes;
      lastWasCr = byte === CR;
    }
  }
  return breaks;
}

/** The reason a staged record stands for a record over the limits, or null for an ordinary one. */
export function oversizedReasonOf(record: string[]): string | null {
  if (record.length !== 1 || !record[0].startsWith(OVERSIZED_RECORD_MARK)) return null;
  return record[0].slice(OVERSIZED_RECORD_MARK.length).replace(/\n+$/, '');
}
