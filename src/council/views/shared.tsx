/** What other features may show of the council: the "which dapil am I in?" form. */
import type { PageContext } from '../../platform/page-context.ts';
import { SelectField } from '../../platform/views/form.tsx';
import type { CouncilStructure } from '../service.ts';

export function KelurahanForm({
  ctx,
  structure,
  chosen,
}: {
  ctx: PageContext;
  structure: Pick<CouncilStructure, 'kecamatan'>;
  chosen: string;
}) {
  const { t } = ctx;
  return (
    <form method="get" action="/dapil" class="actions">
      <SelectField name="kelurahan" label={t('dapil.kelurahan')} required>
        <option value="">{t('dapil.choose')}</option>
        {structure.kecamatan.map((k) => (
          <optgroup key={k.slug} label={`Kecamatan ${k.name}`}>
            {k.kelurahan.map((kel) => (
              <option key={kel.code} value={kel.code} selected={chosen === kel.code}>
                {kel.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <button type="submit">{t('dapil.find')}</button>
    </form>
  );
}
