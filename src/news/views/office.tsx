/** News in the back office: every post by status, writing and changing one, publishing, the rule. */
import { dayOf, formatDate } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button, ButtonLink, Tag } from '../../platform/views/components.tsx';
import {
  Checkboxes,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import { CATEGORIES, isPublic, type NewsPost } from '../service.ts';

function StatusTag({ ctx, post }: { ctx: PageContext; post: NewsPost }) {
  const { t } = ctx;
  if (post.status === 'published')
    return isPublic(post) ? (
      <Tag tone="done">{t('news.status.published')}</Tag>
    ) : (
      <Tag tone="active">{t('news.status.scheduled')}</Tag>
    );
  return <Tag tone={post.status === 'review' ? 'active' : 'neutral'}>{t(`news.status.${post.status}`)}</Tag>;
}

export function OfficeNewsPage({
  ctx,
  csrf,
  posts,
  secondOfficer,
  mayChangeRule,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  posts: NewsPost[];
  secondOfficer: boolean;
  mayChangeRule: boolean;
  notice: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('news.office.title')}>
      <BackLink href="/kelola">{t('news.office.title')}</BackLink>
      <Notice text={notice} />
      <h1>{t('news.office.title')}</h1>
      <p>
        <ButtonLink href="/kelola/berita/baru">{t('news.office.new')}</ButtonLink>
      </p>
      <p>{secondOfficer ? t('news.office.ruleNow') : t('news.office.ruleOff')}</p>
      {posts.length === 0 ? (
        <p>{t('news.office.none')}</p>
      ) : (
        <TableWrap label={t('news.office.title')}>
          <table>
            <TableHead
              columns={[t('news.field.title'), t('news.category'), t('news.office.status'), t('news.office.when')]}
            />
            <tbody>
              {posts.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`/kelola/berita/${p.id}`}>{p.title}</a>
                  </td>
                  <td>{t(`news.category.${p.category}`)}</td>
                  <td>
                    <StatusTag ctx={ctx} post={p} />
                  </td>
                  <td>{p.publishedAt === null ? '—' : formatDate(p.publishedAt, ctx.lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {mayChangeRule ? (
        <section aria-labelledby="aturan">
          <h2 id="aturan">{t('news.office.rule')}</h2>
          <form method="post" action="/kelola/berita/aturan">
            <CsrfField token={csrf} />
            <CheckboxField
              name="secondOfficer"
              checked={secondOfficer}
              label={t('news.office.ruleField')}
              error={undefined}
            />
            <Button variant="secondary">{t('news.office.ruleSave')}</Button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export interface Choices {
  members: { id: number; slug: string; name: string }[];
  meetings: { id: number; title: string; startsAt: Date }[];
  regulations: { id: number; number: string; year: number; title: string }[];
  drafts: { id: number; title: string; year: number }[];
  projects: { id: number; name: string; year: number }[];
  consultations: { id: number; title: string; opens_on: string }[];
}

/** A record a post may be about, chosen from a list (none by default). */
function RecordField({
  ctx,
  name,
  values,
  errors,
  options,
}: {
  ctx: PageContext;
  name: 'regulation' | 'draft' | 'project' | 'consultation';
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
  options: { value: string; label: string }[];
}) {
  return (
    <SelectField
      name={name}
      label={ctx.t(`news.field.${name}`)}
      value={values[name]}
      error={errors[name]}
      empty={ctx.t('news.field.noMeeting')}
      options={options}
    />
  );
}

export function NewsFormPage({
  ctx,
  csrf,
  post,
  choices,
  secondOfficer,
  userId,
  errors,
  values,
  members,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  /** The post being changed; undefined for a new one. */
  post: NewsPost | undefined;
  choices: Choices;
  secondOfficer: boolean;
  userId: number;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  members: readonly string[];
  notice: string | undefined;
}) {
  const { t } = ctx;
  const title = post === undefined ? t('news.office.new') : t('news.office.edit');
  const action = post === undefined ? '/kelola/berita/baru' : `/kelola/berita/${post.id}`;
  const live = post !== undefined && isPublic(post);
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink href="/kelola/berita">{t('news.office.title')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      {post === undefined ? null : (
        <p>
          <StatusTag ctx={ctx} post={post} /> <a href={`/berita/${post.slug}`}>{t('news.action.view')}</a>
        </p>
      )}
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="title"
          label={t('news.field.title')}
          value={values.title}
          error={errors.title}
          maxLength={200}
        />
        <TextArea
          name="summary"
          label={t('news.field.summary')}
          hint={t('news.field.summaryHint')}
          value={values.summary}
          error={errors.summary}
          rows={3}
          maxLength={400}
        />
        <TextArea
          name="body"
          label={t('news.field.body')}
          hint={t('news.field.bodyHint')}
          value={values.body}
          error={errors.body}
          rows={16}
        />
        <SelectField
          name="category"
          label={t('news.category')}
          value={values.category}
          error={errors.category}
          empty={t('form.choose')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
        />
        <TextField name="tags" label={t('news.field.tags')} value={values.tags} error={errors.tags} maxLength={500} />
        <SelectField
          name="meeting"
          label={t('news.field.meeting')}
          value={values.meeting}
          error={errors.meeting}
          empty={t('news.field.noMeeting')}
          options={choices.meetings.map((m) => ({
            value: String(m.id),
            label: `${formatDate(m.startsAt, ctx.lang)}: ${m.title}`,
          }))}
        />
        <RecordField
          ctx={ctx}
          name="regulation"
          values={values}
          errors={errors}
          options={choices.regulations.map((r) => ({
            value: String(r.id),
            label: t('news.related.regulationName', { number: r.number, year: r.year, title: r.title }),
          }))}
        />
        <RecordField
          ctx={ctx}
          name="draft"
          values={values}
          errors={errors}
          options={choices.drafts.map((d) => ({ value: String(d.id), label: `${d.year}: ${d.title}` }))}
        />
        <RecordField
          ctx={ctx}
          name="project"
          values={values}
          errors={errors}
          options={choices.projects.map((p) => ({ value: String(p.id), label: `${p.year}: ${p.name}` }))}
        />
        <RecordField
          ctx={ctx}
          name="consultation"
          values={values}
          errors={errors}
          options={choices.consultations.map((c) => ({
            value: String(c.id),
            label: `${dayOf(ctx, c.opens_on)}: ${c.title}`,
          }))}
        />
        <Checkboxes
          name="members"
          legend={t('news.field.members')}
          error={errors.members}
          values={members}
          options={choices.members.map((m) => ({ value: m.slug, label: m.name }))}
        />
        {post === undefined || post.photos.length === 0 ? null : (
          <ul class="photos">
            {post.photos.map((p, i) => (
              <li key={p.id}>
                <img
                  src={`/berita/foto/${p.id}-kecil`}
                  alt={i === 0 ? post.photoAlt : t('news.field.galleryPhoto', { n: i })}
                  width={Math.min(p.width, 160)}
                  height={Math.round((Math.min(p.width, 160) / p.width) * p.height)}
                  loading="lazy"
                />
              </li>
            ))}
          </ul>
        )}
        {post === undefined || post.photos.length === 0 ? null : (
          <Checkboxes
            name="removePhotos"
            legend={t('news.field.removePhotos')}
            values={[]}
            options={post.photos.map((p, i) => ({
              value: String(p.id),
              label:
                i === 0 ? t('news.field.leadPhoto', { alt: post.photoAlt }) : t('news.field.galleryPhoto', { n: i }),
            }))}
          />
        )}
        <FileField
          name="photos"
          label={t('news.field.photos')}
          hint={t('news.field.photosHint')}
          error={errors.photos}
          accept="image/jpeg,image/png,image/webp"
          multiple
        />
        <TextField
          name="photoAlt"
          label={t('news.field.photoAlt')}
          hint={t('news.field.photoAltHint')}
          value={values.photoAlt}
          error={errors.photoAlt}
          maxLength={300}
        />
        {live ? (
          <TextField
            name="correction"
            label={t('news.field.correction')}
            hint={t('news.field.correctionHint')}
            value={values.correction}
            error={errors.correction}
            maxLength={300}
          />
        ) : null}
        <Button>{post === undefined ? t('news.save') : t('news.saveChanges')}</Button>
      </form>
      {post === undefined ? null : (
        <Steps
          ctx={ctx}
          csrf={csrf}
          post={post}
          secondOfficer={secondOfficer}
          userId={userId}
          errors={errors}
          values={values}
        />
      )}
    </Layout>
  );
}

/** What may be done with the post now: publish or send it for approval, approve or return it. */
function Steps({
  ctx,
  csrf,
  post,
  secondOfficer,
  userId,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  post: NewsPost;
  secondOfficer: boolean;
  userId: number;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  if (post.status === 'published') return null;
  const action = `/kelola/berita/${post.id}/langkah`;
  if (post.status === 'review')
    return (
      <form method="post" action={action}>
        <CsrfField token={csrf} />
        {post.submittedBy === userId ? (
          <p>{t('news.notice.ownPost')}</p>
        ) : (
          <Button name="action" value="approve">
            {t('news.action.approve')}
          </Button>
        )}{' '}
        <Button variant="secondary" name="action" value="return">
          {t('news.action.return')}
        </Button>
      </form>
    );
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={csrf} />
      <TextField name="day" type="date" label={t('news.field.day')} value={values.day} error={errors.day} />
      <TextField name="time" type="time" label={t('news.field.time')} value={values.time} error={errors.time} />
      {secondOfficer ? (
        <Button name="action" value="submit">
          {t('news.action.submit')}
        </Button>
      ) : (
        <Button name="action" value="publish">
          {t('news.action.publish')}
        </Button>
      )}
    </form>
  );
}
