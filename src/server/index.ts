export { buildServer, defaults, defaultWebRoot, examplesFolder, type ServerOptions } from './app.js';
export { startServer, startDefaults, isLoopbackHost, type StartOptions, type RunningServer } from './start.js';
export { ingestInputs, recordsFromInput, withHash, type ApiArticleInput, type FetchPolicy, type IngestOutcome } from './articles.js';
export { aggregateEvents, filterFromQuery, type Aggregates } from './routes.js';
export { toApiError, HttpError, type ApiErrorBody } from './errors.js';
