/** A placeholder portrait: the person's initials on a colour drawn from their name. */
const colours = ['#8a1c1c', '#0b5cad', '#1a7f37', '#6639ba', '#9a6700', '#0e7490', '#a0115a'];

export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

function colourOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return colours[hash % colours.length] ?? '#8a1c1c';
}

export function Avatar({ name, label, large = false }: { name: string; label: string; large?: boolean }) {
  return (
    <svg class={large ? 'avatar large' : 'avatar'} viewBox="0 0 56 56" role="img" aria-label={label}>
      <circle cx="28" cy="28" r="28" fill={colourOf(name)} />
      <text x="28" y="35" text-anchor="middle" font-size="20" font-weight="600" fill="#fff">
        {initials(name)}
      </text>
    </svg>
  );
}
