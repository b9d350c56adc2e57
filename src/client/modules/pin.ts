/**
 * The optional pin of an aspiration: "use my location" (the browser asks the person first) and,
 * when the portal has map tiles, a map to place the pin by tapping. Both fill the hidden lat/lon
 * fields; without JavaScript the kecamatan/kelurahan select alone says where.
 */
import { baseMap, loadLeaflet, mapButton } from './leaflet.ts';

export function pin(element: HTMLElement): void {
  const lat = element.querySelector<HTMLInputElement>('input[name="lat"]');
  const lon = element.querySelector<HTMLInputElement>('input[name="lon"]');
  const d = element.dataset;
  if (lat === null || lon === null || d.labelLocate === undefined) return;
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.className = 'hint';
  const show = () => {
    status.textContent =
      lat.value === ''
        ? (d.labelNone ?? '')
        : (d.labelSet ?? '').replace('{lat}', lat.value).replace('{lon}', lon.value);
  };
  const set = (la: number, lo: number) => {
    lat.value = la.toFixed(6);
    lon.value = lo.toFixed(6);
    show();
    element.dispatchEvent(new CustomEvent('pin', { bubbles: true }));
  };
  const buttons = document.createElement('p');
  const locate = document.createElement('button');
  locate.type = 'button';
  locate.className = 'secondary';
  locate.textContent = d.labelLocate;
  locate.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      status.textContent = d.labelError ?? '';
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => set(p.coords.latitude, p.coords.longitude),
      () => {
        status.textContent = d.labelError ?? '';
      },
      { enableHighAccuracy: true, timeout: 15000 },
    );
  });
  buttons.append(locate);
  if (d.tiles !== undefined && d.mapCss !== undefined && d.labelMap !== undefined) {
    const open = mapButton(d.labelMap, element, async (box) => {
      const L = await loadLeaflet(d.mapCss ?? '');
      const center: [number, number] =
        lat.value === '' ? [Number(d.centerLat), Number(d.centerLon)] : [Number(lat.value), Number(lon.value)];
      const map = baseMap(L, box, d.tiles ?? '', d.attribution ?? '', center);
      const marker = L.circleMarker(center, { radius: 9 });
      if (lat.value !== '') marker.addTo(map);
      map.on('click', (event: { latlng: { lat: number; lng: number } }) => {
        marker.setLatLng(event.latlng).addTo(map);
        set(event.latlng.lat, event.latlng.lng);
      });
    });
    buttons.append(' ', open);
  }
  element.append(buttons, status);
  show();
}
