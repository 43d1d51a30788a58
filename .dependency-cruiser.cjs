// The boundaries `npm run lint` checks (README.md, Architecture): layers depend downwards only,
// domains in one direction each, and no module imports itself through others.

/**
 * The domains under app/services, lowest first: each may use the ones before it, never one after.
 * Where a lower domain must react to a higher one, it does so through a job (see
 * `events`). A new domain folder goes into this list at the place its dependencies allow.
 */
const DOMAINS = [
  'events', // what domains announce for others to act on (product changes → search)
  'mail',
  'notifications',
  'audit',
  'media',
  'accounts',
  'catalog',
  'search',
  'reviews',
  'pages',
  'promos',
  'analytics', // sellers' figures and the daily view and cart counters (orders count carts)
  'orders',
  'finance', // commissions' books: shops' ledgers, balances and payouts (orders post through events)
  'wishlist',
  'admin',
]

const domainOrder = DOMAINS.slice(0, -1).map((domain, index) => ({
  name: `domain-order:${domain}`,
  comment: `${domain} may use only ${DOMAINS.slice(0, index).join(', ') || 'infra and utils'} among the domains (.dependency-cruiser.cjs lists the order)`,
  severity: 'error',
  from: { path: `^app/services/${domain}/` },
  to: { path: `^app/services/(${DOMAINS.slice(index + 1).join('|')})/|^app/services/[^/]+$` },
}))

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A module reaches itself through its imports (type-only imports aside)',
      severity: 'error',
      from: { path: '^app/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'unlisted-domain',
      comment:
        'A folder under app/services must have its place in DOMAINS (.dependency-cruiser.cjs)',
      severity: 'error',
      from: { path: `^app/services/(?!(${DOMAINS.join('|')})/)[^/]+/` },
      to: { path: '^app/services/' },
    },
    ...domainOrder,
    {
      name: 'services-below-the-web',
      comment: 'Domain services know nothing of routes, components, HTTP helpers or the server',
      severity: 'error',
      from: { path: '^app/services/' },
      to: { path: '^app/(routes|components|http|server|cli)/|^app/(root|entry\\.[a-z]+)\\.tsx$' },
    },
    {
      name: 'infra-below-the-domains',
      comment: 'Adapters and infrastructure serve the domains and never call them',
      severity: 'error',
      from: { path: '^app/infra/' },
      to: { path: '^app/(services|routes|components|http|server|cli)/|^app/root\\.tsx$' },
    },
    {
      name: 'utils-and-i18n-at-the-bottom',
      comment: 'utils and i18n are used by every layer and use none of them (infra settings aside)',
      severity: 'error',
      from: { path: '^app/(utils|i18n)/' },
      to: { path: '^app/(services|routes|components|http|server|cli)/' },
    },
    {
      name: 'components-without-server-code',
      comment:
        'Components run in the browser: shared schemas and pure logic of a domain, never its .server modules, routes or infrastructure (their types are fine: they are erased)',
      severity: 'error',
      from: { path: '^app/components/' },
      to: {
        path: '\\.server\\.|^app/(routes|http|server|infra|cli)/|^app/root\\.tsx$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'routes-apart',
      comment:
        'A route uses components, HTTP helpers, services and the pieces in its own folder, not another route (the type of the action a form posts to is fine: it is erased)',
      severity: 'error',
      from: { path: '^app/routes/' },
      to: {
        path: '^app/routes/([^/]+|[^/]+/route\\.tsx?)$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'route-pieces-stay-home',
      comment: "The pieces beside a folder route's route.tsx are that page's alone",
      severity: 'error',
      from: { path: '^app/(?!routes/)|^app/routes/[^/]+$' },
      to: { path: '^app/routes/[^/]+/' },
    },
    {
      name: 'nothing-imports-the-cli',
      severity: 'error',
      from: { pathNot: '^app/cli/' },
      to: { path: '^app/cli/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^app/generated/' },
  },
}
