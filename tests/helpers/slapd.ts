import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// A private OpenLDAP server for the tests of LDAP sign-in (issue 17 §2): Debian's slapd started on
// 127.0.0.1 at a free port with its own slapd.conf and database in a temporary directory (the package's
// own service is never needed), loaded with tests/fixtures/ldap/directory.ldif, stopped and removed after.

const SLAPD = ['/usr/sbin/slapd', '/usr/local/sbin/slapd'].find((p) => existsSync(p)) ?? null;
const LDAPADD = ['/usr/bin/ldapadd', '/usr/local/bin/ldapadd'].find((p) => existsSync(p)) ?? null;
const LDAPMODIFY = LDAPADD?.replace(/ldapadd$/, 'ldapmodify');
const MODULES = ['/usr/lib/ldap', '/usr/lib/x86_64-linux-gnu/ldap', '/usr/lib/openldap'].find((p) =>
  existsSync(p),
);
const SCHEMAS = ['/etc/ldap/schema', '/etc/openldap/schema'].find((p) => existsSync(p));

/** slapd and its client tools are installed (CI installs them: .ci/run). */
export const slapdAvailable = SLAPD !== null && LDAPADD !== null && SCHEMAS !== undefined;

/**
 * Whether the LDAP tests run: without slapd they are skipped with a loud notice on a developer's
 * machine, but under CI=true a missing slapd fails the run (a tier must never vanish silently).
 */
export function ldapTestsEnabled(): boolean {
  if (slapdAvailable) return true;
  if (process.env.CI) {
    throw new Error(
      'slapd is not installed, and CI must run the LDAP tests: apt-get install slapd ldap-utils',
    );
  }
  console.warn(
    '\n*** LDAP sign-in tests SKIPPED: slapd is not installed (apt-get install slapd ldap-utils) ***\n',
  );
  return false;
}

export const FIXTURE_LDIF = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/ldap/directory.ldif',
);
export const SUFFIX = 'dc=opora,dc=test';
export const ROOT_DN = `cn=admin,${SUFFIX}`;
export const ROOT_PASSWORD = 'admin-secret';
/** The fixture's service account (LDAP_BIND_DN / LDAP_BIND_PASSWORD). */
export const READER_DN = `cn=opora-reader,ou=services,${SUFFIX}`;
export const READER_PASSWORD = 'reader-secret';
export const OPERATORS_GROUP = `cn=opora-regional-operators,ou=groups,${SUFFIX}`;

export type Slapd = {
  url: string;
  port: number;
  /** With `tls`: the ldaps:// address and the PEM of the test CA that signed the server's certificate. */
  ldapsUrl?: string;
  caFile?: string;
  stop: () => Promise<void>;
};

export type SlapdOptions = {
  /** The memberof overlay: entries carry memberOf (as Active Directory's do). Off: only groups' member. */
  memberOf?: boolean;
  /** A certificate of a test CA (openssl): ldaps:// on a second port and StartTLS on the first. */
  tls?: boolean;
  ldif?: string;
};

export async function startSlapd(options: SlapdOptions = {}): Promise<Slapd> {
  if (!SLAPD || !LDAPADD || !SCHEMAS || !MODULES) throw new Error('slapd is not installed');
  const dir = mkdtempSync(path.join(tmpdir(), 'opora-slapd-'));
  mkdirSync(path.join(dir, 'data'));
  const port = await freePort();
  const memberOf = options.memberOf ?? true;
  const tls = options.tls ? await makeCertificates(dir) : null;
  writeFileSync(
    path.join(dir, 'slapd.conf'),
    [
      ...['core', 'cosine', 'inetorgperson'].map((s) => `include ${SCHEMAS}/${s}.schema`),
      `modulepath ${MODULES}`,
      'moduleload back_mdb',
      memberOf ? 'moduleload memberof' : '',
      `pidfile ${dir}/slapd.pid`,
      `argsfile ${dir}/slapd.args`,
      // A DN with an empty password binds as nobody and «succeeds», as some Active Directory setups
      // allow: the trap the sign-in must refuse before asking the directory.
      'allow bind_anon_dn',
      'database mdb',
      'maxsize 10485760',
      `suffix "${SUFFIX}"`,
      `rootdn "${ROOT_DN}"`,
      `rootpw ${ROOT_PASSWORD}`,
      `directory ${dir}/data`,
      memberOf ? 'overlay memberof' : '',
      'access to attrs=userPassword by anonymous auth by * none',
      'access to * by * read',
      ...(tls
        ? [
            `TLSCACertificateFile ${tls.caFile}`,
            `TLSCertificateFile ${dir}/server.pem`,
            `TLSCertificateKeyFile ${dir}/server.key`,
          ]
        : []),
      '',
    ].join('\n'),
  );
  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = tls ? `ldaps://127.0.0.1:${tls.port}` : undefined;
  const listen = [`${url}/`, ...(ldapsUrl ? [`${ldapsUrl}/`] : [])].join(' ');
  const child = spawn(SLAPD, ['-f', path.join(dir, 'slapd.conf'), '-h', listen, '-d', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => log);
    if (tls) await waitForPort(tls.port, child, () => log);
    // Added online (not by slapadd) so that the memberof overlay fills memberOf.
    await run(LDAPADD, [
      '-x',
      '-H',
      url,
      '-D',
      ROOT_DN,
      '-w',
      ROOT_PASSWORD,
      '-f',
      options.ldif ?? FIXTURE_LDIF,
    ]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, ldapsUrl, caFile: tls?.caFile, stop };
}

/** A throw-away CA and a server certificate for 127.0.0.1 signed by it. */
async function makeCertificates(dir: string) {
  const ssl = (...args: string[]) => run('openssl', args);
  await ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Opora test CA',
    '-keyout',
    `${dir}/ca.key`,
    '-out',
    `${dir}/ca.pem`,
  );
  await ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    `${dir}/server.key`,
    '-out',
    `${dir}/server.csr`,
  );
  writeFileSync(`${dir}/ext.cnf`, 'subjectAltName=IP:127.0.0.1\n');
  await ssl(
    'x509',
    '-req',
    '-in',
    `${dir}/server.csr`,
    '-CA',
    `${dir}/ca.pem`,
    '-CAkey',
    `${dir}/ca.key`,
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    `${dir}/ext.cnf`,
    '-out',
    `${dir}/server.pem`,
  );
  return { caFile: `${dir}/ca.pem`, port: await freePort() };
}

/** Applies an LDIF change (ldapmodify as the directory's root), e.g. removing a member from a group. */
export async function modifyDirectory(slapd: Slapd, ldif: string): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'opora-ldif-')), 'change.ldif');
  writeFileSync(file, ldif);
  try {
    if (!LDAPMODIFY) throw new Error('ldapmodify is not installed');
    await run(LDAPMODIFY, ['-x', '-H', slapd.url, '-D', ROOT_DN, '-w', ROOT_PASSWORD, '-f', file]);
  } finally {
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 20_000 }, (err, _out, stderr) =>
      err ? reject(new Error(`${path.basename(cmd)} failed: ${stderr || err.message}`)) : resolve(),
    );
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`slapd exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`slapd did not listen on ${port}: ${log()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
