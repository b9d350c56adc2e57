/**
 * A back-office list hears of changes as they are committed (Server-Sent Events: new aspirations
 * in the inbox, questions in a hearing's moderation queue) and says so in its status line, with a
 * link to reload; the list itself is not reshuffled under the officer's hands. Without JavaScript
 * the list is simply reloaded by hand. `data-event` names the event (default "aspiration").
 * Once the server hears its channel, the element carries `data-listening`; while the stream is
 * down it does not. When the stream comes back after a break (a weak signal), what was committed
 * meanwhile did not reach the page, so the status line says so (`data-lost-text`) with the link.
 */
export function inboxLive(element: HTMLElement): void {
  const source = element.dataset.source;
  const template = element.dataset.newText;
  if (source === undefined || template === undefined || typeof EventSource === 'undefined') return;
  let count = 0;
  let opened = 0;
  const say = (text: string) => {
    const link = document.createElement('a');
    link.href = window.location.href;
    link.textContent = text;
    element.replaceChildren(link);
  };
  const events = new EventSource(source);
  // From here on no change escapes the page (tests wait for it too).
  events.addEventListener('ready', () => {
    element.dataset.listening = 'true';
    opened++;
    const lost = element.dataset.lostText;
    if (opened > 1 && lost !== undefined) say(lost);
  });
  events.addEventListener('error', () => {
    delete element.dataset.listening;
  });
  events.addEventListener(element.dataset.event ?? 'aspiration', () => {
    count++;
    say(template.replace('{n}', String(count)));
  });
  window.addEventListener('pagehide', () => events.close());
}
