import { UserRole } from '../../modules/users/user-role.enum';

/** The signed-in user, as loaded from the database for each request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}
