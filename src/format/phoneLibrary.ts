import type * as PhoneLibrary from 'libphonenumber-js/min';

/**
 * libphonenumber-js with its metadata (about 120 KB), required on first use:
 * the build turns this require into a separate file (dist/phonenumbers.js),
 * so activation neither parses nor evaluates it (require caches it).
 */
export function phoneLibrary(): typeof PhoneLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load the build maps to dist/phonenumbers.js.
  return require('libphonenumber-js/min');
}
