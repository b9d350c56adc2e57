/**
 * The words of each public aspiration, one row per word, kept by triggers: the lists a search reads
 * newest first (aspirations/queries.ts, `searchPublic`).
 *
 * Why: a search shows the newest matches first, and the GIN index of `public_search` cannot give
 * them without every match of the words in the whole table, so the search read the newest rows one
 * by one instead and tested each text. Over 100,000 aspirations (PostgreSQL, the bench's texts) that
 * reading was two thirds of a search's database time, from 0.3 ms for "jalan rusak" (most newest
 * texts have both) to 10 ms for two words seldom together, each text 2 KB of row to read. A btree
 * by (council, word, aspiration) holds each word's aspirations in order: the newest matches of
 * several words are a merge of their lists read backwards from the end, index only, stopping at the
 * last match a page needs: 0.1-0.4 ms for the same searches. Words seldom together are read to the
 * end of their lists (about 0.16 µs an entry; see `newestWithWords`).
 *
 * Confidential reports are left out, as they are of every public search. The rows follow the
 * aspiration: added with it, replaced when its public text or kind changes (a passage hidden by a
 * moderator is no longer found), removed with it.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table aspiration_word (
    council_id integer not null,
    word text not null,
    aspiration_id integer not null,
    primary key (council_id, word, aspiration_id)
  )`.execute(db);

  await sql`create function aspiration_words_of_new_aspirations() returns trigger language plpgsql as $$
    begin
      insert into aspiration_word (council_id, word, aspiration_id)
        select a.council_id, w.word, a.id
        from added a cross join lateral unnest(tsvector_to_array(a.public_search)) as w(word)
        where a.kind <> 'rahasia';
      return null;
    end $$`.execute(db);
  await sql`create trigger aspiration_words_on_new_aspirations after insert on aspiration
    referencing new table as added for each statement execute function aspiration_words_of_new_aspirations()`.execute(
    db,
  );

  await sql`create function aspiration_words_of_changed_aspiration() returns trigger language plpgsql as $$
    begin
      if old.kind <> 'rahasia' then
        delete from aspiration_word
          where council_id = old.council_id
            and word = any(tsvector_to_array(old.public_search))
            and aspiration_id = old.id;
      end if;
      if new.kind <> 'rahasia' then
        insert into aspiration_word (council_id, word, aspiration_id)
          select new.council_id, w, new.id from unnest(tsvector_to_array(new.public_search)) as w;
      end if;
      return null;
    end $$`.execute(db);
  // The generated column counts as changed when a column it is made of is set (title, description,
  // hidden passages).
  await sql`create trigger aspiration_words_on_changed_aspiration
    after update of public_search, kind, council_id on aspiration for each row
    when (old.public_search is distinct from new.public_search or old.kind <> new.kind or old.council_id <> new.council_id)
    execute function aspiration_words_of_changed_aspiration()`.execute(db);

  await sql`create function aspiration_words_of_removed_aspirations() returns trigger language plpgsql as $$
    begin
      delete from aspiration_word w
        using removed a cross join lateral unnest(tsvector_to_array(a.public_search)) as r(word)
        where w.council_id = a.council_id and w.word = r.word and w.aspiration_id = a.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger aspiration_words_on_removed_aspirations after delete on aspiration
    referencing old table as removed for each statement execute function aspiration_words_of_removed_aspirations()`.execute(
    db,
  );

  await sql`insert into aspiration_word (council_id, word, aspiration_id)
    select a.council_id, w.word, a.id
    from aspiration a cross join lateral unnest(tsvector_to_array(a.public_search)) as w(word)
    where a.kind <> 'rahasia'`.execute(db);
  await sql`analyze aspiration_word`.execute(db);
}
