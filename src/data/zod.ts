// zod, configured once, before any schema exists: no code generation. The app runs under a
// Content-Security-Policy without 'unsafe-eval', and zod's fast path would otherwise probe for
// eval (a reported CSP violation) the first time a schema is built. Import z from here.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
