import { createWorker, OEM, PSM } from 'tesseract.js';
import { readFile } from 'node:fs/promises';
const [,, dir, ...imgs] = process.argv;
let t = performance.now();
const w = await createWorker('chi_sim', OEM.LSTM_ONLY, { langPath: `node_modules/@tesseract.js-data/chi_sim/${dir}`, gzip: true, cacheMethod: 'none' });
console.log('init', (performance.now()-t).toFixed(0));
await w.setParameters({ preserve_interword_spaces: '1', tessedit_pageseg_mode: PSM.SINGLE_COLUMN });
for (const img of imgs) {
  t = performance.now();
  const r = await w.recognize(await readFile(img), {}, { text: true, blocks: true });
  console.log(img, (performance.now()-t).toFixed(0), 'ms conf', r.data.confidence);
  console.log(r.data.text);
}
await w.terminate();
