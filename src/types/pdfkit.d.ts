/**
 * The parts of pdfkit (0.20) and svg-to-pdfkit (0.1) that platform/pdf-document.ts uses; neither
 * package ships its own types.
 */
declare module 'pdfkit' {
  interface TableOptions {
    data: string[][];
    columnStyles?: (column: number) => unknown;
    rowStyles?: (row: number) => unknown;
    defaultStyle?: unknown;
  }
  interface DocumentOptions {
    size?: string;
    margin?: number;
    info?: { Title?: string; Author?: string; Subject?: string; CreationDate?: Date };
    lang?: string;
    pdfVersion?: string;
    tagged?: boolean;
    displayTitle?: boolean;
    bufferPages?: boolean;
  }
  class PDFDocument {
    constructor(options?: DocumentOptions);
    x: number;
    y: number;
    page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    text(text: string, options?: { width?: number; continued?: boolean; lineGap?: number }): this;
    moveDown(lines?: number): this;
    addPage(): this;
    table(options: TableOptions): { end(): PDFDocument };
    end(): void;
  }
  export default PDFDocument;
}

declare module 'svg-to-pdfkit' {
  import type PDFDocument from 'pdfkit';
  export default function SVGtoPDF(
    doc: PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: { width?: number; height?: number; assumePt?: boolean },
  ): void;
}
