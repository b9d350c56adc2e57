/**
 * Typeset PDF documents (the leadership's reports): a title, headings, paragraphs, term and value
 * lists, tables that continue on the next page, and the SVG charts of platform/charts.ts drawn as
 * vectors whose labels stay text. pdfkit sets the text (the PDF standard Helvetica, so nothing is
 * embedded and a month's report weighs a few kilobytes); svg-to-pdfkit draws the charts. Pure
 * JavaScript: nothing to install on the server, no browser.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  /** An SVG with its width and height on its root element, scaled to the page's width. */
  | { kind: 'chart'; svg: string };

export interface DocumentInfo {
  title: string;
  author: string;
  /** BCP 47, e.g. "id-ID". */
  lang: string;
  createdAt: Date;
}

const MARGIN = 50;

/** An A4 PDF of the title and the blocks, in order. */
export function pdfDocument(info: DocumentInfo, blocks: Block[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: info.title, Author: info.author, CreationDate: info.createdAt },
    lang: info.lang,
    pdfVersion: '1.7',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  doc.font('Helvetica-Bold').fontSize(18).text(info.title, { width });
  doc.moveDown(0.5);
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        // A heading never sits alone at the foot of a page.
        if (doc.y + 80 > bottom()) doc.addPage();
        doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(block.text, { width }).moveDown(0.3);
        break;
      case 'paragraph':
        doc.font('Helvetica').fontSize(10).text(block.text, { width, lineGap: 2 }).moveDown(0.5);
        break;
      case 'facts':
        doc.table({
          data: block.rows.map(([term, value]) => [term, value]),
          defaultStyle: { border: 0.5, padding: 4 },
        });
        doc.moveDown(0.5);
        break;
      case 'table':
        doc.font('Helvetica').fontSize(9);
        doc.table({
          data: [block.columns, ...block.rows],
          defaultStyle: { border: 0.5, padding: 3 },
          rowStyles: (row: number) => (row === 0 ? { font: 'Helvetica-Bold', backgroundColor: '#eeeeee' } : {}),
        });
        doc.fontSize(10).moveDown(0.5);
        break;
      case 'chart': {
        const size = (name: string) => Number(new RegExp(`<svg[^>]*\\s${name}="([0-9.]+)`).exec(block.svg)?.[1] ?? 0);
        const drawn = { width: size('width'), height: size('height') };
        if (drawn.width === 0 || drawn.height === 0) break;
        const height = (drawn.height * width) / drawn.width;
        if (doc.y + height > bottom()) doc.addPage();
        SVGtoPDF(doc, block.svg, MARGIN, doc.y, { width, height, assumePt: false });
        doc.y += height + 8;
        doc.x = MARGIN;
        break;
      }
    }
  }
  doc.end();
  return done;
}
