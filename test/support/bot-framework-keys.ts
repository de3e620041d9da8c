import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { generate } from 'selfsigned';

/** The issuer the Bot Framework puts into tokens it sends to bots. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function newSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** A compact RS256 JWT, signed as the Bot Framework signs its requests to a bot. */
export function signToken(key: SigningKey, claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key.privateKey).toString('base64url');
  return `${unsigned}.${signature}`;
}

/**
 * The claims of a token the Bot Framework sends with a request to the bot `botId` from the
 * channel at `serviceUrl`, valid from a minute ago for an hour; `overrides` makes it wrong in one
 * respect (another audience, issuer, an expired time).
 */
export function botFrameworkClaims(
  botId: string,
  serviceUrl: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: BOT_FRAMEWORK_ISSUER,
    aud: botId,
    serviceurl: serviceUrl,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...overrides,
  };
}

/**
 * A self-signed server certificate for https on 127.0.0.1, made on the spot. Each server of one
 * run takes its own `commonName`: a trust store holding two certificates of one subject may
 * check a chain against the wrong one.
 */
export async function loopbackCertificate(
  commonName: string,
): Promise<{ readonly private: string; readonly cert: string }> {
  return generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
}

/** The OpenID metadata stand-in as a test uses it. */
export interface OpenIdMetadataServer {
  /** https://127.0.0.1:<port>/.well-known/openidconfiguration */
  readonly url: string;
  /** The stand-in's self-signed certificate (PEM), the only thing that makes its https trusted. */
  readonly certificate: string;
  /**
   * A file holding that certificate, for a child process's NODE_EXTRA_CA_CERTS: the bot trusts
   * the stand-in without turning certificate checks off.
   */
  readonly certificateFile: string;
  close(): Promise<void>;
}

/**
 * A local stand-in for the Bot Framework's OpenID metadata endpoint: it publishes the public
 * halves of the given keys, so token validation runs for real without leaving the machine. It
 * speaks https with a certificate made for this run, as the bot only reads signing keys over
 * https outside local mode.
 */
export async function startOpenIdMetadataServer(keys: readonly SigningKey[]): Promise<OpenIdMetadataServer> {
  const pems = await loopbackCertificate('127.0.0.1');
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
    const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    response.setHeader('content-type', 'application/json');
    if (request.url === '/.well-known/openidconfiguration') {
      response.end(
        JSON.stringify({
          issuer: BOT_FRAMEWORK_ISSUER,
          jwks_uri: `${base}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else if (request.url === '/keys') {
      response.end(
        JSON.stringify({
          keys: keys.map((key) => ({
            kty: 'RSA',
            use: 'sig',
            kid: key.kid,
            ...key.publicKey.export({ format: 'jwk' }),
            endorsements: ['msteams'],
          })),
        }),
      );
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const folder = await mkdtemp(path.join(os.tmpdir(), 'gremium-openid-'));
  const certificateFile = path.join(folder, 'openid-stand-in.pem');
  await writeFile(certificateFile, pems.cert);
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/openidconfiguration`,
    certificate: pems.cert,
    certificateFile,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Makes this process trust the certificate in addition to the usual roots, for code that reads
 * over https with Node's global agent (botbuilder fetches signing keys that way). Returns the
 * undo, which a test calls when it is done.
 */
export function trustInThisProcess(certificate: string): () => void {
  const options = https.globalAgent.options;
  const before = options.ca;
  options.ca = [...tls.rootCertificates, certificate];
  return () => {
    if (before === undefined) delete options.ca;
    else options.ca = before;
  };
}
