// A rendered document written in each format of the catalogue (core/catalogue.ts), for `candor build`
// and the app's document export alike; a format without a writer here fails to compile.
import type { DocumentFormat } from '../catalogue';
import { renderDocx } from './docx';
import { renderHtmlPage } from './html';
import type { RenderedDocument } from './types';

export const DOCUMENT_WRITERS: Readonly<Record<DocumentFormat, (document: RenderedDocument) => string | Promise<Uint8Array>>> = {
  markdown: (document) => document.markdown,
  html: renderHtmlPage,
  docx: renderDocx,
};
