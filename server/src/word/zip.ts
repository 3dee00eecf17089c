// The zip container of Office files (.docx, .xlsx), on fflate: the `docx` library already bundles it,
// so reading and writing packages costs no second zip library.

import { strToU8, unzipSync, zipSync } from 'fflate';

/** A part larger than the limit once uncompressed: refused against zip bombs. */
export class PartTooLarge extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
  ) {
    super(`${path}: ${size} bytes`);
  }
}

/** The XML parts of an Office package (media and other binaries are never inflated). */
export interface OfficePackage {
  has(path: string): boolean;
  /** The part as text (UTF-8, or UTF-16 with a byte-order mark), or null when absent. Throws PartTooLarge. */
  text(path: string): string | null;
}

const XML_PART = /\.(xml|rels)$/i;

/** fflate's error for a damaged or unsupported archive (it carries a numeric code). */
export function isDamagedArchive(err: unknown): err is Error {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'number';
}

/**
 * Opens a package. Throws fflate's error for a damaged archive (isDamagedArchive).
 * `maxPartBytes` bounds each part by its declared size before inflating, and by its real size after.
 */
export function openOfficePackage(bytes: Uint8Array, maxPartBytes: number, decode: (bytes: Uint8Array) => string): OfficePackage {
  const declared = new Map<string, number>();
  const parts = unzipSync(bytes, {
    filter(file) {
      declared.set(file.name, file.originalSize);
      return XML_PART.test(file.name) && file.originalSize <= maxPartBytes;
    },
  });
  return {
    has: (path) => declared.has(path),
    text(path) {
      const size = declared.get(path);
      if (size === undefined || path.endsWith('/')) return null;
      if (size > maxPartBytes) throw new PartTooLarge(path, size);
      const part = parts[path];
      if (!part) return null;
      if (part.length > maxPartBytes) throw new PartTooLarge(path, part.length);
      return decode(part);
    },
  };
}

/** A package from text parts, in the given order, with a fixed date so the same input gives the same bytes. */
export function writeOfficePackage(parts: ReadonlyArray<readonly [path: string, content: string]>): Uint8Array {
  const mtime = new Date(Date.UTC(2000, 0, 1));
  return zipSync(Object.fromEntries(parts.map(([path, content]) => [path, strToU8(content)])), { level: 6, mtime });
}


