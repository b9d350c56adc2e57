/**
 * The kiosk goes back to its first screen after a while untouched, so that the next person never
 * finds what the last one typed. Every touch, key or scroll starts the wait again (without
 * JavaScript a refresh does it, whether or not someone is typing).
 */
export function kioskIdle(element: HTMLElement): void {
  const home = element.dataset.home;
  const seconds = Number(element.dataset.idle);
  if (home === undefined || !(seconds > 0)) return;
  let timer: number | undefined;
  const wait = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => window.location.assign(home), seconds * 1000);
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart'])
    window.addEventListener(type, wait, { passive: true, capture: true });
  wait();
}
