/**
 * A small, safe rich text for what staff write (news): paragraphs, two levels of heading, lists,
 * quotes, links, bold, italic and line breaks, written as HTML. Nothing else is let through: a tag
 * or attribute outside the list, a link to anything but the web, mail or this site, a comment or a
 * broken tag is refused with the reason, never silently dropped, so the writer sees what to mend.
 * What is kept is not the text as typed but the tree read from it written out again, so no
 * browser's guess about broken markup ever reaches a reader.
 */

/** Why a text was refused; `detail` names the tag, attribute or link. */
export type RichTextProblem = 'tag' | 'attribute' | 'link' | 'comment' | 'broken' | 'nesting' | 'tooLong';

export type RichTextResult =
  | { ok: true; html: string; text: string }
  | { ok: false; problem: RichTextProblem; detail: string };

export const RICH_TEXT_MAX = 100_000;

type Kind = 'block' | 'list' | 'item' | 'inline' | 'void';
const TAGS: Record<string, { kind: Kind; as?: string }> = {
  p: { kind: 'block' },
  h2: { kind: 'block' },
  h3: { kind: 'block' },
  blockquote: { kind: 'block' },
  ul: { kind: 'list' },
  ol: { kind: 'list' },
  li: { kind: 'item' },
  a: { kind: 'inline' },
  strong: { kind: 'inline' },
  b: { kind: 'inline', as: 'strong' },
  em: { kind: 'inline' },
  i: { kind: 'inline', as: 'em' },
  br: { kind: 'void' },
};
/** Where each tag may stand, by its parent ('' is the top). */
const PARENTS: Record<string, readonly string[]> = {
  p: ['', 'blockquote', 'li'],
  h2: [''],
  h3: [''],
  blockquote: [''],
  ul: ['', 'li', 'blockquote'],
  ol: ['', 'li', 'blockquote'],
  li: ['ul', 'ol'],
};
/** Closed by the start of a block (as a browser closes an open <p>), or at the end of the text. */
const SELF_CLOSING = new Set(['p', 'li']);
const INLINE_PARENTS = new Set(['p', 'h2', 'h3', 'li', 'blockquote', 'a', 'strong', 'em']);

