import { describe, expect, it } from 'vitest';
import { downloadUrl, formatSize } from './api';

describe('attachments', () => {
  it('says sizes the way people read them', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(12_345)).toBe('12 KB');
    expect(formatSize(10 * 1024 * 1024)).toBe('10.0 MB');
  });

  it('downloads through the API function that sets the safe headers', () => {
    expect(downloadUrl(42)).toBe('/rest/rpc/download_attachment?id=42');
  });
});
