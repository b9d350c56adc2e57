/**
 * A public list's map view (aspirations, projects): on request, the items of the current filter
 * that carry a point are fetched from the list's API and drawn, each linking to its page. The list
 * stays the way to read them; the map is an overview.
 */
import { baseMap, loadLeaflet, mapButton } from './leaflet.ts';

interface Item {
  /** A tracking code, shown before the title when the item has one. */
  code?: string;
  url: string;
  title: string;
  lat: number | null;
  lon: number | null;
}

export function pointsMap(element: HTMLElement): void {
  const d = element.dataset;
  if (d.tiles === undefined || d.mapCss === undefined || d.source === undefined || d.label === undefined) return;
  const button = mapButton(d.label, element, async (box) => {
    const pending = fetch(d.source ?? '');
    const L = await loadLeaflet(d.mapCss ?? '');
    const answer = (await (await pending).json()) as { data: Item[] };
    const data = answer.data;
    const map = baseMap(L, box, d.tiles ?? '', d.attribution ?? '', [Number(d.centerLat), Number(d.centerLon)]);
    const points: [number, number][] = [];
    for (const item of data) {
      if (item.lat === null || item.lon === null) continue;
      points.push([item.lat, item.lon]);
      const link = document.createElement('a');
      link.href = item.url;
      link.textContent = item.code === undefined ? item.title : `${item.code}: ${item.title}`;
      L.circleMarker([item.lat, item.lon], { radius: 8 }).bindPopup(link).addTo(map);
    }
    if (points.length > 0) map.fitBounds(points, { maxZoom: 16, padding: [20, 20] });
  });
  element.append(button);
}
