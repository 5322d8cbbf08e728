export * from './coverage.js';
export * from './signals.js';
