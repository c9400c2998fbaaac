export type ChromiumSearch = { path: string; source: string } | { path: undefined; looked: string[] };
export function findChromium(env?: NodeJS.ProcessEnv): ChromiumSearch;
export function browserRequired(env?: NodeJS.ProcessEnv): boolean;
export const HOW_TO_GET_ONE: string;
