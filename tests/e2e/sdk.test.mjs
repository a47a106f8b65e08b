// SPDX-License-Identifier: MIT
// End-to-end: the AWS SDK for JavaScript v3 (low-level DynamoDB client) against `shardscope serve`.
// Every assertion states what DynamoDB itself answers (docs/dynamodb-reference.md §2-§4); a failure
// here is a difference from DynamoDB, not a test to relax.
//
//   SHARDSCOPE_BIN=build/dev/app/shardscope node --test tests/e2e/sdk.test.mjs

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { expectError, loadSdk, startServer } from './server.mjs';

const sdk = await loadSdk();

let server;
let client;

/** call('PutItem', {...}) sends a PutItemCommand. */
const call = (operation, input) => client.send(new sdk[`${operation}Command`](input));

before(async () => {
    server = await startServer();
    client = new sdk.DynamoDBClient({
        endpoint: server.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'e2e', secretAccessKey: 'e2e' },
        maxAttempts: 1,
        requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 },
    });
});

after(async () => {
    client?.destroy();
    await server?.stop();
});


/** Polls DescribeTable until the table and all its GSIs are ACTIVE. */
async function waitActive(TableName, timeoutMs = 10000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const { Table } = await call('DescribeTable', { TableName });
        const indexesActive = (Table.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
        if (Table.TableStatus === 'ACTIVE' && indexesActive) return Table;
        if (Date.now() > deadline) assert.fail(`${TableName} not ACTIVE after ${timeoutMs} ms: ${JSON.stringify(Table)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/** An AttributeValue map with set members sorted: sets compare as sets, their order is unspecified. */
function canonical(value) {
    if (Array.isArray(value)) return value.map(canonical);
    if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        out[k] = ['SS', 'NS', 'BS'].includes(k) && Array.isArray(v) ? [...v].sort() : canonical(v);
    }
    return out;
}

/** deepEqual for items that may hold sets. */
const assertItem = (actual, expected, message) => assert.deepEqual(canonical(actual), canonical(expected), message);

const S = (s) => ({ S: s });
const N = (n) => ({ N: String(n) });
const pad = (i) => String(i).padStart(2, '0');

/** Song `i` of an artist, as stored. */
function song(artist, i, extra = {}) {
    return {
        Artist: S(artist),
        SongTitle: S(`Song ${pad(i)}`),
        AlbumTitle: S(`Album ${Math.ceil(i / 5)}`),
        Genre: S(i % 2 ? 'Rock' : 'Jazz'),
        Year: N(2000 + i),
        Plays: N(i * 10),
        ...extra,
    };
}

const titles = (items) => items.map((item) => item.SongTitle.S);
const keyOf = (item) => ({ Artist: item.Artist, SongTitle: item.SongTitle });

const musicTable = {
    TableName: 'Music',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
        { AttributeName: 'Artist', AttributeType: 'S' },
        { AttributeName: 'SongTitle', AttributeType: 'S' },
        { AttributeName: 'AlbumTitle', AttributeType: 'S' },
        { AttributeName: 'Genre', AttributeType: 'S' },
        { AttributeName: 'Year', AttributeType: 'N' },
    ],
    KeySchema: [
        { AttributeName: 'Artist', KeyType: 'HASH' },
        { AttributeName: 'SongTitle', KeyType: 'RANGE' },
    ],
    LocalSecondaryIndexes: [
        {
            IndexName: 'ByAlbum',
            KeySchema: [
                { AttributeName: 'Artist', KeyType: 'HASH' },
                { AttributeName: 'AlbumTitle', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
        },
    ],
    GlobalSecondaryIndexes: [
        {
            IndexName: 'ByGenreYear',
            KeySchema: [
                { AttributeName: 'Genre', KeyType: 'HASH' },
                { AttributeName: 'Year', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
        },
    ],
};

describe('control plane', () => {
    test('CreateTable with a GSI and an LSI', async () => {
        const { TableDescription: t } = await call('CreateTable', musicTable);
        assert.equal(t.TableName, 'Music');
        assert.ok(['CREATING', 'ACTIVE'].includes(t.TableStatus), t.TableStatus);
        assert.match(t.TableArn, /^arn:aws:dynamodb:us-east-1:\d{12}:table\/Music$/);
        assert.deepEqual(t.KeySchema, musicTable.KeySchema);
        assert.equal(t.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST');
        assert.deepEqual(
            t.GlobalSecondaryIndexes.map((i) => i.IndexName),
            ['ByGenreYear'],
        );
        assert.deepEqual(
            t.LocalSecondaryIndexes.map((i) => i.IndexName),
            ['ByAlbum'],
        );
        await waitActive('Music');
    });

    test('CreateTable on an existing name is ResourceInUseException', async () => {
        await expectError(call('CreateTable', musicTable), 'ResourceInUseException', /Music/);
    });

    test('DescribeTable', async () => {
        const { Table: t, $metadata } = await call('DescribeTable', { TableName: 'Music' });
        assert.equal($metadata.httpStatusCode, 200);
        assert.ok($metadata.requestId, 'x-amzn-RequestId is sent');
        assert.equal(t.TableName, 'Music');
        assert.equal(t.TableStatus, 'ACTIVE');
        assert.match(t.TableArn, /^arn:aws:dynamodb:us-east-1:\d{12}:table\/Music$/);
        assert.match(t.TableId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        assert.ok(t.CreationDateTime instanceof Date, 'CreationDateTime is epoch seconds');
        assert.ok(Math.abs(t.CreationDateTime.getTime() - Date.now()) < 60000, `${t.CreationDateTime}`);
        assert.deepEqual(t.KeySchema, musicTable.KeySchema);
        const definitions = Object.fromEntries(t.AttributeDefinitions.map((d) => [d.AttributeName, d.AttributeType]));
        assert.deepEqual(definitions, { Artist: 'S', SongTitle: 'S', AlbumTitle: 'S', Genre: 'S', Year: 'N' });
        assert.equal(t.BillingModeSummary.BillingMode, 'PAY_PER_REQUEST');
        assert.equal(t.ProvisionedThroughput.ReadCapacityUnits, 0);
        assert.equal(t.ProvisionedThroughput.WriteCapacityUnits, 0);
        assert.equal(t.ItemCount, 0);
        assert.equal(t.TableSizeBytes, 0);

        const [gsi] = t.GlobalSecondaryIndexes;
        assert.equal(gsi.IndexName, 'ByGenreYear');
        assert.equal(gsi.IndexStatus, 'ACTIVE');
        assert.equal(gsi.IndexArn, `${t.TableArn}/index/ByGenreYear`);
        assert.deepEqual(gsi.KeySchema, musicTable.GlobalSecondaryIndexes[0].KeySchema);
        assert.deepEqual(gsi.Projection, { ProjectionType: 'ALL' });

        const [lsi] = t.LocalSecondaryIndexes;
        assert.equal(lsi.IndexName, 'ByAlbum');
        assert.equal(lsi.IndexArn, `${t.TableArn}/index/ByAlbum`);
        assert.deepEqual(lsi.KeySchema, musicTable.LocalSecondaryIndexes[0].KeySchema);
    });

    test('DescribeTable of an unknown table is ResourceNotFoundException', async () => {
        await expectError(call('DescribeTable', { TableName: 'NoSuchTable' }), 'ResourceNotFoundException');
    });

    test('an invalid table name is ValidationException, not ResourceNotFound', async () => {
        await expectError(call('DescribeTable', { TableName: 'a' }), 'ValidationException');
    });

    test('UpdateTable switches PROVISIONED to PAY_PER_REQUEST', async () => {
        const created = await call('CreateTable', {
            TableName: 'Billing',
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 7 },
        });
        assert.equal(created.TableDescription.ProvisionedThroughput.ReadCapacityUnits, 5);
        assert.equal(created.TableDescription.ProvisionedThroughput.WriteCapacityUnits, 7);
        await waitActive('Billing');

        const updated = await call('UpdateTable', { TableName: 'Billing', BillingMode: 'PAY_PER_REQUEST' });
        assert.equal(updated.TableDescription.TableName, 'Billing');
        assert.equal(updated.TableDescription.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST');

        const t = await waitActive('Billing');
        assert.equal(t.BillingModeSummary.BillingMode, 'PAY_PER_REQUEST');
        assert.equal(t.ProvisionedThroughput.ReadCapacityUnits, 0);
        assert.equal(t.ProvisionedThroughput.WriteCapacityUnits, 0);
    });

    test('UpdateTable without any change is ValidationException', async () => {
        await expectError(call('UpdateTable', { TableName: 'Billing' }), 'ValidationException');
    });

    test('UpdateTable of an unknown table is ResourceNotFoundException', async () => {
        await expectError(
            call('UpdateTable', { TableName: 'NoSuchTable', BillingMode: 'PAY_PER_REQUEST' }),
            'ResourceNotFoundException',
        );
    });

    test('ListTables pages with Limit and ExclusiveStartTableName', async () => {
        const names = ['list-c', 'list-a', 'list-e', 'list-b', 'list-d'];
        for (const TableName of names) {
            await call('CreateTable', {
                TableName,
                BillingMode: 'PAY_PER_REQUEST',
                AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
                KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            });
        }
        const { TableNames: everything, LastEvaluatedTableName: none } = await call('ListTables', {});
        assert.equal(none, undefined);
        assert.deepEqual(everything, [...everything].sort(), 'TableNames are sorted ascending');
        for (const name of [...names, 'Music', 'Billing']) assert.ok(everything.includes(name), name);

        const paged = [];
        let start;
        for (let page = 0; ; page++) {
            assert.ok(page <= everything.length, 'ListTables paging does not terminate');
            const out = await call('ListTables', { Limit: 2, ExclusiveStartTableName: start });
            assert.ok(out.TableNames.length <= 2, `page of ${out.TableNames.length} with Limit 2`);
            paged.push(...out.TableNames);
            if (!out.LastEvaluatedTableName) break;
            assert.equal(out.LastEvaluatedTableName, out.TableNames.at(-1));
            start = out.LastEvaluatedTableName;
        }
        assert.deepEqual(paged, everything);

        const fromMiddle = await call('ListTables', { ExclusiveStartTableName: 'list-b' });
        assert.deepEqual(
            fromMiddle.TableNames,
            everything.filter((name) => Buffer.compare(Buffer.from(name), Buffer.from('list-b')) > 0),
        );
    });

    test('DeleteTable', async () => {
        const { TableDescription: t } = await call('DeleteTable', { TableName: 'list-e' });
        assert.equal(t.TableName, 'list-e');
        assert.equal(t.TableStatus, 'DELETING');
        const deadline = Date.now() + 10000;
        for (;;) {
            try {
                await call('DescribeTable', { TableName: 'list-e' });
            } catch (error) {
                assert.equal(error.name, 'ResourceNotFoundException');
                break;
            }
            assert.ok(Date.now() < deadline, 'deleted table still described after 10 s');
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const { TableNames } = await call('ListTables', {});
        assert.ok(!TableNames.includes('list-e'));
        await expectError(call('DeleteTable', { TableName: 'list-e' }), 'ResourceNotFoundException');
    });
});

describe('single-item operations', () => {
    const item = song('Acme', 1, { Tags: { SS: ['loud', 'live'] }, Obsolete: { BOOL: true } });
    const key = keyOf(item);

    test('PutItem with attribute_not_exists and ReturnValues ALL_OLD', async () => {
        const first = await call('PutItem', {
            TableName: 'Music',
            Item: item,
            ConditionExpression: 'attribute_not_exists(Artist)',
            ReturnValues: 'ALL_OLD',
        });
        assert.equal(first.Attributes, undefined, 'no Attributes when there was no old item');

        const again = await call('PutItem', { TableName: 'Music', Item: item, ReturnValues: 'ALL_OLD' });
        assertItem(again.Attributes, item);
    });

    test('PutItem failing its condition is ConditionalCheckFailedException, with Item on ALL_OLD', async () => {
        const plain = await expectError(
            call('PutItem', { TableName: 'Music', Item: item, ConditionExpression: 'attribute_not_exists(Artist)' }),
            'ConditionalCheckFailedException',
            /The conditional request failed/,
        );
        assert.equal(plain.Item, undefined);

        const withOld = await expectError(
            call('PutItem', {
                TableName: 'Music',
                Item: { ...key, Plays: N(0) },
                ConditionExpression: 'Plays > :p',
                ExpressionAttributeValues: { ':p': N(1000) },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
            'ConditionalCheckFailedException',
        );
        assertItem(withOld.Item, item);
        const { Item } = await call('GetItem', { TableName: 'Music', Key: key, ConsistentRead: true });
        assertItem(Item, item, 'a failed condition writes nothing');
    });

    test('PutItem ReturnValues ALL_NEW is ValidationException', async () => {
        await expectError(call('PutItem', { TableName: 'Music', Item: item, ReturnValues: 'ALL_NEW' }), 'ValidationException');
    });

    test('GetItem: item, missing item, projection', async () => {
        const { Item } = await call('GetItem', { TableName: 'Music', Key: key, ConsistentRead: true });
        assertItem(Item, item);

        const missing = await call('GetItem', { TableName: 'Music', Key: { Artist: S('Acme'), SongTitle: S('nope') } });
        assert.equal(missing.Item, undefined);
        assert.ok(!('Item' in missing), 'no Item key for a missing item');

        const projected = await call('GetItem', {
            TableName: 'Music',
            Key: key,
            ProjectionExpression: '#y, Plays, Tags',
            ExpressionAttributeNames: { '#y': 'Year' },
        });
        assertItem(projected.Item, { Year: item.Year, Plays: item.Plays, Tags: item.Tags });
    });

    test('ReturnConsumedCapacity TOTAL', async () => {
        const put = await call('PutItem', {
            TableName: 'Music',
            Item: song('Capacity', 1),
            ReturnConsumedCapacity: 'TOTAL',
        });
        assert.deepEqual(put.ConsumedCapacity, { TableName: 'Music', CapacityUnits: put.ConsumedCapacity.CapacityUnits });
        assert.ok(put.ConsumedCapacity.CapacityUnits >= 1, 'a write of a small item costs at least 1 WCU (more with indexes)');
        const strong = await call('GetItem', {
            TableName: 'Music',
            Key: keyOf(song('Capacity', 1)),
            ConsistentRead: true,
            ReturnConsumedCapacity: 'TOTAL',
        });
        assert.deepEqual(strong.ConsumedCapacity, { TableName: 'Music', CapacityUnits: 1 });
        const eventual = await call('GetItem', {
            TableName: 'Music',
            Key: keyOf(song('Capacity', 1)),
            ReturnConsumedCapacity: 'TOTAL',
        });
        assert.deepEqual(eventual.ConsumedCapacity, { TableName: 'Music', CapacityUnits: 0.5 });
        const none = await call('GetItem', { TableName: 'Music', Key: keyOf(song('Capacity', 1)) });
        assert.equal(none.ConsumedCapacity, undefined);
        await call('DeleteItem', { TableName: 'Music', Key: keyOf(song('Capacity', 1)) });
    });

    test('UpdateItem ReturnValues UPDATED_NEW / UPDATED_OLD / ALL_NEW / ALL_OLD', async () => {
        const updatedNew = await call('UpdateItem', {
            TableName: 'Music',
            Key: key,
            UpdateExpression: 'SET Plays = Plays + :one, Rating = :r REMOVE Obsolete ADD Tags :t',
            ExpressionAttributeValues: { ':one': N(1), ':r': N(5), ':t': { SS: ['remastered'] } },
            ReturnValues: 'UPDATED_NEW',
        });
        assert.deepEqual(Object.keys(updatedNew.Attributes).sort(), ['Plays', 'Rating', 'Tags']);
        assert.deepEqual(updatedNew.Attributes.Plays, N(11));
        assert.deepEqual(updatedNew.Attributes.Rating, N(5));
        assert.deepEqual(updatedNew.Attributes.Tags.SS.sort(), ['live', 'loud', 'remastered']);

        const updatedOld = await call('UpdateItem', {
            TableName: 'Music',
            Key: key,
            UpdateExpression: 'SET Plays = :p, Fresh = :f REMOVE Rating',
            ExpressionAttributeValues: { ':p': N(100), ':f': S('yes') },
            ReturnValues: 'UPDATED_OLD',
        });
        assert.deepEqual(updatedOld.Attributes, { Plays: N(11), Rating: N(5) }, 'only touched attributes that existed');

        const all = await call('UpdateItem', {
            TableName: 'Music',
            Key: key,
            UpdateExpression: 'SET #g = :g',
            ExpressionAttributeNames: { '#g': 'Genre' },
            ExpressionAttributeValues: { ':g': S('Punk'), ':p': N(100) },
            ConditionExpression: 'Plays = :p',
            ReturnValues: 'ALL_NEW',
        });
        const expected = {
            ...key,
            AlbumTitle: item.AlbumTitle,
            Genre: S('Punk'),
            Year: item.Year,
            Plays: N(100),
            Tags: { SS: ['live', 'loud', 'remastered'] },
            Fresh: S('yes'),
        };
        assertItem(all.Attributes, expected);

        const allOld = await call('UpdateItem', {
            TableName: 'Music',
            Key: key,
            UpdateExpression: 'REMOVE Fresh',
            ReturnValues: 'ALL_OLD',
        });
        assertItem(allOld.Attributes, expected);
    });

    test('UpdateItem on nested paths returns only the touched sub-paths', async () => {
        const key2 = { Artist: S('Acme'), SongTitle: S('Nested') };
        await call('PutItem', {
            TableName: 'Music',
            Item: { ...key2, m: { M: { a: N(1), b: N(2) } }, l: { L: [S('x'), S('y'), S('z')] } },
        });
        const old = await call('UpdateItem', {
            TableName: 'Music',
            Key: key2,
            UpdateExpression: 'SET m.a = :v, l[1] = :w',
            ExpressionAttributeValues: { ':v': N(10), ':w': S('Y') },
            ReturnValues: 'UPDATED_OLD',
        });
        assert.deepEqual(old.Attributes, { m: { M: { a: N(1) } }, l: { L: [S('y')] } });
        const fresh = await call('UpdateItem', {
            TableName: 'Music',
            Key: key2,
            UpdateExpression: 'SET m.c = :v REMOVE m.b',
            ExpressionAttributeValues: { ':v': N(3) },
            ReturnValues: 'UPDATED_NEW',
        });
        assert.deepEqual(fresh.Attributes, { m: { M: { c: N(3) } } });
        const { Item } = await call('GetItem', { TableName: 'Music', Key: key2, ConsistentRead: true });
        assert.deepEqual(Item, { ...key2, m: { M: { a: N(10), c: N(3) } }, l: { L: [S('x'), S('Y'), S('z')] } });
        await call('DeleteItem', { TableName: 'Music', Key: key2 });
    });

    test('UpdateItem that only REMOVEs does not create a missing item', async () => {
        const ghost = { Artist: S('Acme'), SongTitle: S('Ghost') };
        const out = await call('UpdateItem', {
            TableName: 'Music',
            Key: ghost,
            UpdateExpression: 'REMOVE Plays',
            ReturnValues: 'ALL_NEW',
        });
        assert.equal(out.Attributes, undefined);
        const { Item } = await call('GetItem', { TableName: 'Music', Key: ghost, ConsistentRead: true });
        assert.equal(Item, undefined);
    });

    test('reading a missing attribute in SET is ValidationException', async () => {
        await expectError(
            call('UpdateItem', {
                TableName: 'Music',
                Key: key,
                UpdateExpression: 'SET Plays = NoSuchAttribute + :one',
                ExpressionAttributeValues: { ':one': N(1) },
            }),
            'ValidationException',
            /does not exist in the item/,
        );
    });

    test('UpdateItem with an undefined placeholder is ValidationException', async () => {
        await expectError(
            call('UpdateItem', {
                TableName: 'Music',
                Key: key,
                UpdateExpression: 'SET Genre = :g',
                ConditionExpression: 'Plays = :p',
                ExpressionAttributeValues: { ':g': S('x') },
            }),
            'ValidationException',
            /:p/,
        );
    });

    test('UpdateItem creates a missing item; ALL_NEW returns it with its key', async () => {
        const out = await call('UpdateItem', {
            TableName: 'Music',
            Key: { Artist: S('Acme'), SongTitle: S('Created') },
            UpdateExpression: 'SET Plays = if_not_exists(Plays, :zero) + :one',
            ExpressionAttributeValues: { ':zero': N(0), ':one': N(1) },
            ReturnValues: 'ALL_NEW',
        });
        assert.deepEqual(out.Attributes, { Artist: S('Acme'), SongTitle: S('Created'), Plays: N(1) });
    });

    test('UpdateItem failing its condition returns the old Item on ALL_OLD', async () => {
        const error = await expectError(
            call('UpdateItem', {
                TableName: 'Music',
                Key: { Artist: S('Acme'), SongTitle: S('Created') },
                UpdateExpression: 'SET Plays = :p',
                ConditionExpression: 'Plays > :p',
                ExpressionAttributeValues: { ':p': N(50) },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
            'ConditionalCheckFailedException',
        );
        assert.deepEqual(error.Item, { Artist: S('Acme'), SongTitle: S('Created'), Plays: N(1) });
    });

    test('UpdateItem cannot change a key attribute', async () => {
        await expectError(
            call('UpdateItem', {
                TableName: 'Music',
                Key: key,
                UpdateExpression: 'SET SongTitle = :t',
                ExpressionAttributeValues: { ':t': S('Renamed') },
            }),
            'ValidationException',
        );
    });

    test('DeleteItem with ConditionExpression and ReturnValues ALL_OLD', async () => {
        const target = { Artist: S('Acme'), SongTitle: S('Created') };
        const failed = await expectError(
            call('DeleteItem', {
                TableName: 'Music',
                Key: target,
                ConditionExpression: 'Plays >= :big',
                ExpressionAttributeValues: { ':big': N(1000) },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
            'ConditionalCheckFailedException',
        );
        assert.deepEqual(failed.Item, { ...target, Plays: N(1) });

        const deleted = await call('DeleteItem', {
            TableName: 'Music',
            Key: target,
            ConditionExpression: 'attribute_exists(Plays)',
            ReturnValues: 'ALL_OLD',
        });
        assert.deepEqual(deleted.Attributes, { ...target, Plays: N(1) });
        const { Item } = await call('GetItem', { TableName: 'Music', Key: target, ConsistentRead: true });
        assert.equal(Item, undefined);

        const again = await call('DeleteItem', { TableName: 'Music', Key: target, ReturnValues: 'ALL_OLD' });
        assert.equal(again.Attributes, undefined, 'deleting a missing item returns no Attributes');
    });
});

describe('errors as the SDK surfaces them', () => {
    const key = { Artist: S('Acme'), SongTitle: S('Song 01') };

    test('unknown table: ResourceNotFoundException', async () => {
        await expectError(
            call('GetItem', { TableName: 'NoSuchTable', Key: key }),
            'ResourceNotFoundException',
            /Requested resource not found/,
        );
        await expectError(call('PutItem', { TableName: 'NoSuchTable', Item: key }), 'ResourceNotFoundException');
        await expectError(
            call('Query', {
                TableName: 'NoSuchTable',
                KeyConditionExpression: 'Artist = :a',
                ExpressionAttributeValues: { ':a': S('x') },
            }),
            'ResourceNotFoundException',
        );
    });

    test('bad key: ValidationException', async () => {
        await expectError(
            call('GetItem', { TableName: 'Music', Key: { Artist: S('Acme') } }),
            'ValidationException',
            /key/i,
        );
        await expectError(
            call('GetItem', { TableName: 'Music', Key: { Artist: S('Acme'), SongTitle: N(1) } }),
            'ValidationException',
            /The provided key element does not match the schema/,
        );
        await expectError(
            call('GetItem', { TableName: 'Music', Key: { ...key, Plays: N(1) } }),
            'ValidationException',
            /key/i,
        );
        await expectError(
            call('PutItem', { TableName: 'Music', Item: { Artist: S('Acme'), Plays: N(1) } }),
            'ValidationException',
        );
        await expectError(
            call('PutItem', { TableName: 'Music', Item: { Artist: S(''), SongTitle: S('x') } }),
            'ValidationException',
            /empty string/,
        );
    });

    test('unused placeholder: ValidationException', async () => {
        await expectError(
            call('UpdateItem', {
                TableName: 'Music',
                Key: key,
                UpdateExpression: 'SET Plays = :p',
                ExpressionAttributeValues: { ':p': N(1), ':unused': N(2) },
            }),
            'ValidationException',
            /unused in expressions.*:unused/,
        );
        await expectError(
            call('GetItem', {
                TableName: 'Music',
                Key: key,
                ProjectionExpression: 'Plays',
                ExpressionAttributeNames: { '#n': 'Name' },
            }),
            'ValidationException',
            /unused in expressions.*#n/,
        );
    });

    test('reserved word without a placeholder: ValidationException', async () => {
        await expectError(
            call('UpdateItem', {
                TableName: 'Music',
                Key: key,
                UpdateExpression: 'SET status = :s',
                ExpressionAttributeValues: { ':s': S('on') },
            }),
            'ValidationException',
            /reserved keyword.*status/i,
        );
        // The same update with a name placeholder is fine.
        await call('UpdateItem', {
            TableName: 'Music',
            Key: key,
            UpdateExpression: 'SET #s = :s',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': S('on') },
        });
        await call('UpdateItem', { TableName: 'Music', Key: key, UpdateExpression: 'REMOVE #s', ExpressionAttributeNames: { '#s': 'status' } });
    });

    test('expression syntax error: ValidationException', async () => {
        await expectError(
            call('UpdateItem', {
                TableName: 'Music',
                Key: key,
                UpdateExpression: 'SET Plays = = :p',
                ExpressionAttributeValues: { ':p': N(1) },
            }),
            'ValidationException',
            /syntax error/i,
        );
    });
});

describe('Query and Scan', () => {
    before(async () => {
        // 10 songs by Acme, 3 by Zed; batches of at most 25.
        const items = [
            ...Array.from({ length: 10 }, (_, i) => song('Acme', i + 1)),
            ...Array.from({ length: 3 }, (_, i) => song('Zed', i + 1)),
        ];
        await call('BatchWriteItem', { RequestItems: { Music: items.map((Item) => ({ PutRequest: { Item } })) } });
    });

    const query = (extra) =>
        call('Query', {
            TableName: 'Music',
            KeyConditionExpression: 'Artist = :a',
            ExpressionAttributeValues: { ':a': S('Acme') },
            ...extra,
        });

    test('whole partition in sort-key order', async () => {
        const out = await query();
        assert.deepEqual(titles(out.Items), Array.from({ length: 10 }, (_, i) => `Song ${pad(i + 1)}`));
        assert.equal(out.Count, 10);
        assert.equal(out.ScannedCount, 10);
        assert.equal(out.LastEvaluatedKey, undefined);
        assert.deepEqual(out.Items[2], song('Acme', 3));
    });

    test('sort-key conditions', async () => {
        const cases = [
            ['SongTitle = :x', { ':x': S('Song 03') }, ['Song 03']],
            ['SongTitle < :x', { ':x': S('Song 03') }, ['Song 01', 'Song 02']],
            ['SongTitle <= :x', { ':x': S('Song 03') }, ['Song 01', 'Song 02', 'Song 03']],
            ['SongTitle > :x', { ':x': S('Song 08') }, ['Song 09', 'Song 10']],
            ['SongTitle >= :x', { ':x': S('Song 08') }, ['Song 08', 'Song 09', 'Song 10']],
            ['SongTitle BETWEEN :x AND :y', { ':x': S('Song 04'), ':y': S('Song 06') }, ['Song 04', 'Song 05', 'Song 06']],
            ['begins_with(SongTitle, :x)', { ':x': S('Song 1') }, ['Song 10']],
            [':x > SongTitle', { ':x': S('Song 02') }, ['Song 01']],
        ];
        for (const [condition, values, expected] of cases) {
            const out = await call('Query', {
                TableName: 'Music',
                KeyConditionExpression: `Artist = :a AND ${condition}`,
                ExpressionAttributeValues: { ':a': S('Acme'), ...values },
            });
            assert.deepEqual(titles(out.Items), expected, condition);
        }
    });

    test('ScanIndexForward false reverses the order', async () => {
        const out = await query({ ScanIndexForward: false });
        assert.deepEqual(titles(out.Items), Array.from({ length: 10 }, (_, i) => `Song ${pad(10 - i)}`));
    });

    test('Limit + LastEvaluatedKey paging', async () => {
        const pages = [];
        let ExclusiveStartKey;
        do {
            const out = await query({ Limit: 5, ExclusiveStartKey });
            pages.push(out);
            ExclusiveStartKey = out.LastEvaluatedKey;
            assert.ok(pages.length <= 4, 'Query paging does not terminate');
        } while (ExclusiveStartKey);
        // DynamoDB returns LastEvaluatedKey whenever Limit stopped the page, even with nothing left.
        assert.deepEqual(pages.map((p) => p.Count), [5, 5, 0]);
        assert.deepEqual(pages[0].LastEvaluatedKey, { Artist: S('Acme'), SongTitle: S('Song 05') });
        assert.deepEqual(pages[1].LastEvaluatedKey, { Artist: S('Acme'), SongTitle: S('Song 10') });
        assert.deepEqual(
            titles(pages.flatMap((p) => p.Items)),
            Array.from({ length: 10 }, (_, i) => `Song ${pad(i + 1)}`),
        );

        const backwards = await query({ Limit: 3, ScanIndexForward: false });
        assert.deepEqual(titles(backwards.Items), ['Song 10', 'Song 09', 'Song 08']);
        const next = await query({ Limit: 3, ScanIndexForward: false, ExclusiveStartKey: backwards.LastEvaluatedKey });
        assert.deepEqual(titles(next.Items), ['Song 07', 'Song 06', 'Song 05']);
    });

    test('FilterExpression: Count after the filter, ScannedCount before', async () => {
        const out = await query({
            FilterExpression: 'Plays >= :min',
            ExpressionAttributeValues: { ':a': S('Acme'), ':min': N(80) },
        });
        assert.deepEqual(titles(out.Items), ['Song 08', 'Song 09', 'Song 10']);
        assert.equal(out.Count, 3);
        assert.equal(out.ScannedCount, 10);

        const counted = await query({ Select: 'COUNT' });
        assert.equal(counted.Count, 10);
        assert.equal(counted.Items, undefined);
    });

    test('Query on the GSI, with paging', async () => {
        const all = await call('Query', {
            TableName: 'Music',
            IndexName: 'ByGenreYear',
            KeyConditionExpression: 'Genre = :g AND #y >= :y',
            ExpressionAttributeNames: { '#y': 'Year' },
            ExpressionAttributeValues: { ':g': S('Rock'), ':y': N(2003) },
        });
        // Rock = odd i; Acme 3,5,7,9 and Zed 3 (Year 2003); ordered by Year.
        assert.deepEqual(
            all.Items.map((i) => i.Year.N),
            ['2003', '2003', '2005', '2007', '2009'],
        );
        assert.deepEqual(
            all.Items.filter((i) => i.Year.N !== '2003').map((i) => `${i.Artist.S}/${i.SongTitle.S}`),
            ['Acme/Song 05', 'Acme/Song 07', 'Acme/Song 09'],
        );

        const first = await call('Query', {
            TableName: 'Music',
            IndexName: 'ByGenreYear',
            KeyConditionExpression: 'Genre = :g',
            ExpressionAttributeValues: { ':g': S('Jazz') },
            ScanIndexForward: false,
            Limit: 2,
        });
        assert.deepEqual(first.Items.map((i) => i.Year.N), ['2010', '2008']);
        // On an index, LastEvaluatedKey carries the index key and the table key.
        assert.deepEqual(first.LastEvaluatedKey, {
            Genre: S('Jazz'),
            Year: N(2008),
            Artist: S('Acme'),
            SongTitle: S('Song 08'),
        });
        const second = await call('Query', {
            TableName: 'Music',
            IndexName: 'ByGenreYear',
            KeyConditionExpression: 'Genre = :g',
            ExpressionAttributeValues: { ':g': S('Jazz') },
            ScanIndexForward: false,
            Limit: 2,
            ExclusiveStartKey: first.LastEvaluatedKey,
        });
        assert.deepEqual(second.Items.map((i) => i.Year.N), ['2006', '2004']);
    });

    test('Query on the LSI', async () => {
        const out = await query({
            IndexName: 'ByAlbum',
            KeyConditionExpression: 'Artist = :a AND AlbumTitle = :t',
            ExpressionAttributeValues: { ':a': S('Acme'), ':t': S('Album 2') },
        });
        assert.deepEqual(titles(out.Items).sort(), ['Song 06', 'Song 07', 'Song 08', 'Song 09', 'Song 10']);
    });

    test('Query errors', async () => {
        await expectError(
            query({ IndexName: 'ByGenreYear', KeyConditionExpression: 'Genre = :a', ConsistentRead: true }),
            'ValidationException',
        );
        await expectError(query({ IndexName: 'NoSuchIndex' }), 'ValidationException');
        await expectError(
            query({ KeyConditionExpression: 'Plays = :a' }),
            'ValidationException',
            /key schema|Query condition/i,
        );
        await expectError(query({ Limit: 0 }), 'ValidationException');
    });

    test('Scan with Segment/TotalSegments covers the table exactly once', async () => {
        const whole = await call('Scan', { TableName: 'Music', ConsistentRead: true });
        assert.equal(whole.LastEvaluatedKey, undefined);
        const everything = whole.Items.map((i) => `${i.Artist.S}/${i.SongTitle.S}`).sort();
        assert.ok(everything.length >= 13, `${everything.length} items`);

        const seen = [];
        for (let Segment = 0; Segment < 4; Segment++) {
            let ExclusiveStartKey;
            let pages = 0;
            do {
                const out = await call('Scan', { TableName: 'Music', Segment, TotalSegments: 4, Limit: 3, ExclusiveStartKey });
                assert.ok(out.Items.length <= 3);
                seen.push(...out.Items.map((i) => `${i.Artist.S}/${i.SongTitle.S}`));
                ExclusiveStartKey = out.LastEvaluatedKey;
                assert.ok(++pages <= everything.length + 1, 'Scan paging does not terminate');
            } while (ExclusiveStartKey);
        }
        assert.deepEqual(seen.sort(), everything, 'segments are disjoint and together cover the table');

        await expectError(call('Scan', { TableName: 'Music', Segment: 4, TotalSegments: 4 }), 'ValidationException');
        await expectError(call('Scan', { TableName: 'Music', Segment: 0 }), 'ValidationException');
    });
});

describe('UpdateTable adds a GSI', () => {
    test('create, backfill, query', async () => {
        await call('BatchWriteItem', {
            RequestItems: {
                Music: [
                    { PutRequest: { Item: song('Labelled', 1, { Label: S('Indie') }) } },
                    { PutRequest: { Item: song('Labelled', 2, { Label: S('Indie') }) } },
                    { PutRequest: { Item: song('Labelled', 3, { Label: S('Major') }) } },
                ],
            },
        });
        const out = await call('UpdateTable', {
            TableName: 'Music',
            AttributeDefinitions: [{ AttributeName: 'Label', AttributeType: 'S' }],
            GlobalSecondaryIndexUpdates: [
                {
                    Create: {
                        IndexName: 'ByLabel',
                        KeySchema: [{ AttributeName: 'Label', KeyType: 'HASH' }],
                        Projection: { ProjectionType: 'KEYS_ONLY' },
                    },
                },
            ],
        });
        const created = out.TableDescription.GlobalSecondaryIndexes.find((i) => i.IndexName === 'ByLabel');
        assert.ok(created, 'the new index is in the UpdateTable response');
        assert.ok(['CREATING', 'ACTIVE'].includes(created.IndexStatus), created.IndexStatus);

        const table = await waitActive('Music');
        const index = table.GlobalSecondaryIndexes.find((i) => i.IndexName === 'ByLabel');
        assert.deepEqual(index.Projection, { ProjectionType: 'KEYS_ONLY' });
        assert.ok(table.AttributeDefinitions.some((d) => d.AttributeName === 'Label'));

        const indie = await call('Query', {
            TableName: 'Music',
            IndexName: 'ByLabel',
            KeyConditionExpression: 'Label = :l',
            ExpressionAttributeValues: { ':l': S('Indie') },
        });
        assert.deepEqual(
            indie.Items.map((i) => i.SongTitle.S).sort(),
            ['Song 01', 'Song 02'],
        );
        // KEYS_ONLY: table key + index key only.
        for (const item of indie.Items) assert.deepEqual(Object.keys(item).sort(), ['Artist', 'Label', 'SongTitle']);
    });
});

describe('batches and transactions', () => {
    const acme = (i) => ({ Artist: S('Acme'), SongTitle: S(`Song ${pad(i)}`) });

    test('BatchWriteItem: 25 puts, then deletes and puts', async () => {
        const items = Array.from({ length: 25 }, (_, i) => song('Batch', i + 1));
        const out = await call('BatchWriteItem', {
            RequestItems: { Music: items.map((Item) => ({ PutRequest: { Item } })) },
        });
        assert.deepEqual(out.UnprocessedItems, {});
        const partition = await call('Query', {
            TableName: 'Music',
            KeyConditionExpression: 'Artist = :a',
            ExpressionAttributeValues: { ':a': S('Batch') },
            ConsistentRead: true,
        });
        assert.equal(partition.Count, 25);
        assert.deepEqual(partition.Items, items);

        await call('BatchWriteItem', {
            RequestItems: {
                Music: [
                    ...[1, 2, 3, 4, 5].map((i) => ({ DeleteRequest: { Key: keyOf(song('Batch', i)) } })),
                    { PutRequest: { Item: song('Batch', 26) } },
                ],
            },
        });
        const after = await call('Query', {
            TableName: 'Music',
            KeyConditionExpression: 'Artist = :a',
            ExpressionAttributeValues: { ':a': S('Batch') },
            ConsistentRead: true,
        });
        assert.equal(after.Count, 21);
        assert.equal(after.Items[0].SongTitle.S, 'Song 06');
        assert.equal(after.Items.at(-1).SongTitle.S, 'Song 26');
    });

    test('BatchWriteItem errors: duplicates, more than 25', async () => {
        await expectError(
            call('BatchWriteItem', {
                RequestItems: {
                    Music: [
                        { PutRequest: { Item: song('Dup', 1) } },
                        { DeleteRequest: { Key: keyOf(song('Dup', 1)) } },
                    ],
                },
            }),
            'ValidationException',
            /duplicates/,
        );
        await expectError(
            call('BatchWriteItem', {
                RequestItems: {
                    Music: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: song('TooMany', i + 1) } })),
                },
            }),
            'ValidationException',
        );
        const { Count } = await call('Query', {
            TableName: 'Music',
            KeyConditionExpression: 'Artist = :a',
            ExpressionAttributeValues: { ':a': S('TooMany') },
        });
        assert.equal(Count, 0, 'a rejected batch writes nothing');
    });

    test('BatchGetItem: several tables, missing keys omitted, projection', async () => {
        await call('PutItem', { TableName: 'Billing', Item: { id: S('b1'), v: N(1) } });
        const out = await call('BatchGetItem', {
            RequestItems: {
                Music: {
                    Keys: [acme(2), acme(4), acme(99), keyOf(song('Zed', 1))],
                    ProjectionExpression: 'Artist, SongTitle, #y',
                    ExpressionAttributeNames: { '#y': 'Year' },
                    ConsistentRead: true,
                },
                Billing: { Keys: [{ id: S('b1') }, { id: S('b2') }] },
                'list-a': { Keys: [{ id: S('nothing') }] },
            },
        });
        assert.deepEqual(out.UnprocessedKeys, {});
        const music = out.Responses.Music.map((i) => `${i.Artist.S}/${i.SongTitle.S}/${i.Year.N}`).sort();
        assert.deepEqual(music, ['Acme/Song 02/2002', 'Acme/Song 04/2004', 'Zed/Song 01/2001']);
        for (const item of out.Responses.Music) assert.deepEqual(Object.keys(item).sort(), ['Artist', 'SongTitle', 'Year']);
        assert.deepEqual(out.Responses.Billing, [{ id: S('b1'), v: N(1) }]);
        assert.deepEqual(out.Responses['list-a'], [], 'a table with no hits is present with []');

        await expectError(
            call('BatchGetItem', { RequestItems: { Music: { Keys: [acme(2), acme(2)] } } }),
            'ValidationException',
        );
        await expectError(
            call('BatchGetItem', { RequestItems: { NoSuchTable: { Keys: [acme(2)] } } }),
            'ResourceNotFoundException',
        );
    });

    test('TransactWriteItems: Put, Update, Delete and ConditionCheck commit together', async () => {
        await call('TransactWriteItems', {
            TransactItems: [
                { Put: { TableName: 'Music', Item: song('Tx', 1), ConditionExpression: 'attribute_not_exists(Artist)' } },
                {
                    Update: {
                        TableName: 'Music',
                        Key: acme(1),
                        UpdateExpression: 'SET Plays = Plays + :n',
                        ExpressionAttributeValues: { ':n': N(5) },
                    },
                },
                { Delete: { TableName: 'Music', Key: acme(10) } },
                {
                    ConditionCheck: {
                        TableName: 'Billing',
                        Key: { id: S('b1') },
                        ConditionExpression: 'v = :one',
                        ExpressionAttributeValues: { ':one': N(1) },
                    },
                },
            ],
        });
        const got = await call('TransactGetItems', {
            TransactItems: [
                { Get: { TableName: 'Music', Key: keyOf(song('Tx', 1)) } },
                { Get: { TableName: 'Music', Key: acme(1), ProjectionExpression: 'Plays' } },
                { Get: { TableName: 'Music', Key: acme(10) } },
                { Get: { TableName: 'Billing', Key: { id: S('b1') } } },
            ],
        });
        assert.equal(got.Responses.length, 4);
        assert.deepEqual(got.Responses[0].Item, song('Tx', 1));
        assert.deepEqual(got.Responses[1].Item, { Plays: N(15) });
        assert.equal(got.Responses[2].Item, undefined, 'a missing item is {} in Responses');
        assert.deepEqual(got.Responses[3].Item, { id: S('b1'), v: N(1) });
    });

    test('TransactWriteItems failure: TransactionCanceledException with CancellationReasons', async () => {
        const error = await expectError(
            call('TransactWriteItems', {
                TransactItems: [
                    { Put: { TableName: 'Music', Item: song('Tx', 2) } },
                    {
                        ConditionCheck: {
                            TableName: 'Billing',
                            Key: { id: S('b1') },
                            ConditionExpression: 'v = :two',
                            ExpressionAttributeValues: { ':two': N(2) },
                            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                        },
                    },
                    {
                        Update: {
                            TableName: 'Music',
                            Key: acme(2),
                            UpdateExpression: 'SET Plays = :z',
                            ConditionExpression: 'attribute_not_exists(Artist)',
                            ExpressionAttributeValues: { ':z': N(0) },
                        },
                    },
                    { Delete: { TableName: 'Music', Key: acme(3) } },
                ],
            }),
            'TransactionCanceledException',
            /\[None, ConditionalCheckFailed, ConditionalCheckFailed, None\]/,
        );
        const reasons = error.CancellationReasons;
        assert.ok(Array.isArray(reasons), 'CancellationReasons is present');
        assert.deepEqual(
            reasons.map((r) => r.Code),
            ['None', 'ConditionalCheckFailed', 'ConditionalCheckFailed', 'None'],
        );
        assert.equal(reasons[0].Message, undefined);
        assert.equal(reasons[1].Message, 'The conditional request failed');
        assert.deepEqual(reasons[1].Item, { id: S('b1'), v: N(1) });
        assert.equal(reasons[2].Item, undefined, 'Item only with ReturnValuesOnConditionCheckFailure ALL_OLD');

        const got = await call('TransactGetItems', {
            TransactItems: [
                { Get: { TableName: 'Music', Key: keyOf(song('Tx', 2)) } },
                { Get: { TableName: 'Music', Key: acme(2) } },
                { Get: { TableName: 'Music', Key: acme(3) } },
            ],
        });
        assert.equal(got.Responses[0].Item, undefined, 'nothing of a cancelled transaction is written');
        assert.deepEqual(got.Responses[1].Item, song('Acme', 2));
        assert.deepEqual(got.Responses[2].Item, song('Acme', 3));
    });

    test('TransactWriteItems ClientRequestToken is idempotent', async () => {
        const request = (amount) => ({
            ClientRequestToken: 'e2e-token-1',
            TransactItems: [
                {
                    Update: {
                        TableName: 'Billing',
                        Key: { id: S('counter') },
                        UpdateExpression: 'ADD hits :n',
                        ExpressionAttributeValues: { ':n': N(amount) },
                    },
                },
            ],
        });
        await call('TransactWriteItems', request(1));
        await call('TransactWriteItems', request(1));
        const { Item } = await call('GetItem', { TableName: 'Billing', Key: { id: S('counter') }, ConsistentRead: true });
        assert.deepEqual(Item, { id: S('counter'), hits: N(1) }, 'the repeated request had no second effect');
        await expectError(call('TransactWriteItems', request(2)), 'IdempotentParameterMismatchException');
    });

    test('TransactWriteItems with two actions on one item is ValidationException', async () => {
        await expectError(
            call('TransactWriteItems', {
                TransactItems: [
                    { Put: { TableName: 'Music', Item: song('Acme', 5) } },
                    { Delete: { TableName: 'Music', Key: acme(5) } },
                ],
            }),
            'ValidationException',
        );
    });
});

describe('numbers', () => {
    before(async () => {
        await call('CreateTable', {
            TableName: 'Numbers',
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [{ AttributeName: 'n', AttributeType: 'N' }],
            KeySchema: [{ AttributeName: 'n', KeyType: 'HASH' }],
        });
        await waitActive('Numbers');
    });

    test('a key put as 1e3 is read back as "1000"', async () => {
        await call('PutItem', {
            TableName: 'Numbers',
            Item: { n: N('1e3'), v: N('0001.50'), big: N('1.0e20'), neg: N('-.5'), set: { NS: ['1.0', '3e0'] } },
        });
        for (const spelling of ['1000', '1e3', '1000.0', '001000', '+1000']) {
            const { Item } = await call('GetItem', { TableName: 'Numbers', Key: { n: N(spelling) }, ConsistentRead: true });
            assert.ok(Item, `GetItem with n=${spelling} finds the item`);
            assert.deepEqual(Item.n, N('1000'), spelling);
        }
        const { Item } = await call('GetItem', { TableName: 'Numbers', Key: { n: N(1000) } });
        assert.deepEqual(Item.v, N('1.5'));
        assert.deepEqual(Item.big, N('100000000000000000000'));
        assert.deepEqual(Item.neg, N('-0.5'));
        assert.deepEqual(Item.set.NS.sort(), ['1', '3']);

        const { Items } = await call('Scan', { TableName: 'Numbers' });
        assert.deepEqual(Items.map((i) => i.n), [N('1000')]);

        const overwritten = await call('PutItem', { TableName: 'Numbers', Item: { n: N('1000.000') }, ReturnValues: 'ALL_OLD' });
        assert.deepEqual(overwritten.Attributes?.n, N('1000'), 'same key by value');
    });

    test('exact decimal arithmetic', async () => {
        const out = await call('UpdateItem', {
            TableName: 'Numbers',
            Key: { n: N(1) },
            UpdateExpression: 'SET x = :a + :b ADD c :c',
            ExpressionAttributeValues: { ':a': N('0.1'), ':b': N('0.2'), ':c': N('12345678901234567890.5') },
            ReturnValues: 'ALL_NEW',
        });
        assert.deepEqual(out.Attributes, { n: N(1), x: N('0.3'), c: N('12345678901234567890.5') });
    });

    test('number key variants in one batch are duplicates', async () => {
        await expectError(
            call('BatchWriteItem', {
                RequestItems: { Numbers: [{ PutRequest: { Item: { n: N('7') } } }, { PutRequest: { Item: { n: N('7.0') } } }] },
            }),
            'ValidationException',
            /duplicates/,
        );
    });

    test('BatchGetItem with number key variants returns the item once', async () => {
        const out = await call('BatchGetItem', { RequestItems: { Numbers: { Keys: [{ n: N('1000') }, { n: N('1e3') }] } } });
        assert.deepEqual(out.Responses.Numbers.map((i) => i.n), [N('1000')]);
    });

    test('invalid numbers are ValidationException', async () => {
        for (const bad of ['NaN', 'dog', '1e126', '12345678901234567890123456789012345678901']) {
            await expectError(call('PutItem', { TableName: 'Numbers', Item: { n: N(bad) } }), 'ValidationException', undefined);
        }
    });
});
