/** Node flags whose value is the next word, e.g. `node -r dotenv/config src/server.js`. */
const FLAGS_WITH_VALUE = new Set([
  '-r',
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '--env-file',
  '-C',
  '--conditions',
]);

/**
 * The script file of the first `node …` call in an npm script
 * (`node --enable-source-maps dist/main.js` → `dist/main.js`); undefined when there is none.
 */
export function parseStartScript(script: string): string | undefined {
  for (const segment of script.split(/&&|\|\||;/)) {
    const words = segment.trim().split(/\s+/);
    const node = words.indexOf('node');
    if (node === -1) continue;
    for (let index = node + 1; index < words.length; index++) {
      const word = words[index];
      if (FLAGS_WITH_VALUE.has(word)) index++;
      else if (!word.startsWith('-')) return word.replace(/^\.\//, '');
    }
  }
  return undefined;
}
