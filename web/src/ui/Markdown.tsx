import { lazy, Suspense } from 'react';

// The renderer and the sanitiser (marked, DOMPurify) are a lazy chunk: only
// a request's page needs them, so the first download stays small.
const MarkdownView = lazy(() => import('./MarkdownView'));

/** Markdown text, rendered safely; the plain text shows while the renderer loads. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const classes = className ? `markdown ${className}` : 'markdown';
  return (
    <Suspense fallback={<div className={`${classes} markdown-loading`}>{text}</div>}>
      <MarkdownView text={text} className={className} />
    </Suspense>
  );
}
