// The end-to-end floor: stream a JSONL file line by line and JSON.parse each line.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

let records = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (line.trim()) {
    JSON.parse(line);
    records++;
  }
}
process.stdout.write(`${records}\n`);
