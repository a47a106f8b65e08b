// SPDX-License-Identifier: MIT
// End-to-end durability of a workspace file: "a write acknowledged to a caller survives kill -9",
// and Ctrl-C (SIGINT) / SIGTERM stop the server cleanly with exit code 0 and nothing lost.
//
//   SHARDSCOPE_BIN=build/dev/app/shardscope node --test tests/e2e/durability.test.mjs

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';

import { loadSdk, loadStreamsSdk, startServer, stopAll, tempDir } from './server.mjs';

const sdk = await loadSdk();
const streamsSdk = await loadStreamsSdk();

const TOTAL = 2000;
const CONCURRENCY = 16;
const KILL_AFTER_ACKS = 1000;

const workspaces = tempDir('shardscope-e2e-durability-');
after(async () => {
    await stopAll();
    workspaces.remove();
});

function connect(url) {
    return new sdk.DynamoDBClient({
        endpoint: url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'e2e', secretAccessKey: 'e2e' },
        maxAttempts: 1,
        requestHandler: { connectionTimeout: 5000, requestTimeout: 20000 },
    });
}

const call = (client, operation, input) => client.send(new sdk[`${operation}Command`](input));

/** The exact item written for index i: several types, so a torn or mangled value shows. */
function itemFor(i) {
    return {
        pk: { S: `item-${String(i).padStart(5, '0')}` },
        v: { N: String(i) },
        half: { N: String(i / 2) },
        payload: { S: `payload ${i} `.repeat(1 + (i % 17)) },
        blob: { B: Uint8Array.from({ length: 1 + (i % 9) }, (_, k) => (i * 31 + k) & 0xff) },
        nested: { M: { list: { L: [{ N: String(-i) }, { BOOL: i % 2 === 0 }, { NULL: true }] }, tag: { SS: [`t${i % 5}`, 'x'] } } },
    };
}

/** A stable text form of an item: object keys sorted, B as base64 (the SDK gives Uint8Array), SS sorted. */
function canonical(item) {
    const normal = (value, key) => {
        if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
        if (Array.isArray(value)) return key === 'SS' ? [...value].sort() : value.map((v) => normal(v));
        if (value && typeof value === 'object') {
            return Object.fromEntries(Object.keys(value).sort().map((k) => [k, normal(value[k], k)]));
        }
        return value;
    };
    return JSON.stringify(normal(item));
}

