// Passwords, hashed with Argon2id (@node-rs/argon2: a maintained binding of the reference
// implementation, prebuilt for each platform, so npm ci needs no compiler). The cap on length
// keeps a sign-in from being a way to make the server hash megabytes.
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

/** Argon2id with OWASP's second recommended setting (19 MiB, 2 passes, 1 lane). */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Why a new password cannot be used; null when it can. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `a password may have at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

/**
 * Whether `password` is the one hashed. A hash of a made-up password stands in for a missing
 * person, so an unknown username takes as long as a wrong password and cannot be told apart.
 */
export async function passwordMatches(password: string, passwordHash: string | null): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const matches = await verify(passwordHash ?? (await standInHash()), password).catch(() => false);
  return matches && passwordHash !== null;
}

let standIn: Promise<string> | null = null;
const standInHash = () => (standIn ??= hashPassword('not anyone’s password'));
