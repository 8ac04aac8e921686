// Password hashing with argon2id (OWASP's first choice), through a prebuilt native binding.
import { hash, verify } from '@node-rs/argon2';

// Algorithm is an ambient const enum that type stripping cannot read: 2 is Algorithm.Argon2id.

const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** How sign-up and sign-in hash and check passwords; tests wrap it to count the checks a server really makes. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

export const argon2Passwords: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

/** A hash of a random password, verified against when the email is unknown so both paths take the same time. */
export const DUMMY_HASH_PROMISE = hashPassword('switchboard-timing-equaliser');
