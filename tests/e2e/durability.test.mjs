// SPDX-License-Identifier: MIT
// End-to-end durability of a workspace file: "a write acknowledged to a caller survives kill -9",
// and Ctrl-C (SIGINT) / SIGTERM stop the server cleanly with exit code 0 and nothing lost.
//
//   SHARDSCOPE_BIN=build/dev/app/shardscope node --test tests/e2e/durability.test.mjs

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';

import { loadSdk, startServer, stopAll, tempDir } from './server.mjs';

const sdk = await loadSdk();

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

async function createTable(client, TableName) {
    await call(client, 'CreateTable', {
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
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
