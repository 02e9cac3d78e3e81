export { normalizeArticle, normalizeText, parseDate, contentHash, diagnostic, defaults as normalizeDefaults } from './normalize.js';
export type { ArticleInput } from './normalize.js';
export { readSource, recordsFromBytes, parseJsonl, parseFeed, sniffFormat, SOURCE_FORMATS } from './sources.js';
export type { SourceRecord, SourceFormat, SourceOptions } from './sources.js';
export { extractHtmlArticle, htmlToText } from './html.js';
export { safeFetch, isPrivateAddress, defaults as fetchDefaults } from './fetch.js';
export type { FetchOptions, Fetched } from './fetch.js';
export { looksBinary, decodeUtf8 } from './decode.js';
