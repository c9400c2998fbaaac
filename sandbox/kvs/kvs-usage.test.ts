import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { kvsErrorOf, startKvs, type KvsHarness } from './kvs-test-harness';

/** Every served operation is metered as Forge bills it: per item, with its bytes, by operation name. */
describe('KVS usage metering', () => {
  let h: KvsHarness;
  beforeEach(() => {
    h = startKvs('memory');
  });
  afterEach(() => h.dispose());

  it('counts a get and a set once each, with the bytes of key and value', async () => {
    await h.run(async () => {
      await kvs.set('key', { a: 1 });
      await kvs.get('key');
      await kvs.get('missing');
    });
    const usage = h.meter.snapshot();
    expect(usage['kvs.writes']).toBe(1);
    expect(usage['kvs.writeBytes']).toBe('key'.length + JSON.stringify({ a: 1 }).length);
    expect(usage['kvs.reads']).toBe(2);
    expect(usage['kvs.readBytes']).toBe(usage['kvs.writeBytes']);
    expect(usage.byDetail).toMatchObject({ 'kvs.writes set': 1, 'kvs.reads get': 2 });
  });

  it('counts a batch of N as N operations and a query by the items it returns', async () => {
    await h.run(async () => {
      await kvs.batchSet(Array.from({ length: 7 }, (_, i) => ({ key: `k${i}`, value: i })));
      await kvs.query().limit(5).getMany();
    });
    expect(h.meter.snapshot().byDetail).toMatchObject({ 'kvs.writes batch.set': 7, 'kvs.reads query': 5 });
  });

  it('counts a transaction once, each of its writes, and its checks as reads', async () => {
    await h.run(async () => {
      await kvs.entity('agent-slot').set('s1', { version: 1 });
      await kvs
        .transact()
        .set('a', 1)
        .set('b', 2)
        .delete('c')
        .check('s1', {
          entityName: 'agent-slot',
          conditions: new Filter<{ version: number }>().and('version', FilterConditions.equalTo(1))
        })
        .execute();
    });
    expect(h.meter.snapshot().byDetail).toMatchObject({
      'kvs.transactions transaction': 1,
      'kvs.writes transaction': 3,
      'kvs.reads transaction': 1
    });
  });

  it('records nothing for a refused request', async () => {
    await h.run(async () => {
      await kvsErrorOf(kvs.set('bad/key', 1));
      await kvsErrorOf(kvs.transact().set('x', 1).delete('x').execute());
    });
    const usage = h.meter.snapshot();
    expect(usage['kvs.writes'] + usage['kvs.reads'] + usage['kvs.transactions']).toBe(0);
  });
});
