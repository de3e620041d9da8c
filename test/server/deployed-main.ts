import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForHttp } from '../e2e/support/processes';
import {
  newSigningKey,
  startOpenIdMetadataServer,
  type OpenIdMetadataServer,
  type SigningKey,
} from '../support/bot-framework-keys';
import { startMain } from './main-process';

export const DEPLOYED_BOT_ID = '0a1b2c3d-0000-4000-8000-000000000001';
export const DEPLOYED_TENANT = '0a1b2c3d-0000-4000-8000-000000000002';

export interface DeployedMain {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly main: ReturnType<typeof startMain>;
  /** The folder the process was given as its temp folder (TMPDIR), empty at start. */
  readonly tmpDir: string;
  readonly dataDir: string;
  /** The key the Bot Framework stand-in publishes: tokens signed with it are genuine. */
  readonly signing: SigningKey;
  /** Whether the process is still running. */
  alive(): boolean;
  /** The process's resident memory in bytes, as the operating system counts it. */
  residentBytes(): Promise<number>;
  /** Stops the process (SIGTERM), the stand-in, and removes the folders. */
  stop(): Promise<void>;
}

/**
 * The real entry point configured as a deployment is (BOT_ID, a client secret, token checks
 * against a local https stand-in of the Bot Framework's key endpoint, trusted through
 * NODE_EXTRA_CA_CERTS), on the embedded store in a folder of its own and with a temp folder of
 * its own, so a test can see whether a request made it write anything.
 */
export async function startDeployedMain(
  env: Record<string, string> = {},
  signing: SigningKey = newSigningKey('trusted-key'),
): Promise<DeployedMain> {
  const metadata: OpenIdMetadataServer = await startOpenIdMetadataServer([signing]);
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-edge-tmp-'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-edge-data-'));
  const port = await freePort();
  const main = startMain({
    PORT: String(port),
    DATA_DIR: dataDir,
    TMPDIR: tmpDir,
    LOG_LEVEL: 'warn',
    BOT_ID: DEPLOYED_BOT_ID,
    BOT_PASSWORD: 'not-used-in-this-test',
    BOT_TYPE: 'SingleTenant',
    BOT_TENANT_ID: DEPLOYED_TENANT,
    BOT_OPENID_METADATA_URL: metadata.url,
    NODE_EXTRA_CA_CERTS: metadata.certificateFile,
    // tsx keeps compiled sources in the temp folder; `npm start` runs compiled code and keeps none.
    TSX_DISABLE_CACHE: '1',
    ...env,
  });
  const cleanUp = async () => {
    if (main.child.exitCode === null && main.child.signalCode === null) main.child.kill('SIGTERM');
    await main.exited;
    await metadata.close();
    await rm(tmpDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    // Not the log line: the log level is the test's to choose.
    await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000, main.child);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    main,
    tmpDir,
    dataDir,
    signing,
    alive: () => main.child.exitCode === null && main.child.signalCode === null,
    residentBytes: async () => {
      const status = await readFile(`/proc/${main.child.pid}/status`, 'utf8');
      const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
      if (kilobytes === undefined) throw new Error('no VmRSS in /proc/<pid>/status');
      return Number(kilobytes) * 1024;
    },
    stop: cleanUp,
  };
}
