/**
 * "Notify me on this phone": where the browser has push (and the page works through the app's
 * service worker), asks for permission, subscribes with the portal's VAPID key and sends the
 * subscription with what to follow. Hidden where the browser cannot; following by email stays.
 */
export function pushFollow(element: HTMLElement): void {
  const key = element.dataset.key;
  const button = element.querySelector('button');
  const status = element.querySelector('[role="status"]');
  if (key === undefined || button === null) return;
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return;
  element.hidden = false;
  const say = (text: string | undefined) => {
    if (status !== null) status.textContent = text ?? '';
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      if ((await Notification.requestPermission()) !== 'granted') {
        say(element.dataset.refused);
        return;
      }
      const registration = await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }));
      const follow = element.dataset.follow?.split(':');
      const answer = await fetch('/push/langganan', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': element.dataset.csrf ?? '' },
        body: JSON.stringify({
          subscription: subscription.toJSON(),
          ...(follow === undefined ? {} : { follow: { type: follow[0], id: Number(follow[1]) } }),
          ...(element.dataset.queue === 'yes' ? { queue: true } : {}),
        }),
      });
      say(answer.ok ? element.dataset.done : element.dataset.failed);
    } catch {
      say(element.dataset.failed);
    } finally {
      button.disabled = false;
    }
  });
}
