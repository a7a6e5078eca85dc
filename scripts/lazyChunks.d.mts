// Types of scripts/lazyChunks.mjs, for the bench and the profiler (TypeScript).
import type { BuildOptions, BuildResult, Plugin } from 'esbuild';

export const LAZY_CHUNKS: Record<string, string>;
export function lazyChunks(args: { root: string; outdir: string; options: BuildOptions; chunks?: Record<string, string> }): Promise<{ plugin: Plugin; files: string[]; inputs: Record<string, string[]> }>;
export function buildNodeExtension(args: { root: string; outdir: string; common: BuildOptions; lazy?: boolean; metafile?: boolean }): Promise<{ result: BuildResult<{ metafile: true }>; chunkFiles: string[]; chunkInputs: Record<string, string[]> }>;
export function nodeExtensionWatchOptions(args: { common: BuildOptions }): BuildOptions;
