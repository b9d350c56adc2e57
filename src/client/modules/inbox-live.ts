/**
 * A back-office list hears of changes as they are committed (Server-Sent Events: new aspirations
 * in the inbox, questions in a hearing's moderation queue) and says so in its status line, with a
 * link to reload; the list itself is not reshuffled under the officer's hands. Without JavaScript
 * the list is simply reloaded by hand. `data-event` names the event (default "aspiration").
 * Once the server hears its channel, the element carries `data-listening`.
 */
export function inboxLive(element: HTMLElement): void {
  const source = element.dataset.source;
  const template = element.dataset.newText;
  if (source === undefined || template === undefined || typeof EventSource === 'undefined') return;
  let count = 0;
  const events = new EventSource(source);
  // From here on no change escapes the page (tests wait for it too).
  events.addEventListener('ready', () => {
    element.dataset.listening = 'true';
  });
  events.addEventListener(element.dataset.event ?? 'aspiration', () => {
    count++;
    const link = document.createElement('a');
    link.href = window.location.href;
    link.textContent = template.replace('{n}', String(count));
    element.replaceChildren(link);
  });
  window.addEventListener('pagehide', () => events.close());
}
