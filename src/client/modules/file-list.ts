/**
 * A file field that says what was chosen: under the input, each chosen file's name and size (the
 * browser alone says "3 files" for several photos). Without JavaScript the browser's own text
 * stays; the server checks every file again either way.
 */
export function fileList(element: HTMLElement): void {
  if (!(element instanceof HTMLInputElement) || element.type !== 'file') return;
  const input = element;
  const list = document.createElement('ul');
  list.className = 'file-list';
  list.setAttribute('aria-live', 'polite');
  input.after(list);
  const size = new Intl.NumberFormat(document.documentElement.lang || 'id', { maximumFractionDigits: 1 });
  input.addEventListener('change', () => {
    list.replaceChildren(
      ...[...(input.files ?? [])].map((file) => {
        const item = document.createElement('li');
        const kb = file.size / 1024;
        item.textContent = `${file.name} (${kb < 1024 ? `${size.format(kb)} KB` : `${size.format(kb / 1024)} MB`})`;
        return item;
      }),
    );
  });
}
