// Imported first by main.tsx, before any module that parses with zod (core/reference.ts checks its
// tables as it loads). The page's Content-Security-Policy forbids eval, so zod's compiled validators
// can never run here; saying so up front stops zod probing with `new Function`, which the browser
// reports as a CSP violation on every page load even though zod catches the error.
import { config } from 'zod';

config({ jitless: true });
