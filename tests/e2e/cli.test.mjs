// SPDX-License-Identifier: MIT
// End-to-end: the real AWS CLI v2 (/usr/bin/aws, Debian's awscli) against `shardscope serve`:
// `aws dynamodb` and `aws dynamodbstreams`.
// The CLI validates some parameters itself (exit code 252); the error cases here all reach the
// server, so they must exit with 254 ("the service returned an error") and name the error code.
//
//   SHARDSCOPE_BIN=build/dev/app/shardscope node --test tests/e2e/cli.test.mjs
//
// Each CLI call costs about a second of Python start-up, so calls are few and independent ones run
// two at a time.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { startServer, tempDir } from './server.mjs';

// Debian's AWS CLI v2; an `aws` found on PATH may be a different (v1) installation.
const AWS = process.env.SHARDSCOPE_AWS_CLI ?? '/usr/bin/aws';
if (!existsSync(AWS)) {
    throw new Error(`The AWS CLI is not installed at ${AWS}: run scripts/setup (Debian package awscli).`);
}

let server;
let home;
let env;

before(async () => {
    server = await startServer();
    home = tempDir('shardscope-e2e-cli-home-');
    // Nothing from the caller's AWS configuration may leak in (profiles, endpoints, regions).
    env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
    Object.assign(env, {
        HOME: home.dir,
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'x',
        AWS_PAGER: '',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_MAX_ATTEMPTS: '1',
        AWS_CONFIG_FILE: `${home.dir}/config`,
        AWS_SHARED_CREDENTIALS_FILE: `${home.dir}/credentials`,
    });
});

after(async () => {
    await server?.stop();
    home?.remove();
});

/** Runs `aws dynamodb <args...>`; resolves to {code, stdout, stderr, json}, never rejects. */
function aws(...args) {
    return awsService('dynamodb', ...args);
}

/** Runs `aws <service> <args...>` (dynamodb or dynamodbstreams) against the server. */
function awsService(service, ...args) {
    const argv = [service, ...args, '--endpoint-url', server.url, '--region', 'us-east-1', '--output', 'json'];
    return new Promise((resolve) => {
        execFile(AWS, argv, { env, timeout: 60000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
            let json;
            try {
                json = stdout.trim() ? JSON.parse(stdout) : undefined;
            } catch {
                json = undefined;
            }
            resolve({ code, stdout, stderr, json, argv });
        });
    });
}

/** Runs the CLI and asserts success; returns the parsed JSON output. */
async function ok(...args) {
    const result = await aws(...args);
    assert.equal(result.code, 0, `aws ${result.argv.join(' ')}\nexit ${result.code}\n${result.stderr}`);
    return result.json;
}

/** The same for `aws dynamodbstreams <args...>`. */
async function streamsOk(...args) {
    const result = await awsService('dynamodbstreams', ...args);
    assert.equal(result.code, 0, `aws ${result.argv.join(' ')}\nexit ${result.code}\n${result.stderr}`);
    return result.json;
}

/** Runs the CLI and asserts that the *server* answered with error `code`. */
async function fails(code, ...args) {
    return expectServiceError(code, await aws(...args), args);
}

/** The same for `aws dynamodbstreams <args...>`. */
async function streamsFails(code, ...args) {
    return expectServiceError(code, await awsService('dynamodbstreams', ...args), args);
}

function expectServiceError(code, result, args) {
    assert.notEqual(result.code, 0, `aws ${args.join(' ')} should have failed with ${code}`);
    assert.equal(result.code, 254, `exit code 254 means the service returned an error:\n${result.stderr}`);
    assert.match(result.stderr, new RegExp(`\\(${code}\\)`), `stderr names ${code}`);
    return result;
}

const json = (value) => JSON.stringify(value);
const S = (s) => ({ S: s });
const N = (n) => ({ N: String(n) });
const order = (customer, id, extra = {}) => ({ customer: S(customer), id: N(id), amount: N(id * 10), ...extra });

