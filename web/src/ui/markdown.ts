// Comments and descriptions are Markdown (GFM: lists, emphasis, code,
// pasted links become links). Raw HTML is never rendered: marked's HTML
// tokens come out as text, and DOMPurify (sanitize.ts) cleans the result
// before it reaches the page.
import { Marked, type Tokens } from 'marked';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Only web and mail links; `javascript:` and friends stay text. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    // A heading in a comment would break the page's outline: bold text instead.
    heading({ tokens }: Tokens.Heading) {
      return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
    },
    link({ href, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      if (!safe) return text;
      return `<a href="${escapeHtml(safe)}" rel="noopener noreferrer nofollow" target="_blank">${text}</a>`;
    },
    // No images from elsewhere (tracking pixels, CSP): a link to them instead.
    image({ href, text }: Tokens.Image) {
      const safe = safeHref(href);
      const label = escapeHtml(text || href);
      if (!safe) return label;
      return `<a href="${escapeHtml(safe)}" rel="noopener noreferrer nofollow" target="_blank">${label}</a>`;
    },
  },
});

/** Markdown → HTML without raw HTML; sanitise it before showing it (renderMarkdown). */
export function markdownToHtml(text: string): string {
  return marked.parse(text, { async: false });
}
