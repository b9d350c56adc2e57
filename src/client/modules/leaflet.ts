/**
 * Loads Leaflet and its style sheet on demand: only when a person asks for a map, so no page pays
 * for it on first load. Pins are drawn as circles, which need no image files.
 */
import type * as Leaflet from 'leaflet';

let loading: Promise<typeof Leaflet> | undefined;

export function loadLeaflet(cssHref: string): Promise<typeof Leaflet> {
  if (loading === undefined) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = cssHref;
    document.head.append(link);
    loading = import('leaflet').then((m) => (m as unknown as { default: typeof Leaflet }).default ?? m);
  }
  return loading;
}

export function baseMap(
  L: typeof Leaflet,
  element: HTMLElement,
  tiles: string,
  attribution: string,
  center: [number, number],
) {
  const map = L.map(element).setView(center, 14);
  L.tileLayer(tiles, { attribution, maxZoom: 19 }).addTo(map);
  return map;
}

/**
 * A button that, once pressed, gives way to an empty map box in `parent` and hands it to `open`.
 * The button's text names the box for screen readers too.
 */
export function mapButton(
  label: string,
  parent: HTMLElement,
  open: (box: HTMLElement) => Promise<void>,
): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = label;
  button.addEventListener('click', () => {
    button.remove();
    const box = document.createElement('div');
    box.className = 'map';
    box.setAttribute('aria-label', label);
    parent.append(box);
    void open(box);
  });
  return button;
}
