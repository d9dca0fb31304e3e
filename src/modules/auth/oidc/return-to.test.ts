import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.js';

describe('safeReturnTo', () => {
  it('keeps a path inside Opora with its query and fragment', () => {
    expect(safeReturnTo('/roadmaps/5?tab=items#x')).toBe('/roadmaps/5?tab=items#x');
    expect(safeReturnTo('/')).toBe('/');
  });
  it('sends everything that could leave Opora, or is no page, to the start', () => {
    for (const bad of [
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/%2F%2Fevil.example',
      ' /x',
      '/a b',
      '/api/me',
      '/login',
      '',
      null,
      undefined,
      `/${'a'.repeat(1001)}`,
    ]) {
      const got = safeReturnTo(bad);
      expect(got.startsWith('/') && !got.startsWith('//'), String(bad)).toBe(true);
      if (bad !== '/%2F%2Fevil.example') expect(got, String(bad)).toBe('/');
    }
  });
});
