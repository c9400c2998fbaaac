import { kvs, MetadataField } from '@forge/kvs';
import { BACKENDS, kvsErrorOf, startKvs, type KvsHarness } from './kvs-test-harness';

describe.each(BACKENDS)('KVS keys and secrets through the real @forge/kvs client (%s)', (backend) => {
  let h: KvsHarness;
  beforeEach(() => {
    h = startKvs(backend);
  });
  afterEach(() => h.dispose());

  it('stores and returns every JSON value type, and undefined for a missing key', async () => {
    const values = ['text', 42, 1.5, true, false, [1, 'two', { three: 3 }], { nested: { list: [] } }, ''];
    await h.run(async () => {
      for (const [i, value] of values.entries()) await kvs.set(`value:${i}`, value);
      for (const [i, value] of values.entries()) expect(await kvs.get(`value:${i}`)).toEqual(value);
      expect(await kvs.get('never-set')).toBeUndefined();
    });
  });

  it('deletes a key, and deleting a missing key succeeds', async () => {
    await h.run(async () => {
      await kvs.set('doomed', 1);
      await kvs.delete('doomed');
      expect(await kvs.get('doomed')).toBeUndefined();
      await expect(kvs.delete('never-set')).resolves.toBeUndefined();
    });
  });

  it('keeps secrets apart from plain keys of the same name', async () => {
    await h.run(async () => {
      await kvs.setSecret('token', 's3cret');
      expect(await kvs.get('token')).toBeUndefined();
      await kvs.set('token', 'plain');
      expect(await kvs.getSecret('token')).toBe('s3cret');
      expect((await kvs.query().getMany()).results.map((r) => r.key)).toEqual(['token']);
      await kvs.deleteSecret('token');
      expect(await kvs.getSecret('token')).toBeUndefined();
      expect(await kvs.get('token')).toBe('plain');
    });
    expect(h.service.dump().secrets).toEqual([]);
  });

  it('returns createdAt/updatedAt in epoch seconds, keeping createdAt across overwrites', async () => {
    const start = Math.floor(h.clock.now() / 1000);
    await h.run(() => kvs.set('dated', 1));
    await h.clock.advance(90_000);
    await h.run(async () => {
      await kvs.set('dated', 2);
      const read = await kvs.get('dated', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
      expect(read).toEqual({ key: 'dated', value: 2, createdAt: start, updatedAt: start + 90 });
    });
  });

  it('FAIL_IF_EXISTS refuses an existing key with 409 KEY_CONFLICT and leaves the value', async () => {
    await h.run(async () => {
      await kvs.set('claim', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
      expect(await kvsErrorOf(kvs.set('claim', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }))).toMatchObject({
        code: 'KEY_CONFLICT',
        status: 409
      });
      expect(await kvs.get('claim')).toBe('first');
    });
  });

  it('OVERRIDE with returnValue answers the previous or the latest item', async () => {
    await h.run(async () => {
      expect(await kvs.set('counter', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
      expect(await kvs.set('counter', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({ key: 'counter', value: 1 });
      expect(await kvs.set('counter', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({ key: 'counter', value: 3 });
    });
  });

  describe('key limits', () => {
    it('accepts every documented character and a 500-character key', async () => {
      await h.run(async () => {
        await kvs.set('Aa0:._- #x', 'ok');
        await kvs.set('k'.repeat(500), 'ok');
        expect(await kvs.get('Aa0:._- #x')).toBe('ok');
      });
    });

    it.each([
      ['empty', '', 'KEY_TOO_SHORT'],
      ['501 characters long', 'k'.repeat(501), 'KEY_TOO_LONG'],
      ['holding a slash', 'a/b', 'INVALID_KEY'],
      ['holding a non-ASCII letter', 'caf\u00e9', 'INVALID_KEY'],
      ['only whitespace', '   ', 'INVALID_KEY']
    ])('refuses a key %s with 400 %s, on writes and reads', async (_label, key, code) => {
      await h.run(async () => {
        expect(await kvsErrorOf(kvs.set(key, 1))).toEqual({ code, status: 400, context: {} });
        expect((await kvsErrorOf(kvs.get(key))).code).toBe(code);
        expect((await kvsErrorOf(kvs.setSecret(key, 1))).code).toBe(code);
      });
    });
  });

  describe('value limits', () => {
    const maxBytes = 240 * 1024;

    it('accepts a value of exactly 240 KiB and refuses one byte more with MAX_SIZE', async () => {
      // A JSON string costs its characters plus two quotes.
      await h.run(async () => {
        await kvs.set('big', 'x'.repeat(maxBytes - 2));
        expect(await kvsErrorOf(kvs.set('bigger', 'x'.repeat(maxBytes - 1)))).toMatchObject({ code: 'MAX_SIZE', status: 400 });
        expect(await kvs.get('bigger')).toBeUndefined();
      });
    });

    it('accepts an object 31 deep and refuses 32 with MAX_DEPTH', async () => {
      const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { child: nest(depth - 1) });
      await h.run(async () => {
        await kvs.set('deep', nest(31));
        expect(await kvsErrorOf(kvs.set('deeper', nest(32)))).toMatchObject({ code: 'MAX_DEPTH', status: 400 });
      });
    });

    it('refuses null, which is not a storable value, with BAD_REQUEST', async () => {
      await h.run(async () => expect((await kvsErrorOf(kvs.set('nothing', null))).code).toBe('BAD_REQUEST'));
    });
  });

  it('refuses calls made outside any invocation with 401 UNAUTHENTICATED', async () => {
    expect(await kvsErrorOf(kvs.get('anything'))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});
