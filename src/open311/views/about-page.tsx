/** /open311: for the makers of other applications, what Open311 here offers and how to get a key. */
import type { PageContext } from '../../platform/page-context.ts';
import { Layout } from '../../platform/views/layout.tsx';

export interface AboutPageProps {
  ctx: PageContext;
  /** The address of the Open311 endpoint, e.g. https://dprd.example.go.id/open311/v2 */
  endpoint: string;
  contact: { email: string | null; phone: string | null; address: string };
}

export function AboutPage({ ctx, endpoint, contact }: AboutPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('open311.about.title')} description={t('open311.about.lead')}>
      <h1>{t('open311.about.title')}</h1>
      <p class="lead">{t('open311.about.lead')}</p>
      <h2>{t('open311.about.readTitle')}</h2>
      <p>{t('open311.about.read')}</p>
      <ul>
        <li>
          <a href={`${endpoint}/discovery.json`}>{`${endpoint}/discovery.json`}</a>
        </li>
        <li>
          <a href={`${endpoint}/services.json`}>{`${endpoint}/services.json`}</a>
        </li>
        <li>
          <a href={`${endpoint}/requests.json`}>{`${endpoint}/requests.json`}</a>
        </li>
      </ul>
      <h2>{t('open311.about.keyTitle')}</h2>
      <p>{t('open311.about.key')}</p>
      <ul>
        {contact.email === null ? null : (
          <li>
            {`${t('site.contact')}: `}
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </li>
        )}
        {contact.phone === null ? null : <li>{contact.phone}</li>}
        <li>{`${t('site.address')}: ${contact.address}`}</li>
      </ul>
      <p>{t('open311.about.privacy')}</p>
    </Layout>
  );
}
