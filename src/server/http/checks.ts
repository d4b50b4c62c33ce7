// Checking what a request carries, with zod (the schemas files are checked with, where they
// apply): a refusal is a 400 whose message says where the problem is.
import type { z } from 'zod';
import { HttpError } from './policy';
import { issuesOf } from '../../data/validate';

export const SCENARIO_ID = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** The value, checked; a 400 naming the first problems otherwise. */
export function checked<S extends z.ZodType>(schema: S, value: unknown, what = 'the body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error, '');
  throw new HttpError(400, `${what} is not right: ${issues.slice(0, 5).map((issue) => (issue.location ? `${issue.location}: ${issue.message}` : issue.message)).join('; ')}`);
}
