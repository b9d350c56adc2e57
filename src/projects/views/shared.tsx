/** What other features may show of projects: a status badge with the same colours everywhere. */
import type { ProjectStatus } from '../../db/schema.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Tag, type TagTone } from '../../platform/views/components.tsx';

const projectStatusTexts = {
  perencanaan: 'project.status.perencanaan',
  pengadaan: 'project.status.pengadaan',
  berjalan: 'project.status.berjalan',
  terhambat: 'project.status.terhambat',
  selesai: 'project.status.selesai',
  dibatalkan: 'project.status.dibatalkan',
} as const satisfies Record<ProjectStatus, MessageKey>;

export const statusName = (ctx: Pick<PageContext, 't'>, s: ProjectStatus) => ctx.t(projectStatusTexts[s]);
/** A project's status in the colours an aspiration's status has for the same meaning. */
const statusTone: Record<ProjectStatus, TagTone> = {
  perencanaan: 'neutral',
  pengadaan: 'neutral',
  berjalan: 'active',
  terhambat: 'stopped',
  selesai: 'done',
  dibatalkan: 'stopped',
};

export function ProjectStatusBadge({ ctx, status }: { ctx: PageContext; status: ProjectStatus }) {
  return <Tag tone={statusTone[status]}>{statusName(ctx, status)}</Tag>;
}
