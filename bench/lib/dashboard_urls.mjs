// bench/lib/dashboard_urls.mjs: the dashboard API requests the benchmarks send, with the
// filters a user picks (positions, groups, kanca, metrics, tabs, Grafik Harian views), drawn
// from a small deterministic generator so two runs ask for the same things.

export const GROUP_SEGMENTS = {
  SME: ['MEDIUM', 'SMALL NCC', 'CC', 'KUR'],
  MEDIUM: ['MEDIUM'],
  SMALL_KUR: ['SMALL NCC', 'CC', 'KUR'],
  SMALL: ['SMALL NCC', 'CC'],
  SMALL_NCC: ['SMALL NCC'],
  CC: ['CC'],
  KUR: ['KUR'],
};
export const GROUPS = Object.keys(GROUP_SEGMENTS);
export const METRICS = ['os', 'dpk', 'dpk_pct', 'npl', 'npl_pct', 'lr', 'lr_pct', 'lar', 'lar_pct', 'nsb'];
export const SUMMARY_TABS = ['konsol', 'only', 'medium'];
export const DAILY_VIEWS = ['daily', 'compare', 'monthly'];

// { random(n): 0..n-1, pick(list) }, the same sequence for the same seed.
export function seededRandom(seed) {
  let state = seed;
  const random = (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  return { random, pick: (list) => list[random(list.length)] };
}

// A loaded position as users pick them: often one of the 20 latest, sometimes any.
// `positions` newest first, as /api/v1/positions lists them.
export function somePosition({ random, pick }, positions) {
  return random(2) ? positions[random(Math.min(20, positions.length))] : pick(positions);
}

// The kanca ids of a /api/v1/positions answer (those with a code).
export const kancaIds = (listing) => listing.kancas.filter((k) => k.code).map((k) => k.id);

export const dashboardPath = {
  positions: () => '/api/v1/positions',
  home: () => '/api/v1/dashboard/home',
  os: ({ group, metric, position }) => `/api/v1/dashboard/os?group=${group}&metric=${metric}&position=${position}`,
  summary: ({ tab, kanca, position }) => `/api/v1/dashboard/summary?tab=${tab}&kanca=${kanca}&position=${position}`,
  daily: ({ view, group, kanca }) => `/api/v1/dashboard/daily?view=${view}&group=${group}&kanca=${kanca}`,
};
