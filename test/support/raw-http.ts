import net from 'node:net';

/** What came back on one connection, read until the server closed it. */
export interface RawAnswer {
  /** The status of the final answer (after any 1xx), or undefined if the server closed without one. */
  readonly status: number | undefined;
  /** Everything the server sent, as latin1 text. */
  readonly text: string;
  /** The final answer's body (after its header block). */
  readonly body: string;
  /** Whether the server neither answered nor closed within the deadline. */
  readonly hung: boolean;
}

export interface RawExchangeOptions {
  /** Ends our side of the connection after writing (a client that hangs up). */
  readonly hangUp?: boolean;
  /** Gives up after this long and reports `hung`; 10 s unless given. */
  readonly deadlineMs?: number;
  /** Called with the open socket after the request was written, e.g. to keep trickling a body. */
  readonly then?: (socket: net.Socket) => void;
}

/**
 * Sends bytes exactly as given on a fresh connection and reads until the server closes it. For
 * requests fetch will not send: broken framing, compressed or endless bodies, lengths that lie.
 * The server may close while we still write (it refused early); that is an answer, not an error.
 */
export function rawExchange(
  port: number,
  request: ReadonlyArray<string | Buffer>,
  options: RawExchangeOptions = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (hung: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      // Interim answers (100 Continue) come first; the status is the final answer's.
      const final = text.replace(/^(HTTP\/1\.[01] 1\d\d[^\r]*\r\n(?:[^\r]+\r\n)*\r\n)+/, '');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(final)?.[1];
      const bodyStart = final.indexOf('\r\n\r\n');
      resolve({
        status: status === undefined ? undefined : Number(status),
        text,
        body: bodyStart < 0 ? '' : final.slice(bodyStart + 4),
        hung,
      });
    };
    const deadline = setTimeout(() => settle(true), options.deadlineMs ?? 10_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.once('close', () => settle(false));
    socket.once('connect', () => {
      for (const part of request) socket.write(part);
      if (options.hangUp) socket.end();
      options.then?.(socket);
    });
  });
}

/** A request head: the request line, the headers in order, and the blank line that ends them. */
export function requestHead(
  method: string,
  target: string,
  headers: ReadonlyArray<readonly [string, string | number]>,
): string {
  return `${method} ${target} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}
