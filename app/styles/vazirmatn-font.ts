// Written by `npm run fonts:subset`; do not edit. The Persian pages preload this file: the
// face's Persian half (app/cli/subset-fonts.mjs).
export const VAZIRMATN_URL = '/fonts/vazirmatn-persian-b981d4a95a.woff2'