async function createTable(client, TableName, extra = {}) {
    await call(client, 'CreateTable', {
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        ...extra,
    });
    const deadline = Date.now() + 10000;
    while ((await call(client, 'DescribeTable', { TableName })).Table.TableStatus !== 'ACTIVE') {
        assert.ok(Date.now() < deadline, `${TableName} not ACTIVE after 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/** Runs `task(i)` for i in [0, count) with `width` workers; stops taking new work once `stop()`. */
async function pool(count, width, task, stop = () => false) {
    let next = 0;
    const worker = async () => {
        while (next < count && !stop()) await task(next++);
    };
    await Promise.all(Array.from({ length: width }, worker));
}

test('every acknowledged PutItem survives kill -9', async (t) => {
    const file = path.join(workspaces.dir, 'kill9.db');
    let server = await startServer({ workspace: file });
    let client = connect(server.url);
    try {
        await createTable(client, 'Durable');

        const acked = new Set();
        const failed = new Map();
        let started = 0;
        let inFlight = 0;
        let inFlightAtKill = -1;
        let killed = false;
        let exited = false;
        server.exited.then(() => (exited = true));

        // The kill comes from a timer, not from a response callback, so that it lands while the
        // workers keep sending: some requests are then in the server's hands when it dies. Workers
        // stop taking new work only once the server is gone.
        const loadBegan = Date.now();
        const killer = setInterval(() => {
            if (!killed && acked.size >= KILL_AFTER_ACKS) {
                killed = true;
                inFlightAtKill = inFlight;
                server.process.kill('SIGKILL');
                clearInterval(killer);
            }
        }, 1);
        try {
            await pool(
                TOTAL,
                CONCURRENCY,
                async (i) => {
                    started++;
                    inFlight++;
                    try {
                        await call(client, 'PutItem', { TableName: 'Durable', Item: itemFor(i) });
                        // A success answer is an acknowledgement, even one that arrives after the kill.
                        acked.add(i);
                    } catch (error) {
                        failed.set(i, error);
                        assert.ok(killed, `PutItem ${i} failed before the kill: ${error.name}: ${error.message}`);
                        // After the kill only the connection may fail; an HTTP error answer is a server error.
                        assert.equal(
                            error.$metadata?.httpStatusCode,
                            undefined,
                            `PutItem ${i} answered ${error.name}: ${error.message}`,
                        );
                    } finally {
                        inFlight--;
                    }
                },
                () => exited,
            );
        } finally {
            clearInterval(killer);
        }
        assert.ok(killed, `the load finished (${acked.size} acks) before the kill`);
        const exit = await server.exited;
        assert.equal(exit.signal, 'SIGKILL', `the server died by SIGKILL, not ${JSON.stringify(exit)}`);
        client.destroy();
        assert.ok(acked.size >= KILL_AFTER_ACKS && acked.size < TOTAL, `${acked.size} acknowledged`);
        t.diagnostic(`started ${started}, acknowledged ${acked.size}, failed ${failed.size}, in flight at the kill ${inFlightAtKill}`);

        t.diagnostic(`load until the kill took ${Date.now() - loadBegan} ms`);

        server = await startServer({ workspace: file });
        client = connect(server.url);

        // Every acknowledged write, exactly as written.
        const ackedList = [...acked];
        const wrong = [];
        await pool(ackedList.length, CONCURRENCY, async (n) => {
            const i = ackedList[n];
            const { Item } = await call(client, 'GetItem', {
                TableName: 'Durable',
                Key: { pk: itemFor(i).pk },
                ConsistentRead: true,
            });
            if (!Item) wrong.push(`item ${i}: acknowledged but missing after restart`);
            else if (canonical(Item) !== canonical(itemFor(i))) wrong.push(`item ${i}: ${canonical(Item)}`);
        });
        assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} acknowledged writes lost or changed`);

        // Writes cut off by the kill may or may not be there, but never torn; nothing else appears.
        const seen = [];
        let ExclusiveStartKey;
        do {
            const page = await call(client, 'Scan', { TableName: 'Durable', ExclusiveStartKey, ConsistentRead: true });
            seen.push(...page.Items);
            ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey);
        const seenIndexes = new Set();
        let unacknowledgedButPresent = 0;
        for (const item of seen) {
            const i = Number(item.v.N);
            assert.ok(i >= 0 && i < started, `item ${i} was never written`);
            assert.equal(canonical(item), canonical(itemFor(i)), `item ${i} is intact`);
            seenIndexes.add(i);
            if (!acked.has(i)) unacknowledgedButPresent++;
        }
        t.diagnostic(`${unacknowledgedButPresent} writes cut off by the kill were committed anyway (allowed)`);
        for (const i of acked) assert.ok(seenIndexes.has(i), `Scan finds acknowledged item ${i}`);
        assert.equal(seen.length, seenIndexes.size);
        const { Table } = await call(client, 'DescribeTable', { TableName: 'Durable' });
        assert.equal(Table.TableStatus, 'ACTIVE');
    } finally {
        client.destroy();
        await server.stop('SIGKILL');
    }
});

/** A DynamoDB Streams client for the same endpoint, configured like connect(). */
function connectStreams(url) {
    return new streamsSdk.DynamoDBStreamsClient({
        endpoint: url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'e2e', secretAccessKey: 'e2e' },
        maxAttempts: 1,
        requestHandler: { connectionTimeout: 5000, requestTimeout: 20000 },
    });
}

const streamCall = (streams, operation, input) => streams.send(new streamsSdk[`${operation}Command`](input));

