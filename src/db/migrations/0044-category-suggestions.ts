/**
 * Suggesting an aspiration's category from its text (issue 21): the models trained on the
 * council's own triaged aspirations, with the figures measured on the newest part held out, and
 * one suggestion per aspiration as staff see it. Below the council's threshold (accuracy on the
 * held-out part) no suggestion is shown.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('category_model')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('naive-bayes', 'logistic')`))
    // What it learnt from and was tested on: the older part trains, the newest part judges.
    .addColumn('trained_on', 'integer', (c) => c.notNull())
    .addColumn('tested_on', 'integer', (c) => c.notNull())
    .addColumn('tested_from', 'timestamptz', (c) => c.notNull())
    .addColumn('accuracy', 'double precision', (c) => c.notNull())
    .addColumn('macro_f1', 'double precision', (c) => c.notNull())
    .addColumn('baseline', 'double precision', (c) => c.notNull())
    // Both models' figures, per category and the confusion matrix, as /kelola/wawasan shows them (JSON).
    .addColumn('evaluation', 'text', (c) => c.notNull())
    // The chosen kind retrained on everything: labels, vocabulary, bias and weights (JSON).
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('training_ms', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('category_model_newest').on('category_model').columns(['council_id', 'id']).execute();

  await db.schema
    .createTable('category_suggestion')
    .addColumn('aspiration_id', 'integer', (c) => c.primaryKey().references('aspiration.id').onDelete('cascade'))
    .addColumn('model_id', 'integer', (c) => c.notNull().references('category_model.id').onDelete('cascade'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('aspiration_category.id').onDelete('cascade'))
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('because', sql`text[]`, (c) => c.notNull())
    // What staff did with it: took it, or chose another category (which teaches the next model).
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('accepted', 'corrected')`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable('council')
    // Accuracy on the held-out part below which staff see no suggestion (0–1).
    .addColumn('suggestion_min_accuracy', 'double precision', (c) =>
      c.notNull().defaultTo(0.6).check(sql`suggestion_min_accuracy between 0 and 1`),
    )
    .execute();
}
