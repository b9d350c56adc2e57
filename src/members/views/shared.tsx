/** One member in a list: portrait, name, faction, district, commission and leading position. */
import type { PageContext } from '../../platform/page-context.ts';
import { Avatar } from '../../platform/views/avatar.tsx';
import { leadingPosition, type Member } from '../service.ts';

export function MemberCard({
  ctx,
  member,
  heading = 'h2',
}: {
  ctx: PageContext;
  member: Member;
  heading?: 'h2' | 'h3';
}) {
  const { t } = ctx;
  const Heading = heading;
  const lead = leadingPosition(member);
  return (
    <li class="card">
      <Avatar name={member.name} label={t('members.photoOf', { name: member.name })} />
      <div>
        <Heading>
          <a href={`/anggota/${member.slug}`}>{member.name}</a>
        </Heading>
        <p>
          {member.fraksi?.name ?? member.party}
          {member.dapil === null ? null : ` · ${t('dapil.name', { n: member.dapil })}`}
        </p>
        {lead === undefined && member.komisi === null ? null : (
          <ul class="tags">
            {lead === undefined ? null : <li>{`${lead.role} ${lead.body}`}</li>}
            {member.komisi === null || lead?.kind === 'komisi' ? null : <li>{member.komisi.name}</li>}
          </ul>
        )}
      </div>
    </li>
  );
}
