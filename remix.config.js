// The Remix options live here, in one obvious file; vite.config.ts passes them to the Remix plugin.
/** @type {Partial<import('@remix-run/dev').VitePluginConfig>} */
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  serverModuleFormat: 'esm',
  // Only files under app/routes that look like routes become routes; tests and helpers beside them do not.
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}', '**/__*.*'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}
