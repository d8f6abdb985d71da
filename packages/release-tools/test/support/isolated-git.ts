/**
 * For git commands that write to the tests' throwaway repositories: without the developer's own configuration,
 * whose `commit.gpgsign`, hooks or templates would make a commit there sign (and fail, or prompt) or run hooks.
 */
export const ISOLATED_GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
