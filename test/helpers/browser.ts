/**
 * A real browser for journeys: Debian's Chromium driven by playwright-core, and the real app
 * listening on a loopback port. Missing Chromium fails the test: it is never skipped.
 */
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildTestApp, type TestApp } from './app.ts';
import { type Mailbox, startMailbox } from './mailbox.ts';
import { type TestUser, totpCode } from './users.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How the tests start Chromium: headless, as root, and never reaching outside loopback. */
export const browserArguments = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install Debian's "chromium" package (apt-get install chromium)`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: browserArguments });
}

export interface ServedApp extends TestApp {
  baseUrl: string;
}

export async function serveTestApp(env: Record<string, string> = {}): Promise<ServedApp> {
  const t = await buildTestApp({ env: { LOG_LEVEL: 'warn', ...env } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the app did not bind a port');
  return { ...t, baseUrl: `http://127.0.0.1:${address.port}` };
}

/** Accessibility violations on the page as axe-core finds them, described for a failure message. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Whether the page fits its viewport without scrolling sideways. */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

export interface Journey {
  readonly served: ServedApp;
  /** The SMTP server on loopback the app sends its mail to. */
  readonly mailbox: Mailbox;
  /** A browser context that gives up on a step after 10 s instead of hanging the run. */
  newContext(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
}

/** Registers the app and the browser for a journey file (before/after hooks) and hands them out. */
export function journey(env: Record<string, string> = {}): Journey {
  let served: ServedApp | undefined;
  let browser: Browser | undefined;
  let mailbox: Mailbox | undefined;
  before(async () => {
    mailbox = await startMailbox();
    served = await serveTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailbox.port),
      SMTP_FROM: 'DPRD <dprd@example.org>',
      ...env,
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await served?.close();
    await mailbox?.close();
  });
  return {
    get mailbox() {
      if (mailbox === undefined) throw new Error('the journey has not started');
      return mailbox;
    },
    get served() {
      if (served === undefined) throw new Error('the journey has not started');
      return served;
    },
    async newContext(options) {
      if (browser === undefined) throw new Error('the journey has not started');
      const context = await browser.newContext(options);
      context.setDefaultTimeout(10_000);
      return context;
    },
  };
}

/**
 * What is wrong with a page for a person on a 360 px phone: sideways scrolling and axe-core
 * violations. axe-core runs as a script, so a page seen without JavaScript is checked again in a
 * context with JavaScript and the same cookies.
 */
export async function pageProblems(j: Journey, page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const phone = { width: 360, height: 740 };
  if (await overflowsHorizontally(page).catch(() => false)) problems.push(`${label}: scrolls sideways at 360 px`);
  const context = await j.newContext({ viewport: phone, storageState: await page.context().storageState() });
  const twin = await context.newPage();
  await twin.goto(page.url());
  for (const v of await axeViolations(twin)) problems.push(`${label}: ${v}`);
  if (await overflowsHorizontally(twin)) problems.push(`${label}: scrolls sideways at 360 px`);
  await context.close();
  return problems;
}

/**
 * Waits until the portal's service worker controls the page (it claims the pages open once it has
 * kept its shell). Installing fetches the shell from the server, which on a CI machine running
 * journeys side by side took more than 10 s once: the wait is 30 s, and a page never controlled
 * fails with the state its worker reached.
 */
export async function serviceWorkerControls(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  } catch (error) {
    const state = await page
      .evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        if (registration === undefined) return 'no worker registered';
        const { installing, waiting, active } = registration;
        return `installing: ${installing?.state ?? 'none'}, waiting: ${waiting?.state ?? 'none'}, active: ${active?.state ?? 'none'}`;
      })
      .catch((reason: unknown) => `its state unreadable (${String(reason)})`);
    throw new Error(`the service worker never controlled ${page.url()}: ${state}`, { cause: error });
  }
}

/** Signs a user in through the pages, two-factor step included when the user has one, and returns the page after it. */
export async function signInAs(j: Journey, context: BrowserContext, user: TestUser): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${j.served.baseUrl}/masuk`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Kata sandi').fill(user.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  if (user.totpSecret === undefined) {
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
    return page;
  }
  await page.waitForURL(/\/masuk\/2fa/);
  await j.served.database.db.updateTable('app_user').set({ totp_last_step: null }).where('id', '=', user.id).execute();
  await page.getByLabel('Kode').fill(await totpCode(user.totpSecret ?? ''));
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
  return page;
}
