/** A "print" button: hidden in the page (it needs a script), shown here and wired to the browser's print. */
export function printPage(element: HTMLElement): void {
  const button = element.querySelector('button');
  if (button === null) return;
  element.hidden = false;
  button.addEventListener('click', () => window.print());
}