interface Element {
  tag: string;
  href?: string;
  children: Node[];
}
type Node = Element | string;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** The web, mail, or a path or anchor of this site; whitespace and controls hidden in it do not count. */
export function safeHref(raw: string): string | undefined {
  // Browsers drop tabs and line breaks inside a URL ("java\tscript:"), and trim spaces and controls.
  const href = decode(raw)
    .replace(/[\t\n\r]/g, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  if (/[\u0000-\u001f]/.test(href)) return undefined;
  if (/^https?:\/\/[^\s/]/i.test(href) || /^mailto:[^\s]+$/i.test(href)) return href;
  if (/^\/(?![/\\])/.test(href) || href.startsWith('#')) return href;
  return undefined;
}

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Reads a text written in the subset; refuses anything else with the reason. */
export function parseRichText(source: string): RichTextResult {
  if (source.length > RICH_TEXT_MAX) return { ok: false, problem: 'tooLong', detail: String(RICH_TEXT_MAX) };
  const root: Element = { tag: '', children: [] };
  const stack: Element[] = [root];
  const top = () => stack[stack.length - 1] as Element;
  let text = '';
  /** Puts the text read so far where it stands; false when it stands where text may not (in a list). */
  const flush = () => {
    if (text === '') return true;
    const value = decode(text);
    text = '';
    const parent = top();
    if (INLINE_PARENTS.has(parent.tag)) parent.children.push(value);
    else if (value.trim() === '') return true;
    else if (parent.tag !== '') return false;
    // Text outside a block: its paragraphs are those a blank line makes.
    else
      for (const p of value.split(/\n\s*\n/))
        if (p.trim() !== '') root.children.push({ tag: 'p', children: [p.trim()] });
    return true;
  };
  const strayText = { ok: false, problem: 'nesting', detail: '<li>' } as const;

  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      text += source.slice(i);
      break;
    }
    text += source.slice(i, lt);
    const rest = source.slice(lt);
    if (rest.startsWith('<!--')) return { ok: false, problem: 'comment', detail: '<!-- -->' };
    const match = TAG.exec(rest);
    if (match === null) {
      // "a < b" is text; anything that looks like the start of a tag but is not one is refused.
      if (/^<[/!?a-zA-Z]/.test(rest)) return { ok: false, problem: 'broken', detail: rest.slice(0, 30) };
      text += '<';
      i = lt + 1;
      continue;
    }
    if (!flush()) return strayText;
    i = lt + match[0].length;
    const closing = match[1] === '/';
    const name = (match[2] as string).toLowerCase();
    const spec = TAGS[name];
    if (spec === undefined) return { ok: false, problem: 'tag', detail: `<${name}>` };
    const tag = spec.as ?? name;
    if (closing) {
      if (spec.kind === 'void') continue;
      // Close an open <p> or <li> the writer left open inside what now ends.
      while (top().tag !== tag && SELF_CLOSING.has(top().tag) && stack.length > 1) stack.pop();
      if (top().tag !== tag) return { ok: false, problem: 'nesting', detail: `</${name}>` };
      stack.pop();
      continue;
    }
    let href: string | undefined;
    for (const attribute of (match[3] as string).matchAll(ATTRIBUTE)) {
      const attributeName = (attribute[1] as string).toLowerCase();
      if (tag !== 'a' || attributeName !== 'href') return { ok: false, problem: 'attribute', detail: attributeName };
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      href = safeHref(value);
      if (href === undefined) return { ok: false, problem: 'link', detail: decode(value).slice(0, 60) };
    }
    if (tag === 'a' && href === undefined) return { ok: false, problem: 'attribute', detail: 'href' };
    if (spec.kind === 'inline' || spec.kind === 'void') {
      if (!INLINE_PARENTS.has(top().tag)) {
        // Inline markup at the top starts a paragraph, as it would in a browser.
        if (top().tag !== '' && top().tag !== 'li') return { ok: false, problem: 'nesting', detail: `<${name}>` };
        if (top().tag === '') {
          const p: Element = { tag: 'p', children: [] };
          root.children.push(p);
          stack.push(p);
        }
      }
      if (tag === 'a' && stack.some((e) => e.tag === 'a')) return { ok: false, problem: 'nesting', detail: '<a>' };
      const element: Element = href === undefined ? { tag, children: [] } : { tag, href, children: [] };
      top().children.push(element);
      if (spec.kind === 'inline') stack.push(element);
      continue;
    }
    // A block, a list or an item: close what it implicitly ends, then check where it stands.
    const allowed = PARENTS[tag] ?? [];
    while (!allowed.includes(top().tag) && SELF_CLOSING.has(top().tag) && stack.length > 1) stack.pop();
    if (!allowed.includes(top().tag)) return { ok: false, problem: 'nesting', detail: `<${name}>` };
    const element: Element = { tag, children: [] };
    top().children.push(element);
    stack.push(element);
  }
  if (!flush()) return strayText;
  while (stack.length > 1) {
    const open = stack.pop() as Element;
    if (!SELF_CLOSING.has(open.tag)) return { ok: false, problem: 'nesting', detail: `<${open.tag}>` };
  }
  return { ok: true, html: write(root.children), text: plain(root.children).replace(/\s+/g, ' ').trim() };
}

function write(nodes: Node[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return escapeText(node);
      if (node.tag === 'br') return '<br>';
      const open = node.href === undefined ? `<${node.tag}>` : `<a href="${escapeAttribute(node.href)}">`;
      const inner = write(node.children);
      // An empty paragraph or item says nothing; drop it rather than keep blank space.
      if (inner.trim() === '' && node.tag !== 'a') return '';
      const block = PARENTS[node.tag] !== undefined;
      return `${open}${block ? inner.trim() : inner}</${node.tag}>${block ? '\n' : ''}`;
    })
    .join('');
}

function plain(nodes: Node[]): string {
  return nodes
    .map((node) => (typeof node === 'string' ? node : node.tag === 'br' ? ' ' : `${plain(node.children)} `))
    .join('');
}
