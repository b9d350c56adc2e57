/** Forms with files: @fastify/multipart attaches each part to the body; handlers want plain fields and files. */
import type { UploadedFile } from './uploads.ts';

/**
 * The fields and files of a form: multipart, as @fastify/multipart attached them to the body, or
 * URL-encoded (plain strings, no files) when a form with no file chosen was sent that way.
 */
export function multipartBody(body: unknown): {
  fields: Record<string, string>;
  files: UploadedFile[];
  /** Every value of each field, in order: a group of checkboxes sends one name many times. */
  lists: Record<string, string[]>;
} {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const lists: Record<string, string[]> = {};
  if (typeof body !== 'object' || body === null) return { fields, files, lists };
  for (const [name, entry] of Object.entries(body as Record<string, unknown>)) {
    for (const part of [entry].flat() as ({ type?: string; value?: unknown } | string)[]) {
      if (typeof part === 'string') {
        fields[name] ??= part;
        lists[name] = [...(lists[name] ?? []), part];
        continue;
      }
      if (part?.type === 'file' && typeof part.value === 'object' && part.value !== null)
        files.push(part.value as UploadedFile);
      else if (part?.type === 'field' && typeof part.value === 'string') {
        fields[name] ??= part.value;
        lists[name] = [...(lists[name] ?? []), part.value];
      }
    }
  }
  return { fields, files, lists };
}
