import { readFile, writeFile } from 'node:fs/promises';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
const file = process.argv[2]; const scale = Number(process.argv[3] ?? 2);
const data = new Uint8Array(await readFile(file));
let t = performance.now();
const doc = await pdfjs.getDocument({ data, isEvalSupported:false, useSystemFonts:false, verbosity:0 }).promise;
console.log('pages', doc.numPages, (performance.now()-t).toFixed(0));
for (let i=1;i<=doc.numPages;i++){
  t = performance.now();
  const page = await doc.getPage(i);
  const ops = await page.getOperatorList();
  const names = Object.fromEntries(Object.entries(pdfjs.OPS).map(([k,v])=>[v,k]));
  const used = new Set(ops.fnArray.map(f=>names[f]));
  const vp = page.getViewport({scale});
  const cf = doc.canvasFactory;
  const c = cf.create(Math.ceil(vp.width), Math.ceil(vp.height));
  await page.render({canvasContext:c.context, viewport:vp, canvas:c.canvas}).promise;
  const png = c.canvas.toBuffer('image/png');
  await writeFile(`/tmp/ocrh/p${i}.png`, png);
  console.log(i, vp.width, vp.height, [...used].join(','), (performance.now()-t).toFixed(0),'ms');
}
