// SPDX-License-Identifier: MIT
// End-to-end: DynamoDB Streams and Time to Live with the AWS SDK for JavaScript v3 (the DynamoDB
// client and the DynamoDB Streams client, both pointed at one `shardscope serve`). Every assertion
// states what DynamoDB itself answers (docs/dynamodb-reference.md §2.4, §2.6, §5, §6).
//
//   SHARDSCOPE_BIN=build/dev/app/shardscope node --test tests/e2e/streams.test.mjs

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { expectError, loadSdk, loadStreamsSdk, startServer } from './server.mjs';

const sdk = await loadSdk();
const streamsSdk = await loadStreamsSdk();

let server;
let client;
let streams;

/** call('PutItem', {...}) sends a DynamoDB command; streamCall('GetRecords', {...}) a Streams one. */
const call = (operation, input) => client.send(new sdk[`${operation}Command`](input));
const streamCall = (operation, input) => streams.send(new streamsSdk[`${operation}Command`](input));

before(async () => {
    server = await startServer();
    const config = {
        endpoint: server.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'e2e', secretAccessKey: 'e2e' },
        maxAttempts: 1,
        requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 },
    };
    client = new sdk.DynamoDBClient(config);
    streams = new streamsSdk.DynamoDBStreamsClient(config);
});

after(async () => {
    client?.destroy();
    streams?.destroy();
    await server?.stop();
});


const S = (s) => ({ S: s });

/** §5.4: sequence numbers are 21-40 digits and compare as big integers. */
function assertSequenceNumber(value) {
    assert.match(value, /^\d{21,40}$/, `sequence number ${value}`);
    return BigInt(value);
}

