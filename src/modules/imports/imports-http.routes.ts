import multipart from '@fastify/multipart';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { AuthUser } from '../../common/auth/auth-user';
import { PerUserSlots } from '../../common/concurrency/per-user-slots';
import { ExportPool } from '../exports/export-pool';
import { guardFormulaSql } from '../../common/csv/csv-formula-guard';
import { AppException } from '../../common/errors/app.exception';
import { httpStatusOf } from '../../common/errors/app-exception.filter';
import { ErrorCode } from '../../common/errors/error-code';
import { AppConfig } from '../../config/app-config';
import { AuthService } from '../auth/auth.service';
import { bearerTokenOf } from '../auth/bearer-token';
import { CreateImportInput } from './dto/create-import.input';
import { ImportsService } from './imports.service';
import { ImportModel } from './models/import.model';
import { ImportProfiles } from './import-profiles';
import { REJECTED_ROW_ERROR_HEADERS } from './stakeholder-csv-columns';
import { clientErrorOfPg } from '../../common/errors/pg-error';
import { assertPlainText } from '../../common/validation/text-input.pipe';

/** The upload went past IMPORT_MAX_FILE_BYTES: 413, and the transaction storing it rolls back. */
class FileTooLarge extends Error {}

/** The file part, failing at its end when the multipart limit cut it short. */
async function* wholeFile(file: AsyncIterable<Buffer> & { truncated?: boolean }, maxBytes: number): AsyncGenerator<Buffer> {
  for await (const chunk of file) yield chunk;
  if (file.truncated) throw new FileTooLarge(`The file is larger than ${maxBytes} bytes (IMPORT_MAX_FILE_BYTES); split it`);
}

function sendError(reply: FastifyReply, cause: unknown): FastifyReply {
  const error = clientErrorOfPg(cause) ?? cause;
  if (error instanceof FileTooLarge) return reply.code(413).send({ error: { code: ErrorCode.BadUserInput, message: error.message } });
  if (error instanceof AppException) {
    return reply.code(httpStatusOf(error.code)).send({ error: { code: error.code, message: error.message } });
  }
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return reply.code(413).send({ error: { code: ErrorCode.BadUserInput, message: (error as Error).message } });
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return reply.code(400).send({ error: { code: ErrorCode.BadUserInput, message: 'Send the file as multipart/form-data' } });
  }
  throw error;
}

/**
 * POST /imports (multipart: the option fields first, then the file) stores the file and answers
 * the UPLOADED import (201); a worker runs the dry run, and the client polls `import(id)`; GET /imports/:id/rejected.csv streams
 * the rejected rows. Outside GraphQL and its global guard, so each route checks the Bearer token
 * itself (as the queue dashboard does); the 256 KB GraphQL body limit does not apply here,
 * IMPORT_MAX_FILE_BYTES does.
 */
@Injectable()
export class ImportsHttpRoutes implements OnModuleInit {
  constructor(
    private readonly http: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.http.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.register) return;
    const auth = this.moduleRef.get(AuthService, { strict: false });
    const imports = this.moduleRef.get(ImportsService, { strict: false });
    const profiles = this.moduleRef.get(ImportProfiles, { strict: false });
    const slots = this.moduleRef.get(PerUserSlots, { strict: false });
    const exportPool = this.moduleRef.get(ExportPool, { strict: false });
    const authenticate = async (request: FastifyRequest): Promise<AuthUser> => {
      const token = bearerTokenOf(request.headers.authorization);
      if (!token) throw AppException.unauthenticated('Sign in first: send Authorization: Bearer <accessToken>');
      return auth.authenticate(token);
    };
    const maxBytes = this.config.importMaxFileBytes;

    void fastify.register(async (scope) => {
      await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 }, throwFileSizeLimit: false });

      scope.post('/imports', { bodyLimit: maxBytes + 1024 * 1024 }, async (request, reply) => {
        let release: (() => Promise<void>) | null = null;
        try {
          const actor = await authenticate(request);
          // A slow sender holds a slot (MAX_UPLOADS_PER_USER), never a database connection.
          release = await slots.take('upload', actor.id);
          const fields: Record<string, string> = {};
          for await (const part of request.parts()) {
            if (part.type === 'field') {
              fields[part.fieldname] = String(part.value);
              continue;
            }
            const options = { ...fields, fileName: fields.fileName ?? part.filename };
            try {
              assertPlainText(options);
            } catch (error) {
              part.file.resume();
              throw error;
            }
            const input = plainToInstance(CreateImportInput, options);
            const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true });
            if (errors.length > 0) {
              part.file.resume();
              throw AppException.badInput(errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is not an option` })).join('; '));
            }
            const created = await imports.createFromStream(actor, wholeFile(part.file, maxBytes), input);
            return reply.code(201).send({ import: ImportModel.from(created) });
          }
          throw AppException.badInput('Send the CSV as a multipart part named "file", after the option fields');
        } catch (error) {
          return sendError(reply, error);
        } finally {
          await release?.();
        }
      });

      scope.get<{ Params: { id: string } }>('/imports/:id/rejected.csv', async (request, reply) => {
        let client: PoolClient | null = null;
        let releaseSlot: (() => Promise<void>) | null = null;
        try {
          const actor = await authenticate(request);
          if (!/^[0-9a-f-]{36}$/i.test(request.params.id)) throw AppException.badInput('id must be a UUID');
          const found = await imports.findVisible(actor, request.params.id);
          const headers = profiles.of(found.kind).columns.map((c) => c.name);
          // Formula-guarded as the exports are (the import's clean() undoes it, so the file re-imports as it was).
          const select = [
            ...headers.map((h, i) => `${guardFormulaSql(`raw_values[${i + 1}]`)} AS ${h}`),
            `line AS ${REJECTED_ROW_ERROR_HEADERS[0]}`,
            `${guardFormulaSql('column_name')} AS ${REJECTED_ROW_ERROR_HEADERS[1]}`,
            `${guardFormulaSql('reason')} AS ${REJECTED_ROW_ERROR_HEADERS[2]}`,
          ];
          // COPY TO STDOUT streams straight from PostgreSQL: a million rejected rows never sit in memory.
          // As an export: on the exports' pool, within the reader's export slots (a slow reader holds them).
          releaseSlot = await slots.take('export', actor.id);
          client = await exportPool.connect();
          const idLiteral = found.id.replace(/[^0-9a-f-]/gi, '');
          const stream = client.query(
            copyTo(`COPY (SELECT ${select.join(', ')} FROM import_rejected_rows WHERE import_id = '${idLiteral}' ORDER BY line) TO STDOUT WITH (FORMAT csv, HEADER true)`),
          );
          const release = () => {
            client?.release();
            client = null;
            void releaseSlot?.();
          };
          stream.on('end', release);
          stream.on('error', release);
          reply.raw.on('close', release);
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="rejected-${found.id}.csv"`)
            .send(stream);
        } catch (error) {
          client?.release();
          await releaseSlot?.();
          return sendError(reply, error);
        }
      });
    });
  }
}
