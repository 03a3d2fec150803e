/** Re-renders docs/BENCHMARKS.md (+ .json, .svg) from a results file: `tsx bench/render.ts bench/last-run.json`. */
import { readFileSync } from 'node:fs';
import { renderReport, type Results } from './report';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/render.ts bench/last-run.json (or bench/results/<timestamp>.json)');
renderReport(JSON.parse(readFileSync(file, 'utf-8')) as Results);
