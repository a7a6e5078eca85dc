export * from './glossary';
