import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

/** The anchors of a page's entries: `<li id="reses">`. */
const anchorsOf = (html: string) => new Set([...html.matchAll(/<li id="([a-z-]+)"/g)].map((m) => m[1]));

describe('a citizen looks up a council word at /istilah', () => {
  test('the words the issue names are all explained, each with an anchor of its own', async () => {
    const res = await t.app.inject('/istilah');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Daftar istilah DPRD<\/h1>/);
    const anchors = anchorsOf(res.body);
    for (const slug of [
      'reses',
      'pokir',
      'raperda',
      'propemperda',
      'bamus',
      'rdp',
      'apbd',
      'dapil',
      'komisi',
      'fraksi',
    ])
      assert.ok(anchors.has(slug), slug);
    assert.match(res.body, /<h2>Bamus<span class="muted"> \(Badan Musyawarah\)<\/span><\/h2>/);
    assert.match(res.body, /Tiga kali setahun|tiga kali setahun/);
  });

  test('the words are in alphabetical order, so a reader can scan for one', async () => {
    const res = await t.app.inject('/istilah');
    const headings = [...res.body.matchAll(/<li id="[a-z-]+"><h2>([^<]+)/g)].map((m) => m[1] ?? '');
    assert.ok(headings.length >= 20);
    const sorted = [...headings].sort((a, b) => a.localeCompare(b, 'id', { sensitivity: 'base' }));
    assert.deepEqual(headings, sorted);
  });

  test('every link on an entry leads somewhere: pages of the portal answer, "see also" anchors exist', async () => {
    const res = await t.app.inject('/istilah');
    const anchors = anchorsOf(res.body);
    const list = /<ul class="list">([\s\S]*?)<\/ul>/.exec(res.body)?.[1] ?? '';
    const hrefs = [...list.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
    assert.ok(hrefs.some((h) => h.startsWith('/')) && hrefs.some((h) => h.startsWith('#')));
    for (const href of new Set(hrefs)) {
      if (href.startsWith('#')) assert.ok(anchors.has(href.slice(1)), href);
      else assert.equal((await t.app.inject(href)).statusCode, 200, href);
    }
  });

  test('in English, the same words with English explanations', async () => {
    const res = await t.app.inject('/istilah?lang=en');
    assert.match(res.body, /<h1>Glossary of council terms<\/h1>/);
    assert.match(res.body, /Recess: the days when members go back to their dapil/);
  });

  test('the pages that use a word link to its explanation, and every page links the glossary', async () => {
    const anchors = anchorsOf((await t.app.inject('/istilah')).body);
    for (const [page, slug, text] of [
      ['/reses', 'reses', 'Apa itu reses?'],
      ['/pokir', 'pokir', 'Apa itu pokir?'],
      ['/raperda', 'propemperda', 'Apa itu Propemperda?'],
      ['/anggaran', 'apbd', 'Apa itu APBD?'],
      ['/dapil', 'dapil', 'Apa itu dapil?'],
    ] as const) {
      const res = await t.app.inject(page);
      assert.equal(res.statusCode, 200, page);
      assert.ok(res.body.includes(`<a href="/istilah#${slug}">${text}</a>`), page);
      assert.ok(anchors.has(slug), slug);
    }
    assert.match((await t.app.inject('/agenda')).body, /<a href="\/istilah">Daftar istilah DPRD<\/a>/);
    assert.match((await t.app.inject('/sitemap/glossary.xml')).body, /<loc>http:\/\/localhost:3000\/istilah<\/loc>/);
  });
});
