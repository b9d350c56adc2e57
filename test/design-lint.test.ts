import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const biome = path.join(root, 'node_modules', '.bin', 'biome');

/** Lints one page with the project's own configuration and plugin, in a copy of the layout. */
function lintPage(source: string, where = 'src/example/views/page.tsx'): { ok: boolean; output: string } {
  const folder = mkdtempSync(path.join(tmpdir(), 'design-lint-'));
  cpSync(path.join(root, 'biome.json'), path.join(folder, 'biome.json'));
  cpSync(path.join(root, 'lint'), path.join(folder, 'lint'), { recursive: true });
  mkdirSync(path.dirname(path.join(folder, where)), { recursive: true });
  writeFileSync(path.join(folder, where), source);
  try {
    const output = execFileSync(biome, ['lint', '--max-diagnostics=50', where], { cwd: folder, encoding: 'utf8' });
    return { ok: true, output };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the design system is the only way to draw a control (lint/design-system.grit)', () => {
  test('a page that draws a select, an input, a badge or a style by hand is refused, naming the component', () => {
    const refused = lintPage(
      [
        'export const Page = () => (',
        '  <form>',
        '    <select name="a"><option>1</option></select>',
        '    <input type="radio" name="b" value="1" />',
        '    <span class="badge">Diterima</span>',
        '    <p style="color: red">x</p>',
        '    <button type="submit" class="secondary">Simpan</button>',
        '  </form>',
        ');',
        '',
      ].join('\n'),
    );
    assert.equal(refused.ok, false);
    assert.match(refused.output, /Use SelectField, FilterSelect or TextArea/);
    assert.match(refused.output, /Use a field component/);
    assert.match(refused.output, /belongs to a design-system component/);
    assert.match(refused.output, /No style attribute/);
  });

  test('a page built from the components, with hidden inputs and plain classes, passes', () => {
    const passed = lintPage(
      [
        "import { Button } from '../../platform/views/components.tsx';",
        'export const Page = () => (',
        '  <form class="filters">',
        '    <input type="hidden" name="_csrf" value="t" />',
        '    <p class="lead">Tulis aspirasi Anda.</p>',
        '    <button type="submit">Kirim</button>',
        '    <Button variant="secondary">Batal</Button>',
        '  </form>',
        ');',
        '',
      ].join('\n'),
    );
    assert.equal(passed.ok, true, passed.output);
  });

  test('the platform, which defines the components, may write their classes', () => {
    const platform = lintPage('export const Tag = () => <span class="badge">x</span>;\n', 'src/platform/views/tag.tsx');
    assert.equal(platform.ok, true, platform.output);
  });
});
