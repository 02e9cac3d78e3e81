// linkedom's single-file build: the same DOM, loaded in about 85 ms instead of 205 (one file, not a hundred modules).
import { parseHTML } from 'linkedom/worker';
import { Readability } from '@mozilla/readability';
import type { ArticleInput } from './normalize.js';

/** Meta tags that carry a page's publication date, most specific first. */
const DATE_META = [
  'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
  'meta[property="og:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="pubdate"]',
  'meta[name="publishdate"]', 'meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]',
  'meta[name="parsely-pub-date"]', 'meta[name="sailthru.date"]',
];

function metaContent(document: Document, selectors: readonly string[]): string | null {
  for (const sel of selectors) {
    const v = document.querySelector(sel)?.getAttribute('content');
    if (v && v.trim()) return v.trim();
  }
  return null;
}

function jsonLdDate(document: Document): string | null {
  for (const node of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const stack: unknown[] = [JSON.parse(node.textContent ?? '')];
      while (stack.length) {
        const x = stack.pop();
        if (Array.isArray(x)) stack.push(...x);
        else if (x && typeof x === 'object') {
          const o = x as Record<string, unknown>;
          if (typeof o.datePublished === 'string') return o.datePublished;
          if (o['@graph']) stack.push(o['@graph']);
        }
      }
    } catch { /* a broken JSON-LD block is common and not an error in the article */ }
  }
  return null;
}

/**
 * Extracts the article from an HTML page: Readability for the body, meta tags for title, byline,
 * date, canonical URL and site name. Returns null when the page holds no article.
 */
export function extractHtmlArticle(html: string, url?: string | null): ArticleInput | null {
  const { document } = parseHTML(html);
  const published = metaContent(document as unknown as Document, DATE_META)
    ?? jsonLdDate(document as unknown as Document)
    ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const ogTitle = metaContent(document as unknown as Document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')
    ?? metaContent(document as unknown as Document, ['meta[property="og:url"]']);
  const siteName = metaContent(document as unknown as Document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  const metaAuthor = metaContent(document as unknown as Document, ['meta[name="author"]', 'meta[property="article:author"]']);
  const parsed = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  let text = parsed?.textContent ? tidyExtractedText(parsed.textContent) : '';
  // Readability reports the byline but often leaves it as the first paragraph of the text too.
  const byline = parsed?.byline?.trim();
  if (byline) {
    const first = text.split('\n\n', 1)[0];
    if (first.replace(/^by\s+/i, '').toLowerCase() === byline.replace(/^by\s+/i, '').toLowerCase()) text = text.slice(first.length).trimStart();
  }
  if (!text || text.length < 40) return null;
  return {
    text,
    title: ogTitle ?? parsed?.title ?? null,
    byline: parsed?.byline ?? metaAuthor,
    published,
    url: canonical ?? url ?? null,
    source: siteName ?? parsed?.siteName ?? null,
  };
}

/** Readability keeps the DOM's whitespace; collapse it into paragraphs separated by blank lines. */
function tidyExtractedText(raw: string): string {
  return raw
    .split(/\n\s*\n|\n(?=\s{2,})/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Strips tags from a feed item's HTML content, keeping paragraph breaks. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html.replace(/<\/(p|div|h\d|li|br)>/gi, '$&\n\n').replace(/<br\s*\/?>/gi, '\n\n')}</body></html>`);
  return tidyExtractedText(document.body?.textContent ?? '');
}