/**
 * Every record of a stream: every shard (following LastEvaluatedShardId), parents before their
 * children, each read from TRIM_HORIZON - a closed shard until NextShardIterator disappears, an
 * open one until a page comes back empty.
 */
async function readWholeStream(streams, StreamArn) {
    const shards = [];
    let ExclusiveStartShardId;
    do {
        const { StreamDescription: d } = await streamCall(streams, 'DescribeStream', { StreamArn, ExclusiveStartShardId });
        shards.push(...d.Shards);
        ExclusiveStartShardId = d.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
    const ids = new Set(shards.map((s) => s.ShardId));
    const ordered = [];
    const placed = new Set();
    while (ordered.length < shards.length) {
        const ready = shards.filter(
            (s) => !placed.has(s.ShardId) && (!s.ParentShardId || !ids.has(s.ParentShardId) || placed.has(s.ParentShardId)),
        );
        assert.ok(ready.length > 0, 'shard lineage has no cycle');
        for (const s of ready) {
            ordered.push(s);
            placed.add(s.ShardId);
        }
    }
    const records = [];
    for (const shard of ordered) {
        const open = shard.SequenceNumberRange.EndingSequenceNumber === undefined;
        let { ShardIterator } = await streamCall(streams, 'GetShardIterator', {
            StreamArn,
            ShardId: shard.ShardId,
            ShardIteratorType: 'TRIM_HORIZON',
        });
        for (let page = 0; ShardIterator; ++page) {
            assert.ok(page < 10000, `shard ${shard.ShardId} never ends`);
            const { Records, NextShardIterator } = await streamCall(streams, 'GetRecords', { ShardIterator });
            records.push(...Records.map((record) => ({ shardId: shard.ShardId, record })));
            if (open && Records.length === 0) break;
            ShardIterator = NextShardIterator;
        }
    }
    return { shards: ordered, records };
}

const STREAM_WRITERS = 16;
const WRITES_PER_WRITER = 125;
const KEYS_PER_WRITER = 8;

/** Writer w's j-th write: its key (owned by that writer alone) and that key's counter, 1, 2, 3, … */
function streamWrite(w, j) {
    const key = `w${String(w).padStart(2, '0')}-k${j % KEYS_PER_WRITER}`;
    const n = Math.floor(j / KEYS_PER_WRITER) + 1;
    return {
        key,
        n,
        item: {
            pk: { S: key },
            n: { N: String(n) },
            writer: { N: String(w) },
            payload: { S: `${key} #${n} `.repeat(1 + (n % 7)) },
        },
    };
}

test('the stream of a NEW_AND_OLD_IMAGES table survives kill -9 in step with the table', async (t) => {
    const file = path.join(workspaces.dir, 'kill9-stream.db');
    let server = await startServer({ workspace: file });
    let client = connect(server.url);
    let streams;
    try {
        await createTable(client, 'DurableStream', {
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        });

        // Acknowledged writes, and the highest counter each key was sent (acknowledged or not).
        const acked = [];
        const sentUpTo = new Map();
        let killed = false;
        let exited = false;
        server.exited.then(() => (exited = true));
        const killer = setInterval(() => {
            if (!killed && acked.length >= KILL_AFTER_ACKS) {
                killed = true;
                server.process.kill('SIGKILL');
                clearInterval(killer);
            }
        }, 1);
        try {
            // Each writer owns its keys and writes them one request at a time, so a key's writes are
            // sent in counter order and each only after the previous one was answered.
            await pool(STREAM_WRITERS, STREAM_WRITERS, async (w) => {
                for (let j = 0; j < WRITES_PER_WRITER && !exited; ++j) {
                    const write = streamWrite(w, j);
                    sentUpTo.set(write.key, write.n);
                    try {
                        await call(client, 'PutItem', { TableName: 'DurableStream', Item: write.item });
                        acked.push(write);
                    } catch (error) {
                        assert.ok(killed, `PutItem ${write.key} #${write.n} failed before the kill: ${error.name}: ${error.message}`);
                        assert.equal(
                            error.$metadata?.httpStatusCode,
                            undefined,
                            `PutItem ${write.key} #${write.n} answered ${error.name}: ${error.message}`,
                        );
                    }
                }
            });
        } finally {
            clearInterval(killer);
        }
        assert.ok(killed, `the load finished (${acked.length} acks) before the kill`);
        const exit = await server.exited;
        assert.equal(exit.signal, 'SIGKILL', `the server died by SIGKILL, not ${JSON.stringify(exit)}`);
        client.destroy();
        const total = STREAM_WRITERS * WRITES_PER_WRITER;
        assert.ok(acked.length >= KILL_AFTER_ACKS && acked.length < total, `${acked.length} acknowledged`);

        server = await startServer({ workspace: file });
        client = connect(server.url);
        streams = connectStreams(server.url);

        // The table after the restart: key -> item.
        const table = new Map();
        let ExclusiveStartKey;
        do {
            const page = await call(client, 'Scan', { TableName: 'DurableStream', ExclusiveStartKey, ConsistentRead: true });
            for (const item of page.Items) table.set(item.pk.S, item);
            ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey);

        const { Table } = await call(client, 'DescribeTable', { TableName: 'DurableStream' });
        assert.ok(Table.LatestStreamArn, 'the table still has its stream');
        const { shards, records } = await readWholeStream(streams, Table.LatestStreamArn);
        t.diagnostic(
            `acknowledged ${acked.length} of ${total}; after the restart ${table.size} items, ` +
                `${records.length} stream records in ${shards.length} shard(s)`,
        );

        // Per key, in reading order (shard lineage, parents first).
        const byKey = new Map();
        for (const { shardId, record } of records) {
            const key = record.dynamodb.Keys.pk.S;
            assert.deepEqual(Object.keys(record.dynamodb.Keys), ['pk'], `record keys of ${key}`);
            if (!byKey.has(key)) byKey.set(key, []);
            byKey.get(key).push({ shardId, record, seq: BigInt(record.dynamodb.SequenceNumber), n: Number(record.dynamodb.NewImage?.n?.N) });
        }
        const problems = [];

        // 1. Every acknowledged write appears in the stream, with exactly the image written.
        for (const write of acked) {
            const found = (byKey.get(write.key) ?? []).filter((r) => r.n === write.n);
            if (found.length !== 1) problems.push(`${write.key} #${write.n}: acknowledged, ${found.length} records`);
            else if (canonical(found[0].record.dynamodb.NewImage) !== canonical(write.item)) {
                problems.push(`${write.key} #${write.n}: NewImage ${canonical(found[0].record.dynamodb.NewImage)}`);
            }
        }

        for (const [key, list] of byKey) {
            // 2. A key's records are in write order: sequence numbers increase with the counter, in
            // reading order, and each record's OldImage is the previous record's NewImage.
            for (let k = 0; k < list.length; ++k) {
                const { record, seq, n } = list[k];
                const previous = list[k - 1];
                if (previous && !(seq > previous.seq)) problems.push(`${key}: sequence number ${seq} after ${previous.seq}`);
                if (n !== k + 1) problems.push(`${key}: record ${k} carries counter ${n}, expected ${k + 1}`);
                const expectedEvent = k === 0 ? 'INSERT' : 'MODIFY';
                if (record.eventName !== expectedEvent) problems.push(`${key} #${n}: ${record.eventName}, expected ${expectedEvent}`);
                if (previous && canonical(record.dynamodb.OldImage) !== canonical(previous.record.dynamodb.NewImage)) {
                    problems.push(`${key} #${n}: OldImage is not the previous record's NewImage`);
                }
                if (!previous && record.dynamodb.OldImage !== undefined) problems.push(`${key} #${n}: an INSERT with an OldImage`);
                if (n > (sentUpTo.get(key) ?? 0)) problems.push(`${key} #${n}: a record for a write never sent`);
            }
            const bySequence = [...list].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
            if (bySequence.some((r, k) => r !== list[k])) problems.push(`${key}: reading order is not sequence-number order`);

            // 3. No record for a write the table does not hold: the last record's NewImage is the item.
            const item = table.get(key);
            const last = list[list.length - 1];
            if (!item) problems.push(`${key}: ${list.length} record(s) (last #${last.n}) but no item in the table`);
            else if (canonical(last.record.dynamodb.NewImage) !== canonical(item)) {
                problems.push(`${key}: item #${item.n.N} but the last record is #${last.n}`);
            }
        }
        // And every item in the table has its records.
        for (const [key, item] of table) {
            if (!byKey.has(key)) problems.push(`${key}: item #${item.n.N} in the table but no record in the stream`);
        }
        assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems between the table and its stream`);

        // The stream carries on after the restart: a new write's record comes after every earlier one.
        const maxBefore = records.reduce((max, { record }) => {
            const seq = BigInt(record.dynamodb.SequenceNumber);
            return seq > max ? seq : max;
        }, 0n);
        const next = streamWrite(0, WRITES_PER_WRITER * KEYS_PER_WRITER);
        await call(client, 'PutItem', { TableName: 'DurableStream', Item: next.item });
        const after = (await readWholeStream(streams, Table.LatestStreamArn)).records.filter(
            ({ record }) => record.dynamodb.Keys.pk.S === next.key && Number(record.dynamodb.NewImage?.n?.N) === next.n,
        );
        assert.equal(after.length, 1, 'the write after the restart has one record');
        assert.ok(
            BigInt(after[0].record.dynamodb.SequenceNumber) > maxBefore,
            `sequence number ${after[0].record.dynamodb.SequenceNumber} after the restart exceeds ${maxBefore}`,
        );
    } finally {
        client.destroy();
        streams?.destroy();
        await server.stop('SIGKILL');
    }
});

test('SIGINT (Ctrl-C) and SIGTERM stop with exit code 0 and keep the data', async () => {
    const file = path.join(workspaces.dir, 'sigint.db');
    let server = await startServer({ workspace: file });
    let client = connect(server.url);
    const items = Array.from({ length: 50 }, (_, i) => itemFor(i));
    try {
        await createTable(client, 'Kept');
        for (let i = 0; i < items.length; i += 25) {
            const out = await call(client, 'BatchWriteItem', {
                RequestItems: { Kept: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
            });
            assert.deepEqual(out.UnprocessedItems, {});
        }
        await call(client, 'UpdateItem', {
            TableName: 'Kept',
            Key: { pk: items[0].pk },
            UpdateExpression: 'SET v = v + :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
        });
        await call(client, 'DeleteItem', { TableName: 'Kept', Key: { pk: items[1].pk } });
        client.destroy();

        const began = Date.now();
        const interrupted = await server.stop('SIGINT');
        assert.deepEqual(interrupted, { code: 0, signal: null }, `SIGINT exit\n${server.stderr()}`);
        assert.ok(Date.now() - began < 5000, `SIGINT took ${Date.now() - began} ms to stop the server`);

        server = await startServer({ workspace: file });
        client = connect(server.url);
        const { Items } = await call(client, 'Scan', { TableName: 'Kept', ConsistentRead: true });
        const expected = items.filter((_, i) => i !== 1).map((item, i) => (i === 0 ? { ...item, v: { N: '1' } } : item));
        assert.deepEqual(
            Items.map(canonical).sort(),
            expected.map(canonical).sort(),
            'after Ctrl-C and a restart the table holds exactly what was written',
        );
        client.destroy();

        const terminated = await server.stop('SIGTERM');
        assert.deepEqual(terminated, { code: 0, signal: null }, `SIGTERM exit\n${server.stderr()}`);
    } finally {
        client.destroy();
        await server.stop('SIGKILL');
    }
});
