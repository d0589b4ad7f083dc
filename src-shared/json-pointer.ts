/**
 * JSON pointers (RFC 6901), the path form every issue, loss and input error
 * is reported at: `~` is written `~0` and `/` is written `~1` inside a key.
 */

/** The pointer for a path of keys and indexes; the empty path is the whole document, `''`. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The keys a pointer names, unescaped; `''` names none. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}
