/** Why a session ended (auth_sessions.end_reason). */
export enum SessionEndReason {
  LOGOUT = 'LOGOUT',
  /** A refresh token already traded for the next one came back: someone may hold a copy. */
  REFRESH_TOKEN_REPLAYED = 'REFRESH_TOKEN_REPLAYED',
  USER_DEACTIVATED = 'USER_DEACTIVATED',
  /** Ended before reasons were recorded (migration 1766200000000). */
  UNRECORDED = 'UNRECORDED',
}

/** What a client is told when it presents a token of an ended session. */
export function sessionEndedMessage(reason: SessionEndReason): string {
  switch (reason) {
    case SessionEndReason.LOGOUT:
      return 'This session was ended by signing out; sign in again';
    case SessionEndReason.REFRESH_TOKEN_REPLAYED:
      return 'This session was ended because a refresh token that had already been used was presented again (someone may hold a copy); sign in again';
    case SessionEndReason.USER_DEACTIVATED:
      return 'This account has been deactivated; ask an admin';
    case SessionEndReason.UNRECORDED:
      return 'This session has ended; sign in again';
  }
}
