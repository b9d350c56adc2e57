/**
 * Web Push in a real browser: the page's "notify me on this phone" sends the subscription, the
 * portal encrypts the aspiration's next step to it, and the app's service worker shows it.
 *
 * Chromium subscribes at Google's push service, which tests may not reach. So the one piece that
 * stands in is the browser's push service: the page's PushManager answers with a subscription at
 * a loopback push service whose keys the test holds, and what that service received, checked and
 * decrypted with those keys, is handed to the service worker through the DevTools protocol — the
 * way Chromium hands it over when its own push service delivers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Agent } from '../helpers/agent.ts';
import { sendAspiration } from '../helpers/aspirations.ts';
import { journey, serviceWorkerControls } from '../helpers/browser.ts';
import {
  browserSubscription,
  checkVapid,
  decrypt,
  type PushService,
  startPushService,
} from '../helpers/push-service.ts';
import { createUser, signIn } from '../helpers/users.ts';

const env: Record<string, string> = {};
let service: PushService;
before(async () => {
  service = await startPushService();
  // Read by the journey's app when it starts, after this.
  env.PUSH_SERVICES = service.base;
});
const j = journey(env);
after(() => service.close());

async function notifications(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      data: n.data as { url?: string },
    }));
  });
}

describe('push notifications in the browser', () => {
  test('a citizen asks to be told on their phone; the next step shows as a notification that opens the aspiration', async () => {
    const code = await sendAspiration(j.served, 'Lampu taman padam sepekan');
    const phoneOf = browserSubscription(service, 'ponsel-warga');
    const context = await j.newContext({ viewport: { width: 360, height: 740 }, permissions: ['notifications'] });
    // Written out as text: a function would be passed through the test's compiler, which adds
    // helpers the page does not have.
    await context.addInitScript({
      content: `{
        const subscription = ${JSON.stringify(phoneOf.json)};
        const given = { endpoint: subscription.endpoint, toJSON() { return subscription; } };
        PushManager.prototype.getSubscription = async function () { return null; };
        PushManager.prototype.subscribe = async function () { return given; };
      }`,
    });
    const page = await context.newPage();
    await page.goto(`${j.served.baseUrl}/aspirasi/${code}`);
    await serviceWorkerControls(page);
    await page.getByRole('button', { name: 'Beri tahu saya di ponsel ini' }).click();
    await page.getByText('Selesai. Kabar berikutnya muncul sebagai pemberitahuan di ponsel ini.').waitFor();

    // Staff verify it: a public step, told to those who follow it.
    const staff = await signIn(j.served, await createUser(j.served, 'staff'), new Agent(j.served.app, '198.51.100.40'));
    await staff.get(`/kelola/aspirasi/${code}`);
    const acted = await staff.post(`/kelola/aspirasi/${code}`, { action: 'verify' });
    assert.equal(acted.statusCode, 303);
    await j.served.app.outbox.deliverDue();
    const delivered = service.received.filter((r) => r.path === '/push/ponsel-warga');
    assert.equal(delivered.length, 1, 'one message reached the phone’s push service');
    checkVapid(service, delivered[0]?.headers ?? {});
    const message = decrypt(delivered[0]?.body ?? Buffer.alloc(0), phoneOf);

    const cdp = await context.newCDPSession(page);
    const registered = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (event: { registrations: { registrationId: string }[] }) => {
        const first = event.registrations[0];
        if (first !== undefined) resolve(first.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registered;
    const deliver = () =>
      cdp.send('ServiceWorker.deliverPushMessage', { origin: j.served.baseUrl, registrationId, data: message });
    // Asked again until the worker has shown it: waitForFunction would take the promise an async
    // check returns for a yes, and pass before the notification exists. On a loaded machine the
    // browser may drop the first delivery to a worker it is restarting (seen once in a full run);
    // a push service delivers again too, and the notification's tag makes a second one replace the
    // first, so one is shown however often it arrives.
    await deliver();
    let shown = await notifications(page);
    for (let attempt = 1; shown.length === 0 && attempt <= 3; attempt++) {
      for (const deadline = Date.now() + 5_000; shown.length === 0 && Date.now() < deadline; ) {
        await page.waitForTimeout(100);
        shown = await notifications(page);
      }
      if (shown.length === 0 && attempt < 3) await deliver();
    }
    assert.equal(shown.length, 1);
    assert.ok(shown[0]?.title.includes(code), shown[0]?.title);
    assert.ok((shown[0]?.body ?? '').length > 0);
    assert.equal(shown[0]?.data.url, `/aspirasi/${code}`);
    await context.close();
  });
});
