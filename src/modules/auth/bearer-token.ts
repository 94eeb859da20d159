/** The access token of an `Authorization: Bearer <token>` header, or null without one. */
export function bearerTokenOf(header: unknown): string | null {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : null;
}