describe('AWS CLI', () => {
    test('create-table, describe-table', async () => {
        const tables = await Promise.all([
            ok(
                'create-table',
                '--table-name', 'Orders',
                '--attribute-definitions', 'AttributeName=customer,AttributeType=S', 'AttributeName=id,AttributeType=N',
                '--key-schema', 'AttributeName=customer,KeyType=HASH', 'AttributeName=id,KeyType=RANGE',
                '--billing-mode', 'PAY_PER_REQUEST',
            ),
            ok(
                'create-table',
                '--table-name', 'cli-b',
                '--attribute-definitions', 'AttributeName=id,AttributeType=S',
                '--key-schema', 'AttributeName=id,KeyType=HASH',
                '--provisioned-throughput', 'ReadCapacityUnits=1,WriteCapacityUnits=1',
            ),
            ok(
                'create-table',
                '--table-name', 'cli-c',
                '--attribute-definitions', 'AttributeName=id,AttributeType=S',
                '--key-schema', 'AttributeName=id,KeyType=HASH',
                '--billing-mode', 'PAY_PER_REQUEST',
            ),
        ]);
        assert.equal(tables[0].TableDescription.TableName, 'Orders');
        assert.deepEqual(tables[0].TableDescription.KeySchema, [
            { AttributeName: 'customer', KeyType: 'HASH' },
            { AttributeName: 'id', KeyType: 'RANGE' },
        ]);
        assert.equal(tables[1].TableDescription.TableName, 'cli-b');
        assert.equal(tables[1].TableDescription.ProvisionedThroughput.ReadCapacityUnits, 1);
        assert.equal(tables[2].TableDescription.TableName, 'cli-c');

        let { Table } = await ok('describe-table', '--table-name', 'Orders');
        if (Table.TableStatus !== 'ACTIVE') {
            await ok('wait', 'table-exists', '--table-name', 'Orders');
            ({ Table } = await ok('describe-table', '--table-name', 'Orders'));
        }
        assert.equal(Table.TableName, 'Orders');
        assert.equal(Table.TableStatus, 'ACTIVE');
        assert.equal(Table.BillingModeSummary.BillingMode, 'PAY_PER_REQUEST');
        assert.match(Table.TableArn, /^arn:aws:dynamodb:us-east-1:\d{12}:table\/Orders$/);
        assert.equal(typeof Table.CreationDateTime, 'string', 'the CLI renders the epoch-seconds timestamp');
    });

    test('list-tables auto-paginates with --page-size 1; --max-items gives a NextToken', async () => {
        const [all, firstTwo] = await Promise.all([
            ok('list-tables', '--page-size', '1'),
            ok('list-tables', '--page-size', '1', '--max-items', '2'),
        ]);
        assert.deepEqual(all.TableNames, ['Orders', 'cli-b', 'cli-c']);
        assert.deepEqual(firstTwo.TableNames, ['Orders', 'cli-b']);
        assert.ok(firstTwo.NextToken, 'NextToken when --max-items cut the listing');
    });

    test('put-item, batch-write-item, get-item', async () => {
        await ok(
            'put-item',
            '--table-name', 'Orders',
            '--item', json(order('c1', 1, { note: S('first'), price: N('012.50') })),
            '--condition-expression', 'attribute_not_exists(customer)',
        );
        const batch = await ok(
            'batch-write-item',
            '--request-items',
            json({
                Orders: [
                    ...[2, 3, 4, 5, 6, 10].map((id) => ({ PutRequest: { Item: order('c1', id) } })),
                    ...[1, 2].map((id) => ({ PutRequest: { Item: order('c2', id) } })),
                ],
            }),
        );
        assert.deepEqual(batch.UnprocessedItems, {});

        const got = await ok('get-item', '--table-name', 'Orders', '--key', json({ customer: S('c1'), id: N(1) }), '--consistent-read');
        assert.deepEqual(got.Item, order('c1', 1, { note: S('first'), price: N('12.5') }));
    });

    test('update-item --return-values UPDATED_NEW', async () => {
        const updated = await ok(
            'update-item',
            '--table-name', 'Orders',
            '--key', json({ customer: S('c1'), id: N(2) }),
            '--update-expression', 'SET #s = :s ADD amount :d',
            '--expression-attribute-names', json({ '#s': 'status' }),
            '--expression-attribute-values', json({ ':s': S('shipped'), ':d': N('0.5') }),
            '--return-values', 'UPDATED_NEW',
        );
        assert.deepEqual(updated.Attributes, { status: S('shipped'), amount: N('20.5') });
    });

    test('query with --key-condition-expression (auto-paginated)', async () => {
        const out = await ok(
            'query',
            '--table-name', 'Orders',
            '--key-condition-expression', 'customer = :c AND id BETWEEN :lo AND :hi',
            '--expression-attribute-values', json({ ':c': S('c1'), ':lo': N(2), ':hi': N(10) }),
            '--no-scan-index-forward',
            '--page-size', '2',
        );
        assert.deepEqual(out.Items.map((i) => i.id.N), ['10', '6', '5', '4', '3', '2'], 'numeric sort key, descending');
        assert.equal(out.Count, 6);
        assert.equal(out.ScannedCount, 6);
    });

    test('scan auto-paginates with --page-size', async () => {
        const out = await ok('scan', '--table-name', 'Orders', '--page-size', '3');
        const keys = out.Items.map((i) => `${i.customer.S}/${i.id.N}`).sort();
        assert.deepEqual(keys, ['c1/1', 'c1/10', 'c1/2', 'c1/3', 'c1/4', 'c1/5', 'c1/6', 'c2/1', 'c2/2']);
        assert.equal(out.Count, 9);
        assert.equal(out.ScannedCount, 9);
    });

    test('delete-item, batch-get-item', async () => {
        const deleted = await ok(
            'delete-item',
            '--table-name', 'Orders',
            '--key', json({ customer: S('c1'), id: N(10) }),
            '--condition-expression', 'amount = :t',
            '--expression-attribute-values', json({ ':t': N(100) }),
            '--return-values', 'ALL_OLD',
        );
        assert.deepEqual(deleted.Attributes, order('c1', 10));

        const got = await ok(
            'batch-get-item',
            '--request-items',
            json({
                Orders: {
                    Keys: [
                        { customer: S('c1'), id: N(10) },
                        { customer: S('c1'), id: N(4) },
                        { customer: S('c2'), id: N(2) },
                    ],
                    ProjectionExpression: 'customer, id, amount',
                },
            }),
        );
        assert.deepEqual(got.UnprocessedKeys, {});
        assert.deepEqual(
            got.Responses.Orders.map((i) => `${i.customer.S}/${i.id.N}/${i.amount.N}`).sort(),
            ['c1/4/40', 'c2/2/20'],
        );
    });

    test('server-side errors: exit code 254 and the error code on stderr', async () => {
        const checks = [
            async () => {
                const r = await fails(
                    'ConditionalCheckFailedException',
                    'put-item',
                    '--table-name', 'Orders',
                    '--item', json(order('c1', 1)),
                    '--condition-expression', 'attribute_not_exists(customer)',
                );
                assert.match(r.stderr, /PutItem operation.*: The conditional request failed/);
            },
            async () => {
                const r = await fails(
                    'ValidationException',
                    'update-item',
                    '--table-name', 'Orders',
                    '--key', json({ customer: S('c1'), id: N(1) }),
                    '--update-expression', 'SET status = :s',
                    '--expression-attribute-values', json({ ':s': S('x') }),
                );
                assert.match(r.stderr, /reserved keyword/i);
            },
            () =>
                fails(
                    'ResourceInUseException',
                    'create-table',
                    '--table-name', 'Orders',
                    '--attribute-definitions', 'AttributeName=id,AttributeType=S',
                    '--key-schema', 'AttributeName=id,KeyType=HASH',
                    '--billing-mode', 'PAY_PER_REQUEST',
                ),
            async () => {
                const r = await fails(
                    'TransactionCanceledException',
                    'transact-write-items',
                    '--transact-items',
                    json([
                        { Put: { TableName: 'Orders', Item: order('c4', 1) } },
                        {
                            ConditionCheck: {
                                TableName: 'Orders',
                                Key: { customer: S('c1'), id: N(1) },
                                ConditionExpression: 'attribute_not_exists(customer)',
                            },
                        },
                    ]),
                );
                assert.match(r.stderr, /\[None, ConditionalCheckFailed\]/);
            },
        ];
        // Two at a time: a CLI call is mostly CPU-bound Python start-up, and the machine is shared.
        for (let i = 0; i < checks.length; i += 2) await Promise.all(checks.slice(i, i + 2).map((check) => check()));
    });

    test('transact-write-items, transact-get-items', async () => {
        await ok(
            'transact-write-items',
            '--transact-items',
            json([
                { Put: { TableName: 'Orders', Item: order('c3', 1), ConditionExpression: 'attribute_not_exists(customer)' } },
                {
                    Update: {
                        TableName: 'Orders',
                        Key: { customer: S('c2'), id: N(1) },
                        UpdateExpression: 'SET amount = amount + :n',
                        ExpressionAttributeValues: { ':n': N(1) },
                    },
                },
                { Delete: { TableName: 'Orders', Key: { customer: S('c2'), id: N(2) } } },
                {
                    ConditionCheck: {
                        TableName: 'Orders',
                        Key: { customer: S('c1'), id: N(1) },
                        ConditionExpression: 'note = :n',
                        ExpressionAttributeValues: { ':n': S('first') },
                    },
                },
            ]),
        );
        const got = await ok(
            'transact-get-items',
            '--transact-items',
            json([
                { Get: { TableName: 'Orders', Key: { customer: S('c3'), id: N(1) } } },
                { Get: { TableName: 'Orders', Key: { customer: S('c2'), id: N(1) } } },
                { Get: { TableName: 'Orders', Key: { customer: S('c2'), id: N(2) } } },
                { Get: { TableName: 'Orders', Key: { customer: S('c4'), id: N(1) } } },
            ]),
        );
        assert.equal(got.Responses.length, 4);
        assert.deepEqual(got.Responses[0].Item, order('c3', 1));
        assert.deepEqual(got.Responses[1].Item, { ...order('c2', 1), amount: N(11) });
        assert.deepEqual(got.Responses[2], {}, 'a missing item is {}');
        assert.deepEqual(got.Responses[3], {}, 'the cancelled transaction above wrote nothing');
    });

    test('delete-table; the deleted table is ResourceNotFoundException', async () => {
        const { TableDescription } = await ok('delete-table', '--table-name', 'cli-c');
        assert.equal(TableDescription.TableName, 'cli-c');
        assert.equal(TableDescription.TableStatus, 'DELETING');
        const r = await fails('ResourceNotFoundException', 'get-item', '--table-name', 'cli-c', '--key', json({ id: S('x') }));
        assert.match(r.stderr, /Requested resource not found/);
    });
});

