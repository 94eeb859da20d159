import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { QueueName } from '../../jobs/job-names';
import { AuthService } from '../auth/auth.service';
import { bearerTokenOf } from '../auth/bearer-token';
import { UserRole } from '../users/user-role.enum';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'regain_queues_token';

function cookieToken(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE && value.length > 0) return value.join('=');
  }
  return null;
}

/**
 * Bull Board at /admin/queues, for ADMIN only. Its routes live outside GraphQL and the global
 * guard, so an onRequest hook in their own Fastify scope checks the access token (Bearer
 * header, or the cookie set by POST /admin/queues/session).
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly http: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.http.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.register) return;
    const auth = this.moduleRef.get(AuthService, { strict: false });
    const queues = Object.values(QueueName).map(
      (name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode: false }),
    );
    const board = new BullBoardFastifyAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({ queues, serverAdapter: board });

    const authorize = async (request: FastifyRequest, reply: FastifyReply) => {
      const token = bearerTokenOf(request.headers.authorization) ?? cookieToken(request);
      if (!token) return reply.code(401).send({ error: 'Sign in as an ADMIN: send Authorization: Bearer <accessToken>' });
      const user = await auth.authenticate(token).catch(() => null);
      if (!user) return reply.code(401).send({ error: 'The access token is not valid; sign in again' });
      if (user.role !== UserRole.ADMIN) return reply.code(403).send({ error: `The queue dashboard is for ADMIN; you are ${user.role}` });
    };

    void fastify.register(
      async (scope) => {
        scope.addHook('onRequest', authorize);
        // A browser cannot add a Bearer header to the board's own asset and API requests, so an
        // admin first POSTs here with the header and gets a short-lived, path-scoped cookie.
        scope.post('/session', async (request, reply) => {
          const token = bearerTokenOf(request.headers.authorization);
          if (!token) return reply.code(400).send({ error: 'Send the access token as Authorization: Bearer <accessToken>' });
          const secure = this.config.isProduction ? '; Secure' : '';
          return reply
            .header(
              'set-cookie',
              `${COOKIE}=${token}; Path=${QUEUE_DASHBOARD_PATH}; Max-Age=${this.config.accessTokenTtlSeconds}; HttpOnly; SameSite=Strict${secure}`,
            )
            .code(204)
            .send();
        });
        await scope.register(board.registerPlugin());
      },
      { prefix: QUEUE_DASHBOARD_PATH },
    );
  }
}
