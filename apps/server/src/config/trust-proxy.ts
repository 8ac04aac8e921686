// TRUST_PROXY: which proxies in front of the server may tell it the client's address (X-Forwarded-For).
// Unset: none, and the client address is the socket's peer. Trusting every hop (Fastify's `true`) would let any
// client choose its address and so its own sign-in limit; it is refused. So is a hop count: Fastify 5.12 ignores
// one (it cannot tell a proxy from a client that connects directly and forges the header), and silently trusting
// nothing while the operator believes otherwise would count every client as the proxy's address.
import { isIP } from 'node:net';
import { z } from 'zod';

/** What Fastify's `trustProxy` receives: nothing, or the proxies' addresses and CIDR ranges. */
export type TrustedProxies = false | string[];

// proxy-addr's names for ranges: 127.0.0.1/8 and ::1, 169.254.0.0/16 and fe80::/10, private ranges.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

export const trustProxyField = z
  .string()
  .optional()
  .transform((value, ctx): TrustedProxies => {
    if (value === undefined) return false;
    const entries = value.split(',').map((e) => e.trim());
    const wrong = entries.find((e) => !isAddressOrRange(e));
    if (wrong !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${wrong}" is not an IP address, a CIDR range or loopback/linklocal/uniquelocal: name the proxies' addresses (not "true", not a hop count)`,
      });
      return z.NEVER;
    }
    return entries;
  });
