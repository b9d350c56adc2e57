/** The content the crash writer stores for row `id`, so a test can tell an intact row from a torn one. */
import { createHash } from 'node:crypto';

export const payloadOf = (id: number) => createHash('sha256').update(`row ${id}`).digest('hex');
