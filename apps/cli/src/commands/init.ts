/**
 * `sellguard init [FOLDER]`: a project to start from — a config, one small
 * policy with examples, sample data, and npm scripts. It never overwrites: if
 * any file it would write exists, it writes nothing and says which.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError, EXIT } from '../io.js';
import { CONFIG_FILE } from '../options/config.js';

const POLICY = `# Messages to buyers: no contact details, no shouting.
# Source: Amazon Buyer-Seller Communication Guidelines.

policy messages "Messages to buyers"
  source "Amazon Buyer-Seller Communication Guidelines"
  version "1.0"
  input Message

## One message a seller wants to send.
record Message {
  ## The Amazon order the message is about.
  orderId: string from "order-id", "order_id"
  ## The text of the message.
  body: text from "message", "text"
}

rule email-address error "Remove the email address {matched}" {
  forbid emails(body)
  hint "Buyers reach you through Amazon messaging; do not give an email address."
  fix remove
}

rule shouting warning "Do not write in capitals" {
  forbid body matches "[A-Z]{6,}"
}

example "an email address" {
  given { orderId: "113-5550123-4567890", body: "Write to help@example.com" }
  expect email-address
}

example "a polite message" {
  given { orderId: "113-5550123-4567890", body: "Your parcel ships today." }
  expect nothing
}
`;

const DATA = [
  { orderId: '113-5550123-4567890', body: 'Your parcel ships today. Thank you for your order.' },
  { orderId: '113-5550123-4567891', body: 'Any question? Write to help@example.com and we answer fast.' },
  { orderId: '113-5550123-4567892', body: 'PLEASE confirm your address so we can ship.' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

const CONFIG = {
  policies: ['policies/*.policy'],
  inputs: ['data/*.jsonl'],
  format: ['text'],
  failOn: 'error',
};

const SCRIPTS = { 'sellguard:check': 'sellguard check', 'sellguard:test': 'sellguard test policies' };

export function initCommand(folder: string): number {
  const files: Record<string, string> = {
    [CONFIG_FILE]: `${JSON.stringify(CONFIG, null, 2)}\n`,
    'policies/messages.policy': POLICY,
    'data/messages.jsonl': `${DATA}\n`,
  };
  const existing = Object.keys(files).filter((f) => existsSync(join(folder, f)));
  const pkgPath = join(folder, 'package.json');
  let pkg: Record<string, unknown> | undefined;
  if (existsSync(pkgPath)) {
    try {
      pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new CliError(`${pkgPath} is not valid JSON; fix it first, then run sellguard init again`);
    }
    const scripts = (pkg.scripts ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(SCRIPTS)) if (name in scripts) existing.push(`package.json (script "${name}")`);
    if ('sellguard' in pkg) existing.push('package.json ("sellguard" config)');
  }
  if (existing.length > 0) {
    throw new CliError(`nothing was written, because these already exist: ${existing.join(', ')}; move them away or start in an empty folder (see sellguard init --help)`, EXIT.usage);
  }
  for (const [name, text] of Object.entries(files)) {
    const path = join(folder, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { flag: 'wx' });
  }
  // package.json gets the scripts added, keeping everything it had.
  const next = pkg ?? { name: 'sellguard-project', private: true };
  next.scripts = { ...((next.scripts ?? {}) as Record<string, string>), ...SCRIPTS };
  writeFileSync(pkgPath, `${JSON.stringify(next, null, 2)}\n`);
  const written = [...Object.keys(files), pkg ? 'package.json (scripts added)' : 'package.json'];
  process.stdout.write(
    `Created a Sellguard project${folder === '.' ? '' : ` in ${folder}`}:\n${written.map((f) => `  ${f}`).join('\n')}\n\nNext:\n  npx sellguard test policies      # run the policy's examples\n  npx sellguard check              # check data/*.jsonl (see ${CONFIG_FILE})\n  npm run sellguard:check\n`,
  );
  return EXIT.ok;
}
