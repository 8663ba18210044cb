import { Readable } from "node:stream";
import { createInflateRaw, inflateRawSync } from "node:zlib";

/**
 * The zip container of an `.xlsx`, read from its central directory: the size of every part is known before
 * anything is inflated, so a zip bomb (1 MB that inflates to gigabytes) is refused at once, and a part that
 * inflates to more than its directory says is refused when it passes that size.
 */

/** One file of the zip, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly headerOffset: number;
  /** Where its central directory entry starts. */
  readonly centralOffset: number;
}

/** Why a zip cannot be read: `not-zip`, `encrypted`, `damaged`, or `unsupported`. */
export class ZipError extends Error {
  override readonly name = "ZipError";
  constructor(
    readonly reason: "not-zip" | "encrypted" | "damaged" | "unsupported",
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16)) +
    (bytes[at + 3] as number) * 0x1000000
  );
}

function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x100000000;
}

/** Whether the bytes start like a zip file (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === LOCAL;
}

/** Whether the bytes are an OLE compound file: an encrypted workbook, or the old binary `.xls`. */
export function looksLikeOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && u32(bytes, 0) === 0xe011cfd0 && u32(bytes, 4) === 0xe11ab1a1;
}

/**
 * The entries of a zip, from its central directory (zip64 too).
 *
 * @throws ZipError for bytes that are not a zip, or a directory that does not add up.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  if (!looksLikeZip(bytes)) throw new ZipError("not-zip", "is not a zip file");
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1)
    if (u32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  if (end < 0) throw new ZipError("damaged", "has no zip directory at its end (the file is cut short)");
  let count = u16(bytes, end + 10);
  let directorySize = u32(bytes, end + 12);
  let directoryOffset = u32(bytes, end + 16);
  if ((count === 0xffff || directoryOffset === MAX32 || directorySize === MAX32) && end >= 20) {
    const locator = end - 20;
    if (u32(bytes, locator) === ZIP64_LOCATOR) {
      const record = u64(bytes, locator + 8);
      if (record + 56 > bytes.length || u32(bytes, record) !== ZIP64_EOCD)
        throw new ZipError("damaged", "has a zip64 directory that is not where it says");
      count = u64(bytes, record + 32);
      directorySize = u64(bytes, record + 40);
      directoryOffset = u64(bytes, record + 48);
    }
  }
  if (directoryOffset + directorySize > bytes.length)
    throw new ZipError("damaged", "has a zip directory past its end (the file is cut short)");
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL)
      throw new ZipError("damaged", "has a zip directory that does not add up");
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let headerOffset = u32(bytes, at + 42);
    if (at + 46 + nameLength + extraLength + commentLength > bytes.length)
      throw new ZipError("damaged", "has a zip directory entry past its end");
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength)
      .toString("utf8")
      .replaceAll("\\", "/")
      .replace(/^\/+/, "");
    // zip64: the sizes and offset that did not fit are in extra field 0x0001, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === MAX32) {
          size = u64(bytes, field);
          field += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = u64(bytes, field);
          field += 8;
        }
        if (headerOffset === MAX32) headerOffset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    entries.push({ name, method, flags, crc, compressedSize, size, headerOffset, centralOffset: at });
    at = extraEnd + commentLength;
  }
  return entries;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (the zip polynomial) of some bytes; `previous`, the CRC of the bytes before them, continues it. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let index = 0; index < bytes.length; index += 1)
    crc = (table[(crc ^ (bytes[index] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The bytes of one entry, inflated to at most the size its directory entry gives, and checked against its
 * CRC-32.
 *
 * @throws ZipError for an encrypted entry, a compression method other than stored or deflate, or data that
 * does not inflate to exactly its declared size and checksum.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const data = compressedData(bytes, entry);
  let inflated: Buffer;
  if (entry.method === 0) inflated = Buffer.from(data);
  else if (entry.method === 8) {
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
      throw new ZipError(
        "damaged",
        tooLarge
          ? `has a part (${entry.name}) that inflates to more than the ${entry.size} bytes its directory says`
          : `has a part (${entry.name}) that does not inflate (${(error as Error).message})`,
      );
    }
  } else throw new ZipError("unsupported", `has a part (${entry.name}) compressed with method ${entry.method}`);
  if (inflated.length !== entry.size || crc32(inflated) !== entry.crc) throw checksumError(entry);
  return inflated;
}

/** The compressed bytes of an entry, where its local header says they start. */
function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if ((entry.flags & 1) !== 0) throw new ZipError("encrypted", `has an encrypted part (${entry.name})`);
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL)
    throw new ZipError("damaged", `has a part (${entry.name}) that is not where the directory says`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length)
    throw new ZipError("damaged", `has a part (${entry.name}) cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

function checksumError(entry: ZipEntry): ZipError {
  return new ZipError("damaged", `has a part (${entry.name}) whose data does not match its checksum`);
}

/** How much compressed data is given to the inflater at a time (its output comes in chunks of about 64 KB). */
const SLICE = 64 * 1024;

/**
 * The bytes of one entry as they inflate, chunk by chunk, so that a large part is never held whole: refused
 * as soon as it inflates past the size its directory entry gives, and checked against that size and its
 * CRC-32 once the last chunk is out (a consumer keeps nothing it read as final before then).
 *
 * @throws ZipError as {@link inflateEntry} does.
 */
export async function* inflateEntryChunks(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = compressedData(bytes, entry);
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipError("unsupported", `has a part (${entry.name}) compressed with method ${entry.method}`);
  const slices = function* () {
    for (let at = 0; at < data.length; at += SLICE)
      yield Buffer.from(data.buffer, data.byteOffset + at, Math.min(SLICE, data.length - at));
  };
  let size = 0;
  let crc = 0;
  if (entry.method === 0) {
    for (const piece of slices()) {
      size += piece.length;
      crc = crc32(piece, crc);
      yield piece;
    }
  } else {
    const source = Readable.from(slices(), { objectMode: false });
    const inflater = createInflateRaw();
    source.on("error", (error) => inflater.destroy(error));
    source.pipe(inflater);
    try {
      for await (const chunk of inflater) {
        const piece = chunk as Buffer;
        size += piece.length;
        if (size > Math.max(entry.size, 1))
          throw new ZipError(
            "damaged",
            `has a part (${entry.name}) that inflates to more than the ${entry.size} bytes its directory says`,
          );
        crc = crc32(piece, crc);
        yield piece;
      }
    } catch (error) {
      if (error instanceof ZipError) throw error;
      throw new ZipError("damaged", `has a part (${entry.name}) that does not inflate (${(error as Error).message})`);
    } finally {
      source.unpipe(inflater);
      source.destroy();
      inflater.destroy();
    }
  }
  if (size !== entry.size || crc !== entry.crc) throw checksumError(entry);
}
