// @vitest-environment jsdom
import type { InputProblem, RecordInfo } from '@sellguard/core';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordForm } from '../src/components/RecordForm';
import { rawPath } from '@sellguard/core';
import { fieldKey, humanize, newRecord, readField, writeField } from '../src/lib/form';

const records: RecordInfo[] = [
  {
    name: 'Message',
    fields: [
      { name: 'orderId', type: { kind: 'string' }, optional: false, hasDefault: false, aliases: ['order-id'], doc: 'The order id.' },
      { name: 'body', type: { kind: 'text' }, optional: false, hasDefault: false, aliases: ['message'] },
      { name: 'purpose', type: { kind: 'enum', name: 'Purpose', members: ['order_issue', 'thank_you'] }, optional: false, hasDefault: true, aliases: [] },
      { name: 'priorRequests', type: { kind: 'integer' }, optional: false, hasDefault: true, aliases: [] },
      { name: 'rate', type: { kind: 'percent' }, optional: true, hasDefault: false, aliases: [] },
      { name: 'urgent', type: { kind: 'boolean' }, optional: false, hasDefault: true, aliases: [] },
      { name: 'orderCompletedAt', type: { kind: 'date' }, optional: true, hasDefault: false, aliases: [] },
      { name: 'sentAt', type: { kind: 'datetime' }, optional: true, hasDefault: false, aliases: [] },
      { name: 'attachments', type: { kind: 'list', element: { kind: 'record', name: 'Attachment' } }, optional: false, hasDefault: true, aliases: [] },
      { name: 'tags', type: { kind: 'list', element: { kind: 'string' } }, optional: false, hasDefault: true, aliases: [] },
    ],
  },
  {
    name: 'Attachment',
    fields: [
      { name: 'fileName', type: { kind: 'string' }, optional: false, hasDefault: false, aliases: ['name'] },
      { name: 'kind', type: { kind: 'enum', members: ['instructions', 'other'] }, optional: false, hasDefault: true, aliases: [] },
    ],
  },
];
const info = records[0];

function renderForm(raw: unknown, problems: InputProblem[] = []) {
  const changes: unknown[] = [];
  const view = render(<RecordForm info={info} records={records} raw={raw} problems={problems} onChange={(r) => changes.push(r)} />);
  return { view, changes };
}

afterEach(cleanup);

