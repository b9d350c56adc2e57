/**
 * A livestream's player is loaded only when the visitor asks for it: until then the page makes no
 * request to the video site (no cookie, no data spent on a weak signal). The button is replaced by
 * the player; without JavaScript the link above it opens the stream.
 */
export function embedPlayer(element: HTMLElement): void {
  const src = element.dataset.src;
  const button = element.querySelector('button');
  if (src === undefined || button === null) return;
  button.addEventListener('click', () => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = element.dataset.title ?? '';
    frame.className = 'player';
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    element.replaceChildren(frame);
    frame.focus();
  });
}
