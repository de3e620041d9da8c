import { PDFParse } from 'pdf-parse';

/** The text of each page, as a PDF reader extracts it, with lines joined by single spaces. */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return result.pages.map((page) => page.text.replace(/\s+/g, ' ').trim());
  } finally {
    await parser.destroy();
  }
}
