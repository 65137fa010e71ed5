// Transitional re-export: the promise machinery now lives in shared/engine/language/promise.ts.
export * from './language/promise.ts';
