export * from './workspaceIndex';
