import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every API process when a user's row changes, so that each may keep the signed-in users
 * it has read between requests (src/modules/users/auth-user-cache.ts) and still see a role
 * change or a deactivation at once. NOTIFY is sent at commit, to the sessions listening on
 * `regain_user_changed`, with the user's id as payload.
 */
export class UserChangeNotices1765200000000 implements MigrationInterface {
  name = 'UserChangeNotices1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('regain_user_changed', OLD.id::text);
        RETURN NULL;
      END $$`);
    // What a signed-in user is made of: id, email, name, role, and whether they may sign in.
    await q.query(`
      CREATE TRIGGER users_notify_changed
        AFTER UPDATE OF email, name, role, is_active ON users FOR EACH ROW
        WHEN ((OLD.email, OLD.name, OLD.role, OLD.is_active) IS DISTINCT FROM (NEW.email, NEW.name, NEW.role, NEW.is_active))
        EXECUTE FUNCTION notify_user_changed()`);
    await q.query(`CREATE TRIGGER users_notify_deleted AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_user_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_notify_deleted ON users`);
    await q.query(`DROP TRIGGER users_notify_changed ON users`);
    await q.query(`DROP FUNCTION notify_user_changed()`);
  }
}
