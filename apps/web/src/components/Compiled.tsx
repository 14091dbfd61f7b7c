/** What the compiler made of the policy: the evaluator module, the TypeScript declarations and the schema. */
import type { CompiledPolicy } from '@sellguard/core';
import { useState } from 'react';
import { CopyButton } from './CopyButton';
import { Tabs } from './Tabs';

type Part = 'module' | 'dts' | 'schema';

const PARTS: Array<{ id: Part; label: string; file: (id: string) => string; about: string }> = [
  { id: 'module', label: 'Checker (JavaScript)', file: (id) => `${id}.mjs`, about: 'The checker the compiler generated (sellguard compile also writes it as CommonJS, .cjs): decode a record, then evaluate every rule. The command line runs this same code.' },
  { id: 'dts', label: 'Types (.d.ts)', file: (id) => `${id}.d.mts`, about: 'TypeScript declarations for the records, for programs that call the checker.' },
  { id: 'schema', label: 'Schema', file: (id) => `${id}.schema.js`, about: 'The schema that reads and validates one input record.' },
];

export function Compiled({ output, policyId }: { output: CompiledPolicy['output']; policyId: string }) {
  const [part, setPart] = useState<Part>('module');
  const info = PARTS.find((p) => p.id === part)!;
  const text = output[part];
  return (
    <div className="compiled">
      <div className="compiled-bar">
        <Tabs<Part> label="Generated files" items={PARTS} value={part} onChange={setPart} idPrefix="compiled" className="sub-tabs" />
        <CopyButton text={text} label={`Copy ${info.file(policyId)}`} />
      </div>
      <div role="tabpanel" id="compiled-panel" aria-labelledby={`compiled-tab-${part}`}>
        <p className="compiled-about">
          {info.about} {text.split('\n').length} lines.
        </p>
        <pre className="code-block" tabIndex={0} aria-label={info.file(policyId)}>
          <code>{text}</code>
        </pre>
      </div>
    </div>
  );
}
