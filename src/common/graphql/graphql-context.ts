import { FastifyRequest } from 'fastify';
import { AuthUser } from '../auth/auth-user';
import { Loaders } from './loaders';

export type AppRequest = FastifyRequest & { user?: AuthUser };

export interface GraphqlContext {
  req: AppRequest;
  loaders: Loaders;
}
