/**
 * The aspiration drafts kept on this phone (IndexedDB), shared by the service worker, which keeps
 * and sends them, and the queue page, which shows them. A draft is waiting until the council's
 * server has answered it: then it is sent (with its tracking code) or refused (with the reasons).
 */

export interface DraftFile {
  name: string;
  type: string;
  blob: Blob;
}

export interface Draft {
  /** The submission key: the server files one aspiration per key, however often it is sent. */
  key: string;
  state: 'waiting' | 'sent' | 'refused';
  title: string;
  fields: [string, string][];
  files: DraftFile[];
  savedAt: string;
  code?: string;
  link?: string;
  errors?: string[];
  /** Whether the person has seen that it was sent (the pages' note stops then). */
  seen?: boolean;
}

const DATABASE = 'dewan-terbuka';
const STORE = 'drafts';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

export async function allDrafts(): Promise<Draft[]> {
  const drafts = await run<Draft[]>('readonly', (store) => store.getAll() as IDBRequest<Draft[]>);
  return drafts.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export async function putDraft(draft: Draft): Promise<void> {
  await run('readwrite', (store) => store.put(draft));
}

export async function removeDraft(key: string): Promise<void> {
  await run('readwrite', (store) => store.delete(key));
}

/** Every draft sent that the person has not yet seen is marked seen. */
export async function markSentSeen(): Promise<void> {
  for (const draft of await allDrafts())
    if (draft.state === 'sent' && draft.seen !== true) await putDraft({ ...draft, seen: true });
}

/**
 * A moment as platform/format.ts writes it ("1 Desember 2026", "18:05 WIB"); that module is not
 * bundled here because esbuild cannot lower all of it to the oldest browsers the app supports.
 */
export function dateAndTime(
  at: Date,
  lang: string,
  zone: { timeZone: string; label: string },
): { date: string; time: string } {
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  const date = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone.timeZone,
  }).format(at);
  const clock = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone.timeZone,
  })
    .format(at)
    .replace('.', ':');
  return { date, time: `${clock} ${zone.label}` };
}
