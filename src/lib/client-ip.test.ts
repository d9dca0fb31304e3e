import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { resolveClientIp } from './client-ip.js';

describe('client address', () => {
  const trusted = ['10.0.0.0/8', '2001:db8::/32', '127.0.0.1'];

  it('ignores X-Forwarded-For unless the socket peer is a trusted proxy', () => {
    expect(resolveClientIp('198.51.100.1', '1.2.3.4', trusted)).toBe('198.51.100.1');
    expect(resolveClientIp('198.51.100.1', '1.2.3.4', [])).toBe('198.51.100.1');
    expect(resolveClientIp(undefined, '1.2.3.4', trusted)).toBe('unknown');
  });

  it('takes the right-most address that is not a trusted proxy', () => {
    expect(resolveClientIp('10.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.2', trusted)).toBe('203.0.113.9');
    expect(resolveClientIp('::ffff:127.0.0.1', '203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(resolveClientIp('2001:db8::1', '2001:db8::2, 2a00::5', trusted)).toBe('2a00::5');
    // Only proxies in the chain: the left-most of them is the best we know.
    expect(resolveClientIp('10.0.0.1', '10.0.0.3, 10.0.0.2', trusted)).toBe('10.0.0.3');
    // Garbage where the client should be: the last trusted hop, never the garbage.
    expect(resolveClientIp('10.0.0.1', 'evil, 10.0.0.2', trusted)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.1', 'not-an-ip', trusted)).toBe('10.0.0.1');
  });

  it('validates TRUSTED_PROXIES at boot with a Russian message', () => {
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.0/8 ,::1' }).trustedProxies).toEqual(['10.0.0.0/8', '::1']);
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES.*неверная длина/);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.local' })).toThrow(/не IP-адрес/);
  });
});
