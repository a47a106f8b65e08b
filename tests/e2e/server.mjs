// SPDX-License-Identifier: MIT
// Starts `shardscope serve` for the end-to-end tests and stops it again.
//
//   const server = await startServer();                       // serve --memory --port 0
//   const server = await startServer({ workspace: file });    // serve --workspace FILE --port 0
//   ... server.url ...
//   await server.stop();                                      // SIGTERM, wait, exit code
//
// The binary comes from $SHARDSCOPE_BIN (CTest sets it to the built target). Every started server
// is also remembered so that `stopAll()` and the process 'exit' hook can kill whatever a failing
// test left behind: no test run leaves a server running.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const READY_LINE = /is serving the DynamoDB API on (http:\/\/\S+)/;
const running = new Set();

function killAllNow() {
    for (const child of running) {
        try {
            child.kill('SIGKILL');
        } catch {
            // already gone
        }
    }
}
process.on('exit', killAllNow);
// Interrupted or terminated test runs take their servers with them, then die of the same signal.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
        killAllNow();
        process.kill(process.pid, signal);
    });
}

/** Throws a clear error unless `npm ci` has been run in tests/e2e. */
export function requireNodeModules() {
    const require = createRequire(import.meta.url);
    try {
        require.resolve('@aws-sdk/client-dynamodb');
    } catch {
        throw new Error(
            `The AWS SDK is not installed in ${path.join(here, 'node_modules')}.\n` +
                'Run scripts/setup (or `cd tests/e2e && npm ci`) first.',
        );
    }
}

/** Imports the AWS SDK's DynamoDB client after checking that it is installed. */
export async function loadSdk() {
    requireNodeModules();
    // The pinned SDK works on node 20; its notice about future releases needing node 22 is noise here.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    return import('@aws-sdk/client-dynamodb');
}

/** Imports the AWS SDK's DynamoDB Streams client after checking that it is installed. */
export async function loadStreamsSdk() {
    requireNodeModules();
    const require = createRequire(import.meta.url);
    try {
        require.resolve('@aws-sdk/client-dynamodb-streams');
    } catch {
        throw new Error(
            `The AWS SDK's DynamoDB Streams client is not installed in ${path.join(here, 'node_modules')}.\n` +
                'Run scripts/setup (or `cd tests/e2e && npm ci`) first.',
        );
    }
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    return import('@aws-sdk/client-dynamodb-streams');
}

/** The server binary from $SHARDSCOPE_BIN, checked. */
export function serverBinary() {
    const binary = process.env.SHARDSCOPE_BIN;
    if (!binary) {
        throw new Error(
            'SHARDSCOPE_BIN is not set: point it at the built shardscope executable, e.g.\n' +
                '  SHARDSCOPE_BIN=build/dev/app/shardscope node --test tests/e2e/sdk.test.mjs',
        );
    }
    if (!existsSync(binary)) throw new Error(`SHARDSCOPE_BIN=${binary} does not exist`);
    return binary;
}

/** A fresh temporary directory and a function that removes it. */
export function tempDir(prefix = 'shardscope-e2e-') {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts the server and resolves once it prints its URL.
 * @param {object} [options]
 * @param {string} [options.workspace] workspace file; in memory when absent
 * @param {number} [options.timeoutMs] how long to wait for the "is serving" line
 * @returns {Promise<{url: string, process: import('node:child_process').ChildProcess,
 *           stdout: () => string, stderr: () => string,
 *           stop: (signal?: string) => Promise<{code: number|null, signal: string|null}>,
 *           exited: Promise<{code: number|null, signal: string|null}>}>}
 */
export async function startServer({ workspace, timeoutMs = 15000 } = {}) {
    const binary = serverBinary();
    const args = ['serve', ...(workspace ? ['--workspace', workspace] : ['--memory']), '--port', '0'];
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);

    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => (stderr += chunk));

    const exited = new Promise((resolve) => {
        child.on('exit', (code, signal) => {
            running.delete(child);
            resolve({ code, signal });
        });
    });

    const describe = () =>
        `${binary} ${args.join(' ')}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;

    let url;
    try {
        url = await new Promise((resolve, reject) => {
            const timer = setTimeout(
                () => reject(new Error(`server did not report its URL within ${timeoutMs} ms:\n${describe()}`)),
                timeoutMs,
            );
            child.stdout.on('data', (chunk) => {
                stdout += chunk;
                const match = READY_LINE.exec(stdout);
                if (match) {
                    clearTimeout(timer);
                    resolve(match[1]);
                }
            });
            child.on('error', (error) => {
                clearTimeout(timer);
                reject(new Error(`cannot start the server: ${error.message}\n${describe()}`));
            });
            exited.then(({ code, signal }) => {
                clearTimeout(timer);
                reject(new Error(`server exited (code ${code}, signal ${signal}) before serving:\n${describe()}`));
            });
        });
    } catch (error) {
        child.kill('SIGKILL');
        await exited;
        throw error;
    }

    let stopping;
    const stop = (signal = 'SIGTERM', graceMs = 10000) => {
        if (!stopping) {
            stopping = (async () => {
                if (child.exitCode === null && child.signalCode === null) child.kill(signal);
                const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
                const result = await exited;
                clearTimeout(timer);
                return result;
            })();
        }
        return stopping;
    };

    return {
        url,
        process: child,
        stdout: () => stdout,
        stderr: () => stderr,
        exited,
        stop,
    };
}

/** Kills every server still running (for after() hooks). */
export async function stopAll() {
    const waits = [];
    for (const child of running) {
        waits.push(new Promise((resolve) => child.once('exit', resolve)));
        child.kill('SIGKILL');
    }
    await Promise.all(waits);
}

/** Asserts that `promise` rejects with the DynamoDB error `name` (HTTP 400, a client fault);
 * returns the error. */
export async function expectError(promise, name, message) {
    let error;
    try {
        await promise;
    } catch (caught) {
        error = caught;
    }
    assert.ok(error, `expected ${name}, but the call succeeded`);
    assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
    assert.equal(error.$metadata?.httpStatusCode, 400, `${name} should be HTTP 400`);
    assert.equal(error.$fault, 'client');
    if (message) assert.match(error.message, message);
    return error;
}
