import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'dewan-config-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function refused(env: Record<string, string>, variable: string) {
  assert.throws(
    () => loadConfig({ DATA_DIR: tempDir(), ...env }),
    (error: unknown) =>
      error instanceof ConfigError && error.variable === variable && error.message.startsWith(variable),
  );
}

describe('configuration', () => {
  test('TRUST_PROXY takes a number of proxies or their addresses, never "any"', () => {
    const trust = (value: string | undefined) =>
      loadConfig({ DATA_DIR: tempDir(), ...(value === undefined ? {} : { TRUST_PROXY: value }) }).trustProxy;
    assert.equal(trust(undefined), false);
    assert.equal(trust('false'), false);
    assert.equal(trust('true'), 1, 'true means the one proxy in front of us');
    assert.equal(trust('2'), 2);
    assert.deepEqual(trust('127.0.0.1, 10.0.0.0/8,::1'), ['127.0.0.1', '10.0.0.0/8', '::1']);
    refused({ TRUST_PROXY: 'semua' }, 'TRUST_PROXY');
    refused({ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY');
    refused({ TRUST_PROXY: '127.0.0.1,' }, 'TRUST_PROXY');
  });

  test('the embedded mode needs no variable at all', () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir });
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.databasePoolSize, 10);
    assert.equal(config.listenCopies, 16);
    assert.equal(config.defaultLanguage, 'id');
    assert.equal(config.seedDemo, true);
    assert.equal(config.smtp, undefined);
    assert.equal(config.dataKeys[0]?.length, 32);
  });

  test('missing secrets are generated once, kept private in the data directory, and reused', () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    assert.equal(first.sessionSecret, second.sessionSecret);
    assert.deepEqual(first.dataKeys, second.dataKeys);
    const file = path.join(dir, 'secrets.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).sessionSecret, first.sessionSecret);
    const other = loadConfig({ DATA_DIR: tempDir() });
    assert.notEqual(other.sessionSecret, first.sessionSecret);
    // The Web Push key pair too: a P-256 point and scalar, kept, so subscriptions survive a restart.
    assert.match(first.push?.publicKey ?? '', /^B[A-Za-z0-9_-]{86}$/);
    assert.match(first.push?.privateKey ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(second.push, first.push);
    assert.notEqual(other.push?.publicKey, first.push?.publicKey);
  });

  test('a secrets file from before Web Push gains a key pair and keeps every other secret', () => {
    const dir = tempDir();
    const old = {
      sessionSecret: 'x'.repeat(44),
      dataKey: Buffer.alloc(32, 1).toString('base64'),
      lookupKey: Buffer.alloc(32, 2).toString('base64'),
    };
    writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify(old));
    const config = loadConfig({ DATA_DIR: dir });
    assert.equal(config.sessionSecret, old.sessionSecret);
    const kept = JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8'));
    assert.equal(kept.dataKey, old.dataKey);
    assert.equal(kept.vapidPublicKey, config.push?.publicKey);
  });

  test('on a server, push is off until both VAPID keys are given', () => {
    const server = {
      DATA_DIR: tempDir(),
      DATABASE_URL: 'postgres://localhost/x',
      SESSION_SECRET: 's'.repeat(40),
      DATA_KEYS: Buffer.alloc(32, 3).toString('base64'),
      LOOKUP_KEY: Buffer.alloc(32, 4).toString('base64'),
    };
    assert.equal(loadConfig(server).push, undefined);
    refused({ ...server, VAPID_PUBLIC_KEY: `B${'a'.repeat(86)}` }, 'VAPID_PRIVATE_KEY');
    refused({ ...server, VAPID_PUBLIC_KEY: 'pendek', VAPID_PRIVATE_KEY: 'a'.repeat(43) }, 'VAPID_PUBLIC_KEY');
    refused({ VAPID_SUBJECT: 'dprd@example.org' }, 'VAPID_SUBJECT');
    refused({ PUSH_SERVICES: 'fcm.googleapis.com,/etc/passwd' }, 'PUSH_SERVICES');
    const given = loadConfig({
      ...server,
      VAPID_PUBLIC_KEY: `B${'a'.repeat(86)}`,
      VAPID_PRIVATE_KEY: 'b'.repeat(43),
      VAPID_SUBJECT: 'mailto:it@dprd.example',
    });
    assert.deepEqual(given.push, {
      publicKey: `B${'a'.repeat(86)}`,
      privateKey: 'b'.repeat(43),
      subject: 'mailto:it@dprd.example',
      services: ['fcm.googleapis.com', 'push.services.mozilla.com', 'web.push.apple.com', 'notify.windows.com'],
    });
  });

  test('every bad value is refused with the name of its variable', () => {
    refused({ PORT: 'abc' }, 'PORT');
    refused({ PORT: '70000' }, 'PORT');
    refused({ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL');
    refused({ DATABASE_URL: 'not a url' }, 'DATABASE_URL');
    refused({ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE');
    refused({ DATABASE_POOL_SIZE: '1000' }, 'DATABASE_POOL_SIZE');
    refused({ DATABASE_POOL_SIZE: 'sepuluh' }, 'DATABASE_POOL_SIZE');
    refused({ LISTEN_COPIES: '0' }, 'LISTEN_COPIES');
    refused({ LISTEN_COPIES: '65' }, 'LISTEN_COPIES');
    refused({ PUBLIC_BASE_URL: 'ftp://x' }, 'PUBLIC_BASE_URL');
    refused({ DEFAULT_LANGUAGE: 'fr' }, 'DEFAULT_LANGUAGE');
    refused({ SEED_DEMO: 'maybe' }, 'SEED_DEMO');
    refused({ SEED_COUNCIL: '../etc' }, 'SEED_COUNCIL');
    refused({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL');
    refused({ SESSION_SECRET: 'short' }, 'SESSION_SECRET');
    refused({ DATA_KEYS: 'dG9vc2hvcnQ=' }, 'DATA_KEYS');
    refused({ SMTP_HOST: 'mail.example.org', SMTP_PORT: 'x' }, 'SMTP_PORT');
    refused({ MESSAGE_GATEWAY_URL: 'https://gateway.example/send' }, 'MESSAGE_GATEWAY_TOKEN');
    refused({ MESSAGE_GATEWAY_URL: 'ftp://gateway.example' }, 'MESSAGE_GATEWAY_URL');
    refused({ MESSAGE_GATEWAY_INBOUND_SECRET: 'short' }, 'MESSAGE_GATEWAY_INBOUND_SECRET');
    refused({ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL');
    refused({ S3_BUCKET: 'dewan-uploads' }, 'S3_ACCESS_KEY_ID');
    refused({ S3_BUCKET: 'Bucket_Besar', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' }, 'S3_BUCKET');
    refused(
      { S3_BUCKET: 'dewan-uploads', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b', S3_PREFIX: 'tanpa-garis' },
      'S3_PREFIX',
    );
    refused({ REDIS_PREFIX: 'spasi tidak boleh' }, 'REDIS_PREFIX');
    refused(
      {
        MESSAGE_GATEWAY_URL: 'https://gateway.example/send',
        MESSAGE_GATEWAY_TOKEN: 't',
        MESSAGE_GATEWAY_CHANNELS: 'fax',
      },
      'MESSAGE_GATEWAY_CHANNELS',
    );
    refused({ ASPIRATION_REOPEN_DAYS: '400' }, 'ASPIRATION_REOPEN_DAYS');
    refused({ MAP_TILE_URL: 'https://tiles.example/peta.png' }, 'MAP_TILE_URL');
  });

  test('a server database needs its secrets set, not generated', () => {
    refused({ DATABASE_URL: 'postgres://localhost/dewan' }, 'SESSION_SECRET');
    refused({ DATABASE_URL: 'postgres://localhost/dewan', SESSION_SECRET: 'x'.repeat(40) }, 'DATA_KEYS');
    const key = Buffer.alloc(32, 1).toString('base64');
    const old = Buffer.alloc(32, 2).toString('base64');
    refused(
      { DATABASE_URL: 'postgres://localhost/dewan', SESSION_SECRET: 'x'.repeat(40), DATA_KEYS: key },
      'LOOKUP_KEY',
    );
    const config = loadConfig({
      DATABASE_URL: 'postgres://localhost/dewan',
      SESSION_SECRET: 'x'.repeat(40),
      DATA_KEYS: `${key},${old}`,
      LOOKUP_KEY: key,
    });
    assert.equal(config.dataKeys.length, 2, 'old keys stay readable after a rotation');
  });

  test('SMTP settings are read when a host is given', () => {
    const config = loadConfig({
      DATA_DIR: tempDir(),
      SMTP_HOST: 'mail.example.org',
      SMTP_PORT: '2525',
      SMTP_FROM: 'DPRD <dprd@example.org>',
    });
    assert.deepEqual(config.smtp, {
      host: 'mail.example.org',
      port: 2525,
      secure: false,
      user: undefined,
      password: undefined,
      from: 'DPRD <dprd@example.org>',
    });
  });

  test('the server refuses to start on a bad value and names the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: 'delapan ribu', DATA_DIR: tempDir() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 78);
    assert.match(result.stderr, /Configuration error: PORT: expected a whole number/);
  });
});
