import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRichText, safeHref } from './rich-text.ts';

describe('rich text written by staff', () => {
  test('headings, lists, quotes, links, bold and italic are kept, written out the same way every time', () => {
    const read = parseRichText(
      '<h2>Hasil rapat</h2><p>DPRD <b>menyetujui</b> Raperda <i>Bangunan Gedung</i>.<br>Lihat <a href="/perda/12">Perda</a> dan <a href=\'https://jdih.example.go.id/x?a=1&amp;b=2\'>JDIH</a>.<ul><li>satu<li>dua</ul><blockquote>Kutipan ketua</blockquote><ol><li><p>pertama</p></li></ol><p>Surel: <a href="mailto:humas@dprd.example">humas</a></p>',
    );
    assert.ok(read.ok);
    assert.equal(
      read.html,
      '<h2>Hasil rapat</h2>\n<p>DPRD <strong>menyetujui</strong> Raperda <em>Bangunan Gedung</em>.<br>Lihat <a href="/perda/12">Perda</a> dan <a href="https://jdih.example.go.id/x?a=1&amp;b=2">JDIH</a>.</p>\n<ul><li>satu</li>\n<li>dua</li></ul>\n<blockquote>Kutipan ketua</blockquote>\n<ol><li><p>pertama</p></li></ol>\n<p>Surel: <a href="mailto:humas@dprd.example">humas</a></p>\n',
    );
    assert.equal(read.text.startsWith('Hasil rapat DPRD menyetujui Raperda Bangunan Gedung .'), true);
    // What was written out reads back to itself.
    const again = parseRichText(read.html);
    assert.ok(again.ok);
    assert.equal(again.html, read.html);
  });

  test('plain text becomes paragraphs at blank lines; a lone "<" and entities stay text', () => {
    const read = parseRichText('Paragraf satu,\nbaris dua.\n\nNilai a < b & c &lt;script&gt; tetap teks.');
    assert.ok(read.ok);
    assert.equal(
      read.html,
      '<p>Paragraf satu,\nbaris dua.</p>\n<p>Nilai a &lt; b &amp; c &lt;script&gt; tetap teks.</p>\n',
    );
  });

  // Known ways to run script or pull in another site's content (OWASP's XSS filter evasion list
  // and html5sec.org), each refused with what to mend.
  const vectors: [string, string, string][] = [
    ['<script>alert(1)</script>', 'tag', '<script>'],
    ['<SCRIPT SRC=//xss.example/x.js></SCRIPT>', 'tag', '<script>'],
    ['<p>ok</p><scr<script>ipt>alert(1)</script>', 'broken', '<scr<script>'],
    ['<img src=x onerror=alert(1)>', 'tag', '<img>'],
    ['<svg/onload=alert(1)>', 'broken', '<svg/onload'],
    ['<svg onload=alert(1)>', 'tag', '<svg>'],
    ['<p onclick="alert(1)">klik</p>', 'attribute', 'onclick'],
    ['<p ONMOUSEOVER=alert(1)>x</p>', 'attribute', 'onmouseover'],
    ['<a href="#" onfocus=alert(1) autofocus>x</a>', 'attribute', 'onfocus'],
    ['<p style="background:url(javascript:alert(1))">x</p>', 'attribute', 'style'],
    ['<a href="javascript:alert(1)">x</a>', 'link', 'javascript:alert(1)'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', 'link', 'JaVaScRiPt:alert(1)'],
    ['<a href=" javascript:alert(1)">x</a>', 'link', ' javascript:alert(1)'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', 'link', 'jav\tascript:alert(1)'],
    [
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
      'link',
      'javascript:alert(1)',
    ],
    [
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
      'link',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    ],
    ['<a href="vbscript:msgbox(1)">x</a>', 'link', 'vbscript:msgbox(1)'],
    ['<a href="//evil.example/">x</a>', 'link', '//evil.example/'],
    ['<a>tanpa alamat</a>', 'attribute', 'href'],
    ['<iframe src="https://www.youtube.com/embed/x"></iframe>', 'tag', '<iframe>'],
    ['<object data="https://evil.example/x.swf"></object>', 'tag', '<object>'],
    ['<embed src="https://evil.example/x.swf">', 'tag', '<embed>'],
    ['<video src=x onerror=alert(1)>', 'tag', '<video>'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', 'tag', '<math>'],
    ['<style>@import "https://evil.example/x.css";</style>', 'tag', '<style>'],
    ['<link rel=stylesheet href=https://evil.example/x.css>', 'tag', '<link>'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', 'tag', '<meta>'],
    ['<form action="https://evil.example"><button>x</button></form>', 'tag', '<form>'],
    ['<base href="https://evil.example/">', 'tag', '<base>'],
    ['<!--<img src=x onerror=alert(1)>-->', 'comment', '<!-- -->'],
    ['<![CDATA[<script>alert(1)</script>]]>', 'broken', '<![CDATA['],
    ['<p>a</p><?xml-stylesheet href="x"?>', 'broken', '<?xml'],
    ['<p title="x" >ok</p>', 'attribute', 'title'],
    ['<a href="https://ok.example"><a href="https://ok.example">x</a></a>', 'nesting', '<a>'],
    ['<h2>judul', 'nesting', '<h2>'],
    ['<p>x</h2>', 'nesting', '</h2>'],
    ['<ul>teks lepas</ul>', 'nesting', '<li>'],
    ['<li>tanpa daftar</li>', 'nesting', '<li>'],
  ];
  for (const [source, problem, detail] of vectors)
    test(`refuses ${JSON.stringify(source.slice(0, 50))}`, () => {
      const read = parseRichText(source);
      assert.equal(read.ok, false);
      if (read.ok) return;
      // The reason, and what to mend: the tag, attribute or link (a broken tag by how it begins).
      assert.equal(read.problem, problem);
      assert.ok(read.detail.startsWith(detail), `${read.detail} names ${detail}`);
    });

  test('a text past the limit is refused, not cut', () => {
    assert.deepEqual(parseRichText(`<p>${'a'.repeat(100_001)}</p>`), {
      ok: false,
      problem: 'tooLong',
      detail: '100000',
    });
  });

  test('links go to the web, mail, or this site only', () => {
    assert.equal(safeHref('https://example.go.id/a'), 'https://example.go.id/a');
    assert.equal(safeHref('/agenda/3'), '/agenda/3');
    assert.equal(safeHref('#bagian'), '#bagian');
    assert.equal(safeHref('/\\evil.example'), undefined);
    assert.equal(safeHref('https://'), undefined);
    assert.equal(safeHref('ftp://example.org'), undefined);
  });
});