describe('AWS CLI: streams and time to live', () => {
    let streamArn;

    test('create-table --stream-specification, then writes', async () => {
        const { TableDescription: t } = await ok(
            'create-table',
            '--table-name', 'cli-streams',
            '--attribute-definitions', 'AttributeName=pk,AttributeType=S', 'AttributeName=sk,AttributeType=S',
            '--key-schema', 'AttributeName=pk,KeyType=HASH', 'AttributeName=sk,KeyType=RANGE',
            '--billing-mode', 'PAY_PER_REQUEST',
            '--stream-specification', 'StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES',
        );
        assert.deepEqual(t.StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
        assert.match(t.LatestStreamArn, /^arn:aws:dynamodb:us-east-1:\d{12}:table\/cli-streams\/stream\/\S+$/);
        assert.ok(t.LatestStreamArn.endsWith(`/stream/${t.LatestStreamLabel}`));
        streamArn = t.LatestStreamArn;

        // Sequential: the records of one item come in write order.
        await ok('put-item', '--table-name', 'cli-streams', '--item', json({ pk: S('a'), sk: S('b'), data: S('test') }));
        await ok(
            'update-item',
            '--table-name', 'cli-streams',
            '--key', json({ pk: S('a'), sk: S('b') }),
            '--update-expression', 'SET #d = :v',
            '--expression-attribute-names', json({ '#d': 'data' }),
            '--expression-attribute-values', json({ ':v': S('hello') }),
        );
    });

    test('dynamodbstreams list-streams, describe-stream, get-shard-iterator, get-records', async () => {
        const listed = await streamsOk('list-streams', '--table-name', 'cli-streams');
        assert.deepEqual(listed.Streams.map((s) => s.StreamArn), [streamArn]);
        assert.equal(listed.Streams[0].TableName, 'cli-streams');

        const { StreamDescription: d } = await streamsOk('describe-stream', '--stream-arn', streamArn);
        assert.equal(d.StreamArn, streamArn);
        assert.equal(d.StreamViewType, 'NEW_AND_OLD_IMAGES');
        assert.deepEqual(d.KeySchema, [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
        ]);
        const open = d.Shards.filter((s) => s.SequenceNumberRange.EndingSequenceNumber === undefined);
        assert.equal(open.length, 1, 'one open shard');
        assert.match(open[0].ShardId, /^shardId-\d{20}-[0-9a-f]{8}$/);

        const { ShardIterator } = await streamsOk(
            'get-shard-iterator',
            '--stream-arn', streamArn,
            '--shard-id', open[0].ShardId,
            '--shard-iterator-type', 'TRIM_HORIZON',
        );
        assert.ok(ShardIterator.startsWith(`${streamArn}|`));
        const page = await streamsOk('get-records', '--shard-iterator', ShardIterator);
        assert.ok(page.NextShardIterator, 'an open shard gives a NextShardIterator');
        assert.deepEqual(page.Records.map((r) => r.eventName), ['INSERT', 'MODIFY']);
        const [insert, modify] = page.Records;
        assert.deepEqual(insert.dynamodb.NewImage, { pk: S('a'), sk: S('b'), data: S('test') });
        assert.deepEqual(modify.dynamodb.OldImage, { pk: S('a'), sk: S('b'), data: S('test') });
        assert.deepEqual(modify.dynamodb.NewImage, { pk: S('a'), sk: S('b'), data: S('hello') });
        assert.deepEqual(page.Records.map((r) => r.dynamodb.SizeBytes), [20, 35]);
        for (const r of page.Records) {
            assert.equal(r.eventVersion, '1.1');
            assert.equal(r.eventSource, 'aws:dynamodb');
            assert.equal(r.awsRegion, 'us-east-1');
            assert.match(r.dynamodb.SequenceNumber, /^\d{21,40}$/);
            assert.equal(typeof r.dynamodb.ApproximateCreationDateTime, 'string', 'the CLI renders the timestamp');
        }
        assert.ok(BigInt(insert.dynamodb.SequenceNumber) < BigInt(modify.dynamodb.SequenceNumber));
    });

    test('dynamodbstreams errors: ValidationException, ResourceNotFoundException', async () => {
        await Promise.all([
            streamsFails('ValidationException', 'get-records', '--shard-iterator', 'garbage'),
            streamsFails(
                'ResourceNotFoundException',
                'describe-stream',
                '--stream-arn', streamArn.replace(':table/cli-streams/', ':table/cli-missing/'),
            ),
        ]);
    });

    test('update-time-to-live, describe-time-to-live; a second change is refused', async () => {
        const initial = await ok('describe-time-to-live', '--table-name', 'cli-streams');
        assert.deepEqual(initial.TimeToLiveDescription, { TimeToLiveStatus: 'DISABLED' });
        const updated = await ok(
            'update-time-to-live',
            '--table-name', 'cli-streams',
            '--time-to-live-specification', 'Enabled=true,AttributeName=expires',
        );
        assert.deepEqual(updated.TimeToLiveSpecification, { AttributeName: 'expires', Enabled: true });
        const [described, refused] = await Promise.all([
            ok('describe-time-to-live', '--table-name', 'cli-streams'),
            fails(
                'ValidationException',
                'update-time-to-live',
                '--table-name', 'cli-streams',
                '--time-to-live-specification', 'Enabled=false,AttributeName=expires',
            ),
        ]);
        assert.deepEqual(described.TimeToLiveDescription, { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
        assert.match(refused.stderr, /Time to live has been modified multiple times within a fixed interval/);
    });
});
