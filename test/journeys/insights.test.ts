import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { suggestCategories, trainCategoryModel } from '../../src/aspirations/service.ts';
import { forgetCouncil } from '../../src/council/service.ts';
import { deps } from '../../src/platform/auth.ts';
import { sendAspiration } from '../helpers/aspirations.ts';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { storeAsTriaged } from '../helpers/evaluation-set.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

describe('category suggestions on a phone with JavaScript off', () => {
  test('an officer reads how the model did, opens a new aspiration, takes its suggestion with one click', async () => {
    const db = j.served.database.db;
    await storeAsTriaged(db, 5);
    // Low enough that this small set's model is shown whatever its measured accuracy.
    await db.updateTable('council').set({ suggestion_min_accuracy: 0.3 }).execute();
    forgetCouncil(db);
    const trained = await trainCategoryModel(deps(j.served.app), true);
    assert.ok(trained.trained);
    const code = await sendAspiration(
      j.served,
      'Sungai meluap, tanggul jebol, banjir setinggi pinggang di rumah warga',
    );
    assert.equal(await suggestCategories(deps(j.served.app)), 1);

    const staff = await createUser(j.served, 'staff');
    const context = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await signInAs(j, context, staff);
    await page.goto(`${j.served.baseUrl}/kelola`);
    await page.getByRole('link', { name: 'Wawasan aspirasi' }).click();
    await page.getByRole('heading', { name: 'Wawasan aspirasi', level: 1 }).waitFor();
    assert.match(await page.content(), /120 aspirasi terbaru, diterima sejak/);
    const problems = await pageProblems(j, page, '/kelola/wawasan');

    await page.goto(`${j.served.baseUrl}/kelola/aspirasi/${code}`);
    await page.getByText(/^Saran sistem: Banjir dan sungai/).waitFor();
    problems.push(...(await pageProblems(j, page, '/kelola/aspirasi/:kode (suggestion)')));
    await page.getByRole('button', { name: 'Pakai kategori Banjir dan sungai' }).click();
    await page.waitForURL(/pesan=tersimpan/);
    await page.getByText('Saran ini sama dengan kategori sekarang.').waitFor();
    await page.getByText('Kategori diubah menjadi Banjir dan sungai').waitFor();
    await context.close();
    assert.deepEqual(problems, []);
  });
});
