// Entry of dist/viewer/tiff-decoder.js, bundled by esbuild.mjs for the viewer
// webview (a browser page without modules): it exposes UTIF.js, the TIFF
// decoder with CCITT G3/G4 that faxes use, as the global media/viewer/*.js expect.
import * as UTIF from 'utif2';

(globalThis as unknown as { UTIF: typeof UTIF }).UTIF = UTIF;
