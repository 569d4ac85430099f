/** GitHub I/O shared by the Action and the App. Rules and the engine never import this. */
export { type ClientTuning, createClient, type GitHubClient, type RepoRef, resilienceOptions } from "./client.js";
export { describeApiError, isPermissionError, isRequestError, statusOf } from "./errors.js";
export { type ApiCommit, type ApiPull, commitFactsFromApi, prFactsFromApi } from "./facts.js";
export {
  type FetchedFiles,
  fetchCommits,
  fetchConfig,
  fetchPull,
  fetchPullFiles,
  MAX_PULL_COMMITS,
  MAX_PULL_FILES,
} from "./fetch.js";
export { type ApiPullFile, type ConvertedFiles, changedFilesFromPullFiles } from "./files.js";
export {
  fetchPullContext,
  type GraphQLClient,
  type PullComment,
  type PullContext,
  type PullContextQuery,
} from "./pull-context.js";
