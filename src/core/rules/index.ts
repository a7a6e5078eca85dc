export * from './lint';
