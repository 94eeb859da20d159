import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import QueryStream from 'pg-query-stream';
import { pipeline, Transform } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { PerUserSlots } from '../../common/concurrency/per-user-slots';
import { guardFormula } from '../../common/csv/csv-formula-guard';
import { ExportPool } from './export-pool';
import { cellText, CsvExport } from './csv-export';

/** Rows fetched per round trip of the cursor: a few hundred KB, whatever the export's size. */
const CURSOR_BATCH_ROWS = 1000;

/**
 * Streams an export to the client: a server-side cursor (pg-query-stream) feeds csv-stringify,
 * which Fastify pipes into the response. Each stage pulls only when the next has room, so a
 * slow client slows the cursor instead of buffering rows, and memory stays flat for any number
 * of rows. The statement runs on its own pooled connection, released when the stream ends,
 * fails or the client goes away (the cursor is closed first). That connection comes from the
 * exports' own pool (ExportPool), and each person has at most MAX_EXPORTS_PER_USER exports in
 * progress, so slow readers never hold the connections other requests need.
 */
@Injectable()
export class CsvExportService {
  private readonly logger = new Logger('CsvExport');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pool: ExportPool,
    private readonly slots: PerUserSlots,
  ) {}

  /** `build` makes the statement; list filters need the entity manager for their query builders. */
  async send<Row>(actor: AuthUser, reply: FastifyReply, build: (manager: EntityManager) => CsvExport<Row>, now = new Date()): Promise<void> {
    const csv = build(this.dataSource.manager);
    const release = await this.slots.take('export', actor.id);
    let client;
    try {
      client = await this.pool.connect();
    } catch (error) {
      await release();
      throw error;
    }
    const rows = client.query(new QueryStream(csv.sql, csv.params, { batchSize: CURSOR_BATCH_ROWS }));
    const toRecords = new Transform({
      objectMode: true,
      transform(row: Row, _encoding, done) {
        try {
          done(null, csv.toRecord(row).map((cell) => guardFormula(cellText(cell))));
        } catch (error) {
          done(error as Error);
        }
      },
    });
    // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
    const body = stringify({ header: true, columns: [...csv.headers], bom: true });
    pipeline(rows, toRecords, body, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') this.logger.error(`Export ${csv.name} failed: ${error.message}`);
      // After an error the connection's state is unknown: the pool discards it instead of reusing it.
      client.release(error ?? undefined);
      void release();
    });
    const date = now.toISOString().slice(0, 10);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="regain-${csv.name}-${date}.csv"`)
      .header('cache-control', 'no-store')
      .send(body);
  }
}
