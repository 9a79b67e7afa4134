import { describe, expect, it } from 'vitest';
import { markdownToHtml, safeHref } from './markdown';

describe('markdownToHtml', () => {
  it('renders the usual Markdown', () => {
    expect(markdownToHtml('**bold** and `code`')).toBe(
      '<p><strong>bold</strong> and <code>code</code></p>\n',
    );
    expect(markdownToHtml('* one\n* two')).toContain('<li>one</li>');
  });

  it('makes pasted links clickable, opening elsewhere', () => {
    expect(markdownToHtml('See https://example.com/a?b=1 now')).toBe(
      '<p>See <a href="https://example.com/a?b=1" rel="noopener noreferrer nofollow" target="_blank">https://example.com/a?b=1</a> now</p>\n',
    );
  });

  it('never renders raw HTML', () => {
    const html = markdownToHtml('<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops links that are not web or mail links', () => {
    expect(markdownToHtml('[click](javascript:alert(1))')).toBe('<p>click</p>\n');
    expect(markdownToHtml('[mail](mailto:it@example.com)')).toContain(
      'href="mailto:it@example.com"',
    );
  });

  it('turns headings into bold text and images into links', () => {
    expect(markdownToHtml('# Big')).toBe('<p><strong>Big</strong></p>\n');
    expect(markdownToHtml('![plan](https://example.com/p.png)')).toContain(
      '<a href="https://example.com/p.png"',
    );
  });

  it('keeps line breaks as typed', () => {
    expect(markdownToHtml('one\ntwo')).toBe('<p>one<br>two</p>\n');
  });
});

describe('safeHref', () => {
  it('allows http, https and mailto only', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com/');
    expect(safeHref('JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
  });
});
