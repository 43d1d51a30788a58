// Written by `npm run fonts:subset`; do not edit. The Persian pages preload this file.
export const VAZIRMATN_URL = '/fonts/vazirmatn-f10d2f66d0.woff2'
