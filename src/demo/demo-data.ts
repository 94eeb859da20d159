import { DataSource } from 'typeorm';
import { UsersService } from '../modules/users/users.service';

export async function loadDemoData(_dataSource: DataSource, _users: UsersService): Promise<boolean> {
  return false;
}
