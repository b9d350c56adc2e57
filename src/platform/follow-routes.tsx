/**
 * The two pages every followable subject needs: the confirmation link from the first mail
 * (<pages>/ikuti/<token>, then back to the subject) and the signed stop link in every later mail
 * (<pages>/berhenti/<id>/<signature>). Features only name the words their subject needs.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { deps } from './auth.ts';
import type { MessageKey } from './i18n.ts';
import { renderPage } from './render.tsx';
import { confirmSubscription, type SubjectType, subjectPages, unsubscribe } from './subscriptions.ts';
import { MessagePage } from './views/message-page.tsx';

const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
const StopParams = Type.Object({
  follower: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
  sig: Type.String({ pattern: '^[A-Za-z0-9_-]{10,100}$' }),
});

/**
 * `pageOf` gives the address of a subject's page from its id (by default <pages>/<id>), for
 * subjects whose pages are named otherwise (an aspiration by its tracking code).
 */
export function registerFollowLinks(
  instance: FastifyInstance,
  type: SubjectType,
  words: { unknownConfirmation: MessageKey; stopped: MessageKey },
  pageOf: (id: number) => Promise<string> = async (id) => `${subjectPages[type]}/${id}`,
): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const base = subjectPages[type];
  app.get(
    `${base}/ikuti/:token`,
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      const id = await confirmSubscription(app.db, type, request.params.token);
      if (id === undefined)
        return renderPage(
          request,
          reply,
          (ctx) => (
            <MessagePage ctx={ctx} title={ctx.t('draft.follow.badTitle')} body={ctx.t(words.unknownConfirmation)} />
          ),
          400,
        );
      return reply.redirect(`${await pageOf(id)}?pesan=dikonfirmasi`, 303);
    },
  );
  app.get(
    `${base}/berhenti/:follower/:sig`,
    { config: { access: 'public' }, schema: { hide: true, params: StopParams } },
    async (request, reply) => {
      const { follower, sig } = request.params;
      const { db, sealer } = deps(app);
      const id = await unsubscribe(db, sealer, type, follower, sig);
      return renderPage(
        request,
        reply,
        (ctx) =>
          id === undefined ? (
            <MessagePage ctx={ctx} title={ctx.t('draft.stop.badTitle')} body={ctx.t('draft.stop.badBody')} />
          ) : (
            <MessagePage ctx={ctx} title={ctx.t('draft.stop.title')} body={ctx.t(words.stopped)} />
          ),
        id === undefined ? 400 : 200,
      );
    },
  );
}
