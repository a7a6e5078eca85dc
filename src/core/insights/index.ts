export * from './record';
export * from './compute';
export * from './text';
export * from './charts';
export * from './report';
export * from './messages';
