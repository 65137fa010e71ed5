// Ambient types for the client under plain `tsc`: Svelte's runes ($state, $derived...) and
// `*.svelte` component modules, and Vite's asset imports (the global stylesheet).
/// <reference types="svelte" />
/// <reference types="vite/client" />
