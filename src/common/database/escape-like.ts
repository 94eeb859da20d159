/** Escapes LIKE/ILIKE wildcards so that user text matches literally (default escape character `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