describe('the record form', () => {
  const raw = {
    'order-id': '114-3941689-8772232',
    message: 'Hello',
    purpose: 'thank_you',
    priorRequests: 2,
    urgent: 'yes',
    orderCompletedAt: '2026-10-01',
    sentAt: '2026-10-02T09:30:00Z',
    attachments: [{ name: 'guide.pdf', kind: 'instructions' }],
    extra: 'kept',
  };

  it('makes one input of the right kind for every field', () => {
    renderForm(raw);
    expect(screen.getByLabelText(/Order ID/)).toHaveProperty('type', 'text');
    expect(screen.getByLabelText(/Order ID/)).toHaveProperty('value', '114-3941689-8772232');
    expect(screen.getByLabelText(/^Body/).tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText(/^Body/)).toHaveProperty('value', 'Hello');
    const purpose = screen.getByLabelText(/^Purpose/) as HTMLSelectElement;
    expect(purpose.tagName).toBe('SELECT');
    expect(purpose.value).toBe('thank_you');
    expect([...purpose.options].map((o) => o.value)).toEqual(['', 'order_issue', 'thank_you']);
    expect(screen.getByLabelText(/Prior requests/)).toHaveProperty('type', 'number');
    expect(screen.getByLabelText(/Prior requests/)).toHaveProperty('value', '2');
    expect(screen.getByLabelText(/^Rate/)).toHaveProperty('type', 'number');
    expect(screen.getByLabelText(/^Urgent/)).toHaveProperty('type', 'checkbox');
    expect(screen.getByLabelText(/^Urgent/)).toHaveProperty('checked', true);
    expect(screen.getByLabelText(/Order completed at/)).toHaveProperty('type', 'date');
    expect(screen.getByLabelText(/Order completed at/)).toHaveProperty('value', '2026-10-01');
    expect(screen.getByLabelText(/Sent at/)).toHaveProperty('type', 'datetime-local');
    expect(screen.getByLabelText(/Sent at/)).toHaveProperty('value', '2026-10-02T09:30');
    const attachments = screen.getByRole('group', { name: /Attachments/ });
    expect(within(attachments).getByLabelText(/File name/)).toHaveProperty('value', 'guide.pdf');
    expect(within(attachments).getByLabelText(/^Kind/)).toHaveProperty('value', 'instructions');
  });

  it('writes changes under the key the record already uses and keeps unknown keys', () => {
    const { changes } = renderForm(raw);
    fireEvent.change(screen.getByLabelText(/^Body/), { target: { value: 'Hi there' } });
    expect(changes.at(-1)).toMatchObject({ message: 'Hi there', extra: 'kept' });
    expect(changes.at(-1)).not.toHaveProperty('body');
    fireEvent.click(screen.getByLabelText(/^Urgent/));
    expect(changes.at(-1)).toMatchObject({ urgent: false });
    fireEvent.change(screen.getByLabelText(/Prior requests/), { target: { value: '5' } });
    expect(changes.at(-1)).toMatchObject({ priorRequests: 5 });
    fireEvent.change(screen.getByLabelText(/Sent at/), { target: { value: '2026-10-03T08:15' } });
    expect(changes.at(-1)).toMatchObject({ sentAt: '2026-10-03T08:15:00Z' });
    fireEvent.change(screen.getByLabelText(/Order completed at/), { target: { value: '' } });
    expect(changes.at(-1)).not.toHaveProperty('orderCompletedAt');
  });

  it('adds and removes sub-records in lists', () => {
    const { changes } = renderForm(raw);
    fireEvent.click(screen.getByRole('button', { name: 'Add attachment' }));
    expect((changes.at(-1) as typeof raw).attachments).toEqual([{ name: 'guide.pdf', kind: 'instructions' }, { fileName: '' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove attachment 1' }));
    expect((changes.at(-1) as typeof raw).attachments).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add value' }));
    expect(changes.at(-1)).toMatchObject({ tags: [''] });
  });

  it('shows the checker problems on the fields they are about', () => {
    renderForm({ ...raw, priorRequests: 'two' }, [
      { path: 'priorRequests', message: 'expected a whole number such as 3, got "two"' },
      { path: 'attachments[0].fileName', message: 'is missing: expected text' },
      { path: '', message: 'something about the whole record' },
    ]);
    const prior = screen.getByLabelText(/Prior requests/);
    expect(prior.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(prior.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(described?.textContent).toBe('Expected a whole number such as 3, got "two"');
    const file = screen.getByLabelText(/File name/);
    expect(file.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Is missing: expected text')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Problems with this record' }).textContent).toContain('something about the whole record');
  });

  it('says so when the record is not an object', () => {
    renderForm([1, 2]);
    expect(screen.getByText(/cannot be edited here/)).toBeTruthy();
  });
});

describe('form helpers', () => {
  it('finds fields by name, alias or loose spelling', () => {
    const orderId = info.fields[0];
    expect(fieldKey({ orderId: 'a', 'order-id': 'b' }, orderId)).toBe('orderId');
    expect(fieldKey({ 'order-id': 'b' }, orderId)).toBe('order-id');
    expect(fieldKey({ 'Order ID': 'c' }, orderId)).toBe('Order ID');
    expect(readField({ 'Order ID': 'c' }, orderId)).toBe('c');
    expect(writeField({ 'Order ID': 'c', x: 1 }, orderId, 'd')).toEqual({ 'Order ID': 'd', x: 1 });
  });

  it('starts new records with the required fields only', () => {
    expect(newRecord(info, records)).toEqual({ orderId: '', body: '' });
  });

  it('maps checker paths to the keys the raw record uses', () => {
    const raw = { message: 'x', attachments: [{ name: 'a' }, { name: 'b' }] };
    const policy = { records, recordType: info.name };
    expect(rawPath(policy, raw, 'body')).toBe('message');
    expect(rawPath(policy, raw, 'attachments[1].fileName')).toBe('attachments[1].name');
    expect(rawPath(policy, raw, 'subject')).toBe('subject');
  });

  it('names fields in plain words', () => {
    expect(humanize('orderCompletedAt')).toBe('Order completed at');
    expect(humanize('orderId')).toBe('Order ID');
    expect(humanize('buyer_language')).toBe('Buyer language');
    expect(humanize('imageURL')).toBe('Image URL');
  });
});
