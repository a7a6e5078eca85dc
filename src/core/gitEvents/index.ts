export * from './git';
export * from './insert';
