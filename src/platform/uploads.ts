/**
 * Photos from citizens: decoded, turned upright, resized, re-encoded as WebP and written without
 * any of the original's metadata (EXIF GPS position, camera, owner), so nothing but the picture
 * survives. Files are written durably (platform/storage.ts) before the record that names them is
 * committed.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { NotFoundError } from './errors.tsx';
import { isPdf } from './pdf.ts';
import type { FileStore } from './storage.ts';

/** What the multipart parser hands a route for each file field. */
export interface UploadedFile {
  field: string;
  filename: string;
  data: Buffer;
  /** The file was larger than the limit and was cut short. */
  truncated: boolean;
}

export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** The largest document (a PDF) a form takes: a regulation, a meeting's papers, an answer's attachment. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** The most photos a form takes (aspirations, progress reports). */
export const MAX_PHOTOS = 5;
/**
 * Files one multipart form may carry: one more than any form takes, so that a form sent with too
 * many is read whole and can say so, instead of being cut off.
 */
export const MAX_FILES_PER_FORM = MAX_PHOTOS + 1;
export const MAX_PHOTO_PIXELS = 40_000_000;
const FULL_EDGE = 1600;
const SMALL_EDGE = 480;

export type PhotoProblem = 'tooLarge' | 'type' | 'unreadable';

export interface ProcessedPhoto {
  full: Buffer;
  small: Buffer;
  width: number;
  height: number;
}

// sharp's prebuilt binaries read HEIF only as AVIF; HEIC from iPhones is refused with a clear message.
const accepted = new Set(['jpeg', 'png', 'webp', 'heif']);

/** Recognises the formats we take by their first bytes, before any decoder sees the file. */
function looksLikePhoto(data: Buffer): boolean {
  if (data.length < 12) return false;
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return true;
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return true;
  if (data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return true;
  return data.toString('latin1', 4, 8) === 'ftyp' && /^avi[fs]$/.test(data.toString('latin1', 8, 12));
}

export async function processPhoto(
  file: UploadedFile,
): Promise<{ ok: true; photo: ProcessedPhoto } | { ok: false; problem: PhotoProblem }> {
  if (file.truncated || file.data.length > MAX_PHOTO_BYTES) return { ok: false, problem: 'tooLarge' };
  if (!looksLikePhoto(file.data)) return { ok: false, problem: 'type' };
  try {
    const meta = await sharp(file.data, { limitInputPixels: MAX_PHOTO_PIXELS }).metadata();
    if (meta.format === undefined || !accepted.has(meta.format)) return { ok: false, problem: 'type' };
    const encode = (edge: number, quality: number) =>
      sharp(file.data, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
        // effort 2 of 6: measured 40% less CPU than the default 4 for a few percent more bytes.
        .webp({ quality, effort: 2 })
        .toBuffer({ resolveWithObject: true });
    // Both sizes at once: sharp works in libuv's thread pool, so they share the cores.
    const [full, small] = await Promise.all([encode(FULL_EDGE, 78), encode(SMALL_EDGE, 70)]);
    return {
      ok: true,
      photo: { full: full.data, small: small.data, width: full.info.width, height: full.info.height },
    };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

export interface StoredPhoto {
  /** The name of the full-size file; the small one is `<name>-kecil.webp`. */
  file: string;
  width: number;
  height: number;
  bytes: number;
}

export function smallName(file: string): string {
  return file.replace(/\.webp$/, '-kecil.webp');
}

const WEBP = 'image/webp';

export async function storePhotos(files: FileStore, folder: string, photos: ProcessedPhoto[]): Promise<StoredPhoto[]> {
  const stored: StoredPhoto[] = [];
  try {
    for (const photo of photos) {
      const file = `${randomUUID()}.webp`;
      stored.push({ file, width: photo.width, height: photo.height, bytes: photo.full.length });
      await files.put(folder, file, photo.full, WEBP);
      await files.put(folder, smallName(file), photo.small, WEBP);
    }
  } catch (error) {
    await removePhotos(
      files,
      folder,
      stored.map((s) => s.file),
    );
    throw error;
  }
  return stored;
}

/** Removes files whose record was not committed (or was erased). */
export async function removePhotos(files: FileStore, folder: string, names: string[]): Promise<void> {
  for (const file of names) {
    await files.remove(folder, file);
    await files.remove(folder, smallName(file));
  }
}

/**
 * Removes photo files of a folder that no committed record names (a crash between writing the
 * files and committing), once they are an hour old so a submission in progress is never touched.
 */
export async function removeOrphans(
  files: FileStore,
  folder: string,
  known: Set<string>,
  now = Date.now(),
): Promise<number> {
  let removed = 0;
  for (const entry of await files.list(folder)) {
    if (known.has(entry.name.replace(/-kecil\.webp$/, '.webp'))) continue;
    if (now - entry.modifiedMs < 60 * 60 * 1000) continue;
    await files.remove(folder, entry.name);
    removed++;
  }
  return removed;
}

const types: Record<string, string> = { pdf: 'application/pdf' };

/** What is wrong with a document sent as a PDF, if anything: none sent, too large, or not a PDF. */
export function pdfProblem(file: UploadedFile | undefined): 'required' | 'tooLarge' | 'pdf' | undefined {
  if (file === undefined || file.data.length === 0) return 'required';
  if (file.truncated || file.data.length > MAX_DOCUMENT_BYTES) return 'tooLarge';
  return isPdf(file.data) ? undefined : 'pdf';
}

/** Writes an uploaded document (a PDF) under a new random name, durably; returns the name. */
export async function storeDocument(
  files: FileStore,
  folder: string,
  data: Buffer,
  extension = 'pdf',
): Promise<string> {
  const file = `${randomUUID()}.${extension}`;
  await files.put(folder, file, data, types[extension] ?? 'application/octet-stream');
  return file;
}

/**
 * A stored file, ready to stream to the person asking. A file that is missing (a restored backup
 * without its uploads, a volume not mounted) is "not found" for them, never a broken response; a
 * store that cannot be reached is a fault, logged as one.
 */
export async function storedFile(files: FileStore, folder: string, file: string): Promise<Readable> {
  const stream = await files.open(folder, path.basename(file));
  if (stream === undefined) throw new NotFoundError(`stored file ${path.basename(file)}`);
  return stream;
}

/** A stored file's bytes, for reading it here (a PDF's text); missing is "not found". */
export async function storedBytes(files: FileStore, folder: string, file: string): Promise<Buffer> {
  const data = await files.read(folder, path.basename(file));
  if (data === undefined) throw new NotFoundError(`stored file ${path.basename(file)}`);
  return data;
}
