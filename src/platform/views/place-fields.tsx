/**
 * Fields for where something is: the kecamatan → kelurahan choice (works with JavaScript off) and
 * the optional map pin that the "pin" module fills in.
 */
import type { PageContext } from '../page-context.ts';
import { FieldMessage } from './form.tsx';

/** A kecamatan and its kelurahan, as the place choice lists them. */
export interface PlaceGroup {
  id: number;
  name: string;
  kelurahan: readonly { id: number; name: string }[];
}

/** Kecamatan → kelurahan as one select with a group per kecamatan: usable with JavaScript off. */
export function LocationField({
  ctx,
  places,
  value,
  error,
}: {
  ctx: PageContext;
  places: readonly PlaceGroup[];
  value: string | undefined;
  error: string | undefined;
}) {
  const { t } = ctx;
  return (
    <div class={error === undefined ? 'field' : 'field field-error'}>
      <label for="location">{t('form.place.label')}</label>
      <p class="hint" id="location-hint">
        {t('form.place.hint')}
      </p>
      <FieldMessage name="location" error={error} />
      <select
        id="location"
        name="location"
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={error === undefined ? 'location-hint' : 'location-hint location-error'}
      >
        <option value="">{t('form.choose')}</option>
        {places.map((k) => (
          <optgroup key={k.id} label={t('form.place.kecamatan', { name: k.name })}>
            <option value={`k${k.id}`} selected={value === `k${k.id}`}>
              {t('form.place.wholeKecamatan', { name: k.name })}
            </option>
            {k.kelurahan.map((kel) => (
              <option key={kel.id} value={String(kel.id)} selected={value === String(kel.id)}>
                {kel.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/**
 * The optional pin: hidden fields that the "pin" module fills from the browser's location or a
 * tap on the map (when tiles are configured). Without JavaScript nothing shows and nothing is lost.
 */
export function PinField({
  ctx,
  center,
  values,
}: {
  ctx: PageContext;
  /** Where the map opens: the middle of the region. */
  center: { lat: number; lon: number };
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  return (
    <div
      class="field pin"
      data-module="pin"
      data-label-locate={t('form.pin.locate')}
      data-label-set={t('form.pin.set')}
      data-label-none={t('form.pin.none')}
      data-label-error={t('form.pin.error')}
      data-label-map={ctx.map === undefined ? undefined : t('form.pin.map')}
      data-tiles={ctx.map?.tiles}
      data-attribution={ctx.map?.attribution}
      data-map-css={ctx.map === undefined ? undefined : ctx.assets.mapCss}
      data-center-lat={String(center.lat)}
      data-center-lon={String(center.lon)}
    >
      <input type="hidden" name="lat" value={values.lat ?? ''} />
      <input type="hidden" name="lon" value={values.lon ?? ''} />
    </div>
  );
}
