/**
 * Key rotation: after a new key is put first in DATA_KEYS (old keys stay listed after it),
 * `npm run keys:rotate` re-seals every sealed value under the new key. When it reports nothing
 * left under old keys, the old keys can be removed from DATA_KEYS. Every feature that seals a
 * column lists it here.
 */
import type { Db } from '../db/index.ts';
import { recordAudit } from './audit.ts';
import type { Sealer } from './crypto.ts';

export async function resealAll(db: Db, sealer: Sealer): Promise<{ resealed: number }> {
  const refresh = (value: string | null) =>
    value !== null && sealer.isStale(value) ? sealer.seal(sealer.open(value)) : value;
  let resealed = 0;
  await db.transaction().execute(async (trx) => {
    const users = await trx
      .selectFrom('app_user')
      .select(['id', 'email_sealed', 'name_sealed', 'phone_sealed', 'totp_sealed'])
      .execute();
    for (const u of users) {
      const next = {
        email_sealed: refresh(u.email_sealed) ?? u.email_sealed,
        name_sealed: refresh(u.name_sealed) ?? u.name_sealed,
        phone_sealed: refresh(u.phone_sealed),
        totp_sealed: refresh(u.totp_sealed),
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== u[k]).length;
      if (changed === 0) continue;
      resealed += changed;
      await trx.updateTable('app_user').set(next).where('id', '=', u.id).execute();
    }
    const messages = await trx.selectFrom('outbox').select(['id', 'recipient_sealed']).execute();
    for (const m of messages) {
      if (!sealer.isStale(m.recipient_sealed)) continue;
      resealed++;
      await trx
        .updateTable('outbox')
        .set({ recipient_sealed: sealer.seal(sealer.open(m.recipient_sealed)) })
        .where('id', '=', m.id)
        .execute();
    }
    const reporters = await trx
      .selectFrom('aspiration_reporter')
      .select(['aspiration_id', 'name_sealed', 'email_sealed', 'phone_sealed'])
      .execute();
    for (const r of reporters) {
      const next = {
        name_sealed: refresh(r.name_sealed),
        email_sealed: refresh(r.email_sealed),
        phone_sealed: refresh(r.phone_sealed),
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== r[k]).length;
      if (changed === 0) continue;
      resealed += changed;
      await trx.updateTable('aspiration_reporter').set(next).where('aspiration_id', '=', r.aspiration_id).execute();
    }
    const subscriptions = await trx.selectFrom('subscription').select(['id', 'email_sealed']).execute();
    for (const s of subscriptions) {
      const next = refresh(s.email_sealed);
      if (next === s.email_sealed || next === null) continue;
      resealed++;
      await trx.updateTable('subscription').set({ email_sealed: next }).where('id', '=', s.id).execute();
    }
    await recordAudit(trx, { actorUserId: null, actorRole: 'console', action: 'keys.rotated', details: { resealed } });
  });
  return { resealed };
}
