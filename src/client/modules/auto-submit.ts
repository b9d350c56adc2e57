/**
 * A filter form that applies itself: changing a select submits the form, so the list updates
 * without looking for the button. The button stays for keyboard users and for no-JS.
 */
export function autoSubmit(element: HTMLElement): void {
  if (!(element instanceof HTMLFormElement)) return;
  const form = element;
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) form.requestSubmit();
  });
}
