/**
 * Throwaway database servers for the engine tests, on 127.0.0.1 only and on
 * free ports: a PostgreSQL cluster (Debian's postgresql: initdb + pg_ctl as
 * the postgres user) and a two-shard ClickHouse cluster (Debian's
 * clickhouse-server: two server processes, each its own config, and a
 * remote_servers definition naming both). Every start returns a stop that
 * removes what it created; callers stop in afterAll, also on failure.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, ready: () => Promise<boolean>, tries = 150): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await ready().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} did not start`);
}

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** Debian's PostgreSQL programs, of the newest version installed. */
function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) throw new Error("PostgreSQL is not installed (Debian's postgresql package)");
  return `/usr/lib/postgresql/${versions[versions.length - 1]}/bin`;
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** A PostgreSQL cluster in a temporary folder owned by postgres, trusting loopback connections. */
export async function startPostgres(): Promise<Server> {
  const PG_BIN = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'sellguard-pg-'));
  chmodSync(dir, 0o755);
  const { uid, gid } = postgresIds();
  chownSync(dir, uid, gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const asPostgres = (args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'pipe' });
  const stop = async () => {
    try {
      asPostgres([`${PG_BIN}/pg_ctl`, '-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      /* not running */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    asPostgres([`${PG_BIN}/initdb`, '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C']);
    asPostgres([`${PG_BIN}/pg_ctl`, '-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

function clickhouseConfig(dir: string, ports: { http: number; tcp: number; inter: number }, shards: number[]): string {
  const shardXml = shards.map((p) => `<shard><replica><host>127.0.0.1</host><port>${p}</port></replica></shard>`).join('');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog><console>0</console></logger>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_port>${ports.inter}</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <remote_servers><sellguard>${shardXml}</sellguard></remote_servers>
  <query_log><database>system</database><table>query_log</table><flush_interval_milliseconds>1000</flush_interval_milliseconds></query_log>
</yandex>
`;
}

const USERS = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><log_queries>1</log_queries></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;

export interface ClickhouseCluster extends Server {
  /** The HTTP URL of each shard's server. */
  shards: string[];
  /** The native-protocol port of each shard's server (for clickhouse-client). */
  tcpPorts: number[];
  /** The server processes' ids (to read their CPU time). */
  pids: number[];
  /** The cluster's name in remote_servers. */
  cluster: string;
}

/** Two ClickHouse servers forming the cluster `sellguard` of two shards; the URL is the first server's. */
export async function startClickhouseCluster(): Promise<ClickhouseCluster> {
  const root = mkdtempSync(join(tmpdir(), 'sellguard-ch-'));
  const ports = [];
  for (let i = 0; i < 2; i++) ports.push({ http: await freePort(), tcp: await freePort(), inter: await freePort() });
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([new Promise((r) => child.once('exit', r)), sleep(10_000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    ports.forEach((p, i) => {
      const dir = join(root, `shard${i + 1}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'users.xml'), USERS);
      writeFileSync(join(dir, 'config.xml'), clickhouseConfig(dir, p, ports.map((x) => x.tcp)));
      children.push(spawn('/usr/sbin/clickhouse-server', [`--config-file=${join(dir, 'config.xml')}`], { stdio: 'ignore' }));
    });
    for (const p of ports) await waitFor('clickhouse-server', async () => (await fetch(`http://127.0.0.1:${p.http}/?query=SELECT%201`)).ok);
  } catch (e) {
    await stop();
    throw e;
  }
  const shards = ports.map((p) => `http://127.0.0.1:${p.http}`);
  return { url: shards[0], shards, tcpPorts: ports.map((p) => p.tcp), pids: children.map((c) => c.pid!), cluster: 'sellguard', stop };
}
