import { issueRequestHash } from './compensation-issue.service';

describe('issue request hash', () => {
  const base = { id: '5b0c4f7e-8d0a-4c61-9a52-6f1e0d1b2c3a', idempotencyKey: 'order-7781', reference: 'PSP-1' };

  it('is the same for the same compensation and reference, whatever the key', () => {
    expect(issueRequestHash(base)).toBe(issueRequestHash({ ...base, idempotencyKey: 'another-key' }));
    expect(issueRequestHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs for another compensation or another reference', () => {
    expect(issueRequestHash({ ...base, id: 'c2b7d6a4-1f0e-4d3c-8b2a-9e8d7c6b5a40' })).not.toBe(issueRequestHash(base));
    expect(issueRequestHash({ ...base, reference: 'PSP-2' })).not.toBe(issueRequestHash(base));
    expect(issueRequestHash({ ...base, reference: null })).not.toBe(issueRequestHash(base));
  });
});
