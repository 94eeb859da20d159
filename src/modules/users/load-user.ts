import { Loaders } from '../../common/graphql/loaders';
import { UserModel } from './user.model';

/** A user reference on any record, resolved through the request's batch loader. */
export async function loadUserModel(loaders: Loaders, id: string | null): Promise<UserModel | null> {
  if (!id) return null;
  const user = await loaders.userById.load(id);
  return user ? UserModel.from(user) : null;
}
