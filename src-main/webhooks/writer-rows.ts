/**
 * A batch of rows for the writer thread packed into one buffer, which
 * postMessage hands over (transfers) instead of copying.
 *
 * Why: posting the rows as arrays made the receiver's thread structured-clone
 * 26 values and a body copy per webhook; in its CPU profile under the bench's
 * load, postMessage took about a fifth of the thread, as much as everything
 * else the answer path does. Packing costs one copy of each value.
 *
 * The values are those of `recordToValues`: null, numbers, strings and byte
 * arrays. Strings travel as UTF-16, so each comes back exactly as it was,
 * lone surrogates included (what SQLite then stores is unchanged).
 */

/** A value a row may hold. */
export type RowValue = null | number | string | Uint8Array;

const nullTag = 0;
const numberTag = 1;
const stringTag = 2;
const bytesTag = 3;

/** Tag byte, then 8 bytes for a number, or a 4-byte length and the bytes of a string or byte array. */
function packedSize(value: unknown): number {
  if (value === null) return 1;
  if (typeof value === 'number') return 9;
  if (typeof value === 'string') return 5 + value.length * 2;
  if (value instanceof Uint8Array) return 5 + value.byteLength;
  throw new TypeError(`A webhook row cannot hold a value of type ${typeof value}.`);
}

/** The rows in one ArrayBuffer of their own, to transfer. */
export function packRows(rows: readonly (readonly unknown[])[]): ArrayBuffer {
  let size = 4;
  for (const row of rows) {
    size += 4;
    for (const value of row) size += packedSize(value);
  }
  const memory = new ArrayBuffer(size);
  const buffer = Buffer.from(memory);
  let at = buffer.writeUInt32LE(rows.length, 0);
  for (const row of rows) {
    at = buffer.writeUInt32LE(row.length, at);
    for (const value of row) at = packValue(buffer, at, value as RowValue);
  }
  return memory;
}

function packValue(buffer: Buffer, at: number, value: RowValue): number {
  if (value === null) return buffer.writeUInt8(nullTag, at);
  if (typeof value === 'number') return buffer.writeDoubleLE(value, buffer.writeUInt8(numberTag, at));
  if (typeof value === 'string') {
    const start = buffer.writeUInt32LE(value.length * 2, buffer.writeUInt8(stringTag, at));
    return start + buffer.write(value, start, 'utf16le');
  }
  const start = buffer.writeUInt32LE(value.byteLength, buffer.writeUInt8(bytesTag, at));
  buffer.set(value, start);
  return start + value.byteLength;
}

/** The rows `packRows` packed; byte arrays come back as Buffers viewing `packed`, which libsql binds as blobs. */
export function unpackRows(packed: ArrayBuffer): RowValue[][] {
  const buffer = Buffer.from(packed);
  const rows: RowValue[][] = [];
  let at = 4;
  for (let rowCount = buffer.readUInt32LE(0); rows.length < rowCount;) {
    const row: RowValue[] = [];
    let valueCount = buffer.readUInt32LE(at);
    at += 4;
    for (; valueCount > 0; valueCount--) {
      const tag = buffer[at++];
      if (tag === nullTag) {
        row.push(null);
      } else if (tag === numberTag) {
        row.push(buffer.readDoubleLE(at));
        at += 8;
      } else {
        const length = buffer.readUInt32LE(at);
        const start = at + 4;
        at = start + length;
        row.push(tag === stringTag ? buffer.toString('utf16le', start, at) : buffer.subarray(start, at));
      }
    }
    rows.push(row);
  }
  return rows;
}
