// The baseline of cli.compute_vs_exceljs_roundtrip: a Node process that reads a workbook with exceljs and writes it
// back (to another path, so the measured workbook is left as it was), and nothing else.
import ExcelJS from 'exceljs';

const [from, to] = process.argv.slice(2);
if (!from || !to) throw new Error('usage: node exceljs-roundtrip.mjs FROM.xlsx TO.xlsx');
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(from);
await workbook.xlsx.writeFile(to);
