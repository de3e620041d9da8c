/**
 * The layering described in docs/architecture.md ("Layers and dependency rules"): arrows point
 * inwards only. `npm run lint` (and so `npm test`) runs this over src/; test/architecture proves
 * each rule fires on a violation.
 */
const SDKS =
  '^(botbuilder|botbuilder-[a-z-]+|botframework-[a-z-]+|@microsoft/teams-ai|@azure/[^/]+|restify|better-sqlite3|pino)(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules of the cycle: plain TypeScript and luxon, no I/O, no SDK, no outer layer.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '(^|/)node_modules/luxon/', '^luxon$'] },
    },
    {
      name: 'app-uses-ports-not-adapters',
      comment: 'Use cases talk to ports; the Teams SDK, Azure, restify and the adapters stay outside.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: ['^src/(bot|cards|infra|server|i18n)/'] },
    },
    {
      name: 'app-and-domain-without-sdks',
      comment: 'Neither use cases nor domain may import the Teams SDK, Azure, restify or storage engines.',
      severity: 'error',
      from: { path: '^src/(app|domain)/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'], path: SDKS },
    },
    {
      name: 'app-and-domain-without-sdks-by-name',
      comment: 'The same rule for modules that cannot be resolved (a missing package must not slip through).',
      severity: 'error',
      from: { path: '^src/(app|domain)/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'only-the-server-wires',
      comment: 'The composition root (src/server) builds everything; nothing imports it.',
      severity: 'error',
      from: { pathNot: '^src/server/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'cards-do-not-reach-outwards',
      comment: 'Cards render views; they do not call the bot, adapters or the server.',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: { path: '^src/(bot|infra|server)/' },
    },
    {
      name: 'runtime-without-dev-dependencies',
      comment:
        'The App Service package has production dependencies only (npm ci --omit=dev), so code that runs ' +
        'there must not load a devDependency; type-only imports are erased by the compiler.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'runtime-packages-declared',
      comment:
        'A package that package.json does not name (a dependency of a dependency) may be absent or another ' +
        'version in production; src imports only packages it declares.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Only the compiled output is left out: excluding node_modules as well would drop every
    // dependency on a package, and with it the rules above that name packages.
    exclude: { path: '^dist/' },
  },
};
