import DOMPurify from 'dompurify';
import { markdownToHtml } from './markdown';

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
];

/** Markdown → sanitised HTML: only the tags above, links with safe targets. */
export function renderMarkdown(text: string): string {
  return DOMPurify.sanitize(markdownToHtml(text), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'rel', 'target', 'type', 'checked', 'disabled', 'align'],
  });
}

/** A comment or description as Markdown, safely (ui/markdown.ts). Loaded lazily by Markdown.tsx. */
export default function MarkdownView({ text, className }: { text: string; className?: string }) {
  return (
    <div
      className={className ? `markdown ${className}` : 'markdown'}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }}
    />
  );
}
