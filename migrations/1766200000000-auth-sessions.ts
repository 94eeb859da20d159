import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions as rows of their own, so that ending one stops its access tokens at once.
 *
 * A session is what one sign-in starts; its refresh tokens rotate within it (the former
 * `family_id`). Access tokens carry its id (`sid`), and each request checks it is live the way it
 * checks the user (src/modules/users/auth-user-cache.ts): ending a session sends a NOTIFY on
 * `regain_session_ended` at commit, so every API process forgets it.
 *
 * `end_reason` says why, so that a refresh token presented afterwards gets the true story:
 * LOGOUT, REFRESH_TOKEN_REPLAYED (a used refresh token came back: someone may hold a copy),
 * USER_DEACTIVATED, or UNRECORDED for the sessions that had ended before reasons were kept.
 * A refresh token's `used_at` (the former `revoked_at`) is when it was rotated; for those that
 * ended with their family before this migration the session's reason is what is reported.
 */
export class AuthSessions1766200000000 implements MigrationInterface {
  name = 'AuthSessions1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('LOGOUT', 'REFRESH_TOKEN_REPLAYED', 'USER_DEACTIVATED', 'UNRECORDED')),
        CONSTRAINT auth_sessions_end_has_reason CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_live_idx ON auth_sessions (user_id) WHERE ended_at IS NULL`);
    await q.query(`
      INSERT INTO auth_sessions (id, user_id, created_at, ended_at, end_reason)
      SELECT family_id, (array_agg(user_id))[1], min(created_at),
             CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END,
             CASE WHEN bool_and(revoked_at IS NOT NULL) THEN 'UNRECORDED' END
        FROM refresh_tokens GROUP BY family_id`);
    await q.query(`ALTER TABLE refresh_tokens RENAME COLUMN family_id TO session_id`);
    await q.query(`ALTER TABLE refresh_tokens RENAME COLUMN revoked_at TO used_at`);
    await q.query(`ALTER INDEX refresh_tokens_family_idx RENAME TO refresh_tokens_session_idx`);
    // Live tokens are found through their session now.
    await q.query(`DROP INDEX refresh_tokens_user_live_idx`);
    await q.query(`
      ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_session_fkey
        FOREIGN KEY (session_id) REFERENCES auth_sessions (id) ON DELETE CASCADE`);

    await q.query(`
      CREATE FUNCTION notify_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('regain_session_ended', OLD.id::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER auth_sessions_notify_ended
        AFTER UPDATE OF ended_at ON auth_sessions FOR EACH ROW
        WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL)
        EXECUTE FUNCTION notify_session_ended()`);
    // A live session deleted (its user deleted, or the purge of one whose tokens all expired).
    await q.query(`
      CREATE TRIGGER auth_sessions_notify_deleted
        AFTER DELETE ON auth_sessions FOR EACH ROW WHEN (OLD.ended_at IS NULL)
        EXECUTE FUNCTION notify_session_ended()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER auth_sessions_notify_deleted ON auth_sessions`);
    await q.query(`DROP TRIGGER auth_sessions_notify_ended ON auth_sessions`);
    await q.query(`DROP FUNCTION notify_session_ended()`);
    await q.query(`ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_session_fkey`);
    await q.query(`ALTER TABLE refresh_tokens RENAME COLUMN used_at TO revoked_at`);
    await q.query(`ALTER TABLE refresh_tokens RENAME COLUMN session_id TO family_id`);
    await q.query(`ALTER INDEX refresh_tokens_session_idx RENAME TO refresh_tokens_family_idx`);
    await q.query(`
      UPDATE refresh_tokens t SET revoked_at = s.ended_at
        FROM auth_sessions s WHERE s.id = t.family_id AND t.revoked_at IS NULL AND s.ended_at IS NOT NULL`);
    await q.query(`CREATE INDEX refresh_tokens_user_live_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);
    await q.query(`DROP TABLE auth_sessions`);
  }
}
