// Prints what sms-segments-calculator says about each message, as TSV:
//   line <TAB> encoding <TAB> segments <TAB> units
// (units: septets for GSM-7, UTF-16 code units for UCS-2, user data headers excluded).
//
//   node segments_oracle.js corpus FILE   lines "label<TAB>message" (SMS Spam Collection)
//   node segments_oracle.js lines FILE    one message per line
//   node segments_oracle.js cases FILE    a JSON array of message strings (line = index + 1)
// With --time, the seconds spent in the calculator are printed on stderr.
'use strict';
const fs = require('fs');
const { SegmentedMessage } = require('sms-segments-calculator');

const [mode, file, flag] = process.argv.slice(2);
if (!['corpus', 'lines', 'cases'].includes(mode) || !file) {
  process.stderr.write('usage: node segments_oracle.js corpus|lines|cases FILE [--time]\n');
  process.exit(2);
}

let messages;
if (mode === 'cases') {
  messages = JSON.parse(fs.readFileSync(file, 'utf8'));
} else {
  const text = fs.readFileSync(file, 'utf8');
  messages = text.split('\n');
  if (messages.length > 0 && messages[messages.length - 1] === '') messages.pop();
  if (mode === 'corpus') {
    messages = messages.map((line) => line.slice(line.indexOf('\t') + 1));
  }
}

const started = process.hrtime.bigint();
const rows = new Array(messages.length);
for (let i = 0; i < messages.length; i++) {
  const m = new SegmentedMessage(messages[i]);
  const bitsPerUnit = m.encodingName === 'GSM-7' ? 7 : 16;
  rows[i] = `${i + 1}\t${m.encodingName}\t${m.segmentsCount}\t${m.messageSize / bitsPerUnit}`;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(rows.join('\n') + (rows.length ? '\n' : ''));
if (flag === '--time') process.stderr.write(`${seconds}\n`);
