// Cache keys for useResource; mutations invalidate by prefix.
export const keys = {
  me: 'me',
  categories: 'categories',
  people: 'people',
  counts: 'requests:counts',
  requestList: (scope: string, search: string) => `requests:list:${scope}:${search}`,
  queue: (category: string) => `requests:queue:${category}`,
  request: (key: string) => `requests:one:${key}`,
  transitions: (id: number) => `requests:transitions:${id}`,
  comments: (id: number) => `requests:comments:${id}`,
  history: (id: number) => `requests:history:${id}`,
  audit: (id: number) => `requests:audit:${id}`,
  passkeys: 'passkeys',
  sessions: 'sessions',
  teamMembers: 'admin:team_members',
  statusTransitions: 'admin:status_transitions',
  allPeople: 'people:all',
} as const;

/** Everything about requests: lists, counts, single requests, their parts. */
export const REQUESTS_PREFIX = 'requests:';