/** Every shard of a stream, following LastEvaluatedShardId (exclusive, §5.5). */
async function allShards(StreamArn) {
    const shards = [];
    let ExclusiveStartShardId;
    do {
        const { StreamDescription: d } = await streamCall('DescribeStream', { StreamArn, ExclusiveStartShardId });
        shards.push(...d.Shards);
        ExclusiveStartShardId = d.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
    return shards;
}

/**
 * Reads every shard from TRIM_HORIZON, parents before children (ShardId order, §5.4): a closed
 * shard until NextShardIterator disappears, an open one until a page comes back empty.
 */
async function readAll(StreamArn) {
    const shards = (await allShards(StreamArn)).sort((a, b) => a.ShardId.localeCompare(b.ShardId));
    const records = [];
    for (const shard of shards) {
        const open = shard.SequenceNumberRange.EndingSequenceNumber === undefined;
        let { ShardIterator } = await streamCall('GetShardIterator', {
            StreamArn,
            ShardId: shard.ShardId,
            ShardIteratorType: 'TRIM_HORIZON',
        });
        for (let call = 0; ShardIterator && call < 100; ++call) {
            const page = await streamCall('GetRecords', { ShardIterator });
            assert.ok(Array.isArray(page.Records), 'Records is always present');
            records.push(...page.Records);
            if (open) assert.ok(page.NextShardIterator, 'an open shard always gives a NextShardIterator');
            if (open && page.Records.length === 0) break;
            ShardIterator = page.NextShardIterator;
        }
    }
    return records;
}

describe('DynamoDB Streams', () => {
    const TableName = 'StreamsE2E';
    let StreamArn;

    before(async () => {
        await call('CreateTable', {
            TableName,
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [
                { AttributeName: 'pk', AttributeType: 'S' },
                { AttributeName: 'sk', AttributeType: 'S' },
            ],
            KeySchema: [
                { AttributeName: 'pk', KeyType: 'HASH' },
                { AttributeName: 'sk', KeyType: 'RANGE' },
            ],
        });
    });

    test('UpdateTable enables a stream: LatestStreamArn, ListStreams, DescribeStream', async () => {
        const { TableDescription: t } = await call('UpdateTable', {
            TableName,
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        });
        assert.deepEqual(t.StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
        // §2.1: <table ARN>/stream/<ISO-8601 with ms, no zone>
        assert.match(
            t.LatestStreamArn,
            /^arn:aws:dynamodb:us-east-1:\d{12}:table\/StreamsE2E\/stream\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/,
        );
        assert.equal(t.LatestStreamArn.endsWith(`/stream/${t.LatestStreamLabel}`), true);
        StreamArn = t.LatestStreamArn;

        const { Table } = await call('DescribeTable', { TableName });
        assert.equal(Table.LatestStreamArn, StreamArn);

        const listed = await streamCall('ListStreams', { TableName });
        assert.deepEqual(listed.Streams, [{ StreamArn, TableName, StreamLabel: t.LatestStreamLabel }]);
        assert.equal(listed.LastEvaluatedStreamArn, undefined, 'the last page has no cursor');

        const { StreamDescription: d } = await streamCall('DescribeStream', { StreamArn });
        assert.equal(d.StreamArn, StreamArn);
        assert.ok(['ENABLING', 'ENABLED'].includes(d.StreamStatus), d.StreamStatus);
        assert.equal(d.StreamViewType, 'NEW_AND_OLD_IMAGES');
        assert.equal(d.TableName, TableName);
        assert.ok(d.CreationRequestDateTime instanceof Date, 'epoch seconds, parsed by the SDK as a Date');
        assert.deepEqual(d.KeySchema, Table.KeySchema);
        assert.ok(d.Shards.length >= 1);
        for (const shard of d.Shards) {
            assert.match(shard.ShardId, /^shardId-\d{20}-[0-9a-f]{8}$/);
            assertSequenceNumber(shard.SequenceNumberRange.StartingSequenceNumber);
        }
        assert.ok(d.Shards.some((s) => s.SequenceNumberRange.EndingSequenceNumber === undefined), 'an open shard');

        // §2.4: enabling an enabled stream is a ValidationException on AWS.
        await expectError(
            call('UpdateTable', { TableName, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }),
            'ValidationException',
        );
    });

    test('writes come back as INSERT, MODIFY, REMOVE with whole images, in order', async () => {
        const startSeconds = Math.floor(Date.now() / 1000);
        const key = { pk: S('a'), sk: S('b') };
        await call('PutItem', { TableName, Item: { ...key, data: S('test') } });
        await call('UpdateItem', {
            TableName,
            Key: key,
            UpdateExpression: 'SET #d = :v',
            ExpressionAttributeNames: { '#d': 'data' },
            ExpressionAttributeValues: { ':v': S('hello') },
        });
        await call('PutItem', { TableName, Item: { ...key, data: S('hello') } }); // same value: no record
        await call('DeleteItem', { TableName, Key: key });
        await call('DeleteItem', { TableName, Key: key }); // already gone: no record
        await call('BatchWriteItem', {
            RequestItems: { [TableName]: [{ PutRequest: { Item: { pk: S('batch'), sk: S('1') } } }] },
        });
        await call('TransactWriteItems', {
            TransactItems: [{ Put: { TableName, Item: { pk: S('tx'), sk: S('1') } } }],
        });
        const afterSeconds = Math.ceil(Date.now() / 1000);

        const records = await readAll(StreamArn);
        const ofA = records.filter((r) => r.dynamodb.Keys.pk.S === 'a');
        assert.deepEqual(
            ofA.map((r) => r.eventName),
            ['INSERT', 'MODIFY', 'REMOVE'],
            'per-item order; no record for no-op writes (§5.2)',
        );
        assert.deepEqual(
            records.filter((r) => r.dynamodb.Keys.pk.S !== 'a').map((r) => `${r.eventName} ${r.dynamodb.Keys.pk.S}`).sort(),
            ['INSERT batch', 'INSERT tx'],
        );

        const [insert, modify, remove] = ofA;
        const oldItem = { ...key, data: S('test') };
        const newItem = { ...key, data: S('hello') };
        assert.deepEqual(insert.dynamodb.NewImage, oldItem);
        assert.equal(insert.dynamodb.OldImage, undefined);
        assert.deepEqual(modify.dynamodb.NewImage, newItem);
        assert.deepEqual(modify.dynamodb.OldImage, oldItem);
        assert.equal(remove.dynamodb.NewImage, undefined);
        assert.deepEqual(remove.dynamodb.OldImage, newItem);
        // §5.1 worked examples: keys {pk:"a",sk:"b"} = 6, +NewImage 14 = 20, 6+15+14 = 35.
        assert.deepEqual(
            ofA.map((r) => r.dynamodb.SizeBytes),
            [20, 35, 21],
        );

        const eventIds = new Set();
        let previous = -1n;
        for (const r of ofA) {
            assert.match(r.eventID, /^[0-9a-f]{32}$/);
            eventIds.add(r.eventID);
            assert.equal(r.eventVersion, '1.1');
            assert.equal(r.eventSource, 'aws:dynamodb');
            assert.equal(r.awsRegion, 'us-east-1');
            assert.equal(r.userIdentity, undefined, 'userIdentity only on TTL deletions');
            assert.deepEqual(r.dynamodb.Keys, key);
            assert.equal(r.dynamodb.StreamViewType, 'NEW_AND_OLD_IMAGES');
            const created = r.dynamodb.ApproximateCreationDateTime;
            assert.ok(created instanceof Date, 'epoch seconds, parsed by the SDK as a Date');
            assert.equal(created.getTime() % 1000, 0, 'whole seconds (rounded down)');
            assert.ok(created.getTime() / 1000 >= startSeconds && created.getTime() / 1000 <= afterSeconds);
            const sequence = assertSequenceNumber(r.dynamodb.SequenceNumber);
            assert.ok(sequence > previous, 'sequence numbers increase along one item');
            previous = sequence;
        }
        assert.equal(eventIds.size, 3, 'eventID is unique per record');
    });

    test('an empty poll of an open shard: Records [] and a NextShardIterator', async () => {
        const shards = await allShards(StreamArn);
        const open = shards.find((s) => s.SequenceNumberRange.EndingSequenceNumber === undefined);
        const { ShardIterator } = await streamCall('GetShardIterator', {
            StreamArn,
            ShardId: open.ShardId,
            ShardIteratorType: 'LATEST',
        });
        assert.ok(ShardIterator.startsWith(`${StreamArn}|`), 'iterator format <arn>|<n>|<opaque> (§5.6)');
        const page = await streamCall('GetRecords', { ShardIterator, Limit: 10 });
        assert.deepEqual(page.Records, []);
        assert.ok(page.NextShardIterator);
    });

    test('AFTER_SEQUENCE_NUMBER resumes after a record', async () => {
        const records = await readAll(StreamArn);
        const first = records.find((r) => r.dynamodb.Keys.pk.S === 'a');
        const shards = await allShards(StreamArn);
        // The shard that holds it: its range starts at or before the record.
        const seq = BigInt(first.dynamodb.SequenceNumber);
        const holder = shards
            .filter((s) => BigInt(s.SequenceNumberRange.StartingSequenceNumber) <= seq)
            .filter((s) => !s.SequenceNumberRange.EndingSequenceNumber || BigInt(s.SequenceNumberRange.EndingSequenceNumber) >= seq)
            .at(-1);
        assert.ok(holder, 'a shard holds the record');
        const { ShardIterator } = await streamCall('GetShardIterator', {
            StreamArn,
            ShardId: holder.ShardId,
            ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
            SequenceNumber: first.dynamodb.SequenceNumber,
        });
        const page = await streamCall('GetRecords', { ShardIterator, Limit: 1 });
        assert.equal(page.Records.length, 1);
        assert.ok(BigInt(page.Records[0].dynamodb.SequenceNumber) > seq);
    });

    test('malformed iterator, bad ARN, bad iterator type: ValidationException', async () => {
        await expectError(streamCall('GetRecords', { ShardIterator: 'garbage' }), 'ValidationException');
        await expectError(streamCall('DescribeStream', { StreamArn: 'not-a-stream-arn-but-long-enough-for-the-model' }), 'ValidationException');
        await expectError(streamCall('ListStreams', { Limit: 101 }), 'ValidationException');
        const [shard] = await allShards(StreamArn);
        await expectError(
            streamCall('GetShardIterator', { StreamArn, ShardId: shard.ShardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER' }),
            'ValidationException',
        );
    });

    test('a well-formed ARN of a missing table: ResourceNotFoundException', async () => {
        const missing = StreamArn.replace(':table/StreamsE2E/', ':table/NoSuchTable/');
        assert.notEqual(missing, StreamArn);
        await expectError(streamCall('DescribeStream', { StreamArn: missing }), 'ResourceNotFoundException');
    });

    test('disabling closes the shards; the old stream stays listed and readable (§5.7)', async () => {
        const earlier = await readAll(StreamArn);
        await call('UpdateTable', { TableName, StreamSpecification: { StreamEnabled: false } });
        const { StreamDescription: d } = await streamCall('DescribeStream', { StreamArn });
        assert.ok(['DISABLING', 'DISABLED'].includes(d.StreamStatus), d.StreamStatus);
        for (const shard of d.Shards) assertSequenceNumber(shard.SequenceNumberRange.EndingSequenceNumber);
        const { Streams } = await streamCall('ListStreams', { TableName });
        assert.ok(Streams.some((s) => s.StreamArn === StreamArn), 'still listed');
        const { Table } = await call('DescribeTable', { TableName });
        assert.equal(Table.LatestStreamArn, StreamArn, 'LatestStreamArn keeps pointing at it (§2.3)');
        // readAll reads closed shards until NextShardIterator disappears.
        const afterDisable = await readAll(StreamArn);
        assert.deepEqual(
            afterDisable.map((r) => r.eventID),
            earlier.map((r) => r.eventID),
        );
    });

    // Iterators expire after 15 minutes and records are trimmed after 24 hours of real time; the
    // engine tests cover both on a virtual clock (tests/engine/wire_streams_test.cpp).
    test.skip('ExpiredIteratorException after 15 minutes (needs a virtual clock)');
    test.skip('TrimmedDataAccessException after 24 hours (needs a virtual clock)');
});

describe('Time to Live', () => {
    const TableName = 'TtlE2E';

    before(async () => {
        await call('CreateTable', {
            TableName,
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        });
    });

    test('DescribeTimeToLive of a new table: DISABLED, no AttributeName', async () => {
        const { TimeToLiveDescription } = await call('DescribeTimeToLive', { TableName });
        assert.deepEqual(TimeToLiveDescription, { TimeToLiveStatus: 'DISABLED' });
    });

    test('UpdateTimeToLive enables; DescribeTimeToLive says ENABLED; a second change is refused', async () => {
        const updated = await call('UpdateTimeToLive', {
            TableName,
            TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
        });
        assert.deepEqual(updated.TimeToLiveSpecification, { AttributeName: 'expires', Enabled: true });
        const { TimeToLiveDescription } = await call('DescribeTimeToLive', { TableName });
        assert.deepEqual(TimeToLiveDescription, { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
        await expectError(
            call('UpdateTimeToLive', { TableName, TimeToLiveSpecification: { AttributeName: 'expires', Enabled: false } }),
            'ValidationException',
            /Time to live has been modified multiple times within a fixed interval/,
        );
    });

    test('a missing table: ResourceNotFoundException', async () => {
        await expectError(call('DescribeTimeToLive', { TableName: 'NoSuchTable' }), 'ResourceNotFoundException');
        await expectError(
            call('UpdateTimeToLive', { TableName: 'NoSuchTable', TimeToLiveSpecification: { AttributeName: 'x', Enabled: true } }),
            'ResourceNotFoundException',
        );
    });
});
