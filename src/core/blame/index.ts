// The blame detector: a clause reading of each sentence (detect.ts), findings with checked rewordings (findBlame.ts).
export type { BlameCategory, BlameMatch } from './detect';
export { compileUserPatterns } from './userPatterns';
export { BLAME_CATEGORIES, type BlameOptions, findBlameWording, MAX_REWORDINGS } from './findBlame';
