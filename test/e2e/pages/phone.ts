import type { Page } from '@playwright/test';
import { catalog } from '../../../src-shared/messages';
import { callContract } from './timeline';

/** Locators of the emulator's phone, in one place. */
export function phonePage(page: Page) {
  const outbound = page.getByTestId('emulator-chat-outbound');
  return {
    root: page.getByTestId('emulator-chat'),
    frame: page.getByTestId('emulator-chat-frame'),
    picker: page.getByTestId('emulator-chat-picker'),
    outbound,
    inbound: page.getByTestId('emulator-chat-inbound'),
    status: page.getByTestId('emulator-chat-status'),
    suggestions: page.getByTestId('emulator-chat-suggestion'),
    buttons: page.getByTestId('emulator-chat-button'),
    listOpen: page.getByTestId('emulator-chat-list-open'),
    listRows: page.getByTestId('emulator-chat-list-row'),
    input: page.getByTestId('emulator-chat-input'),
    send: page.getByTestId('emulator-chat-send'),
    answered: page.getByTestId('emulator-chat-answered'),
    error: page.getByTestId('emulator-chat-error'),
    replying: page.getByTestId('emulator-chat-replying'),
  };
}

export const phoneHash = (channel: string, recipient: string) =>
  `#/emulator/phone/${encodeURIComponent(channel)}/${encodeURIComponent(recipient)}`;

/** A recipient of its own per test message, in the channel's address form, clear of the default scenario suffixes. */
export function recipientFor(channel: string, index: number): string {
  const digits = String(index).padStart(2, '0');
  if (channel === 'email') return `phone-${digits}@example.com`;
  if (channel === 'messenger') return `31000000001${digits}`;
  return `4477009501${digits}`;
}

/** The full template of a v1 combination, to one recipient, without failover (a second message elsewhere). */
export function fullTemplate(key: string, to: string): Record<string, unknown> {
  const entry = catalog('v1').find((candidate) => `${candidate.channel}/${candidate.messageType}` === key)!;
  const { failover: _failover, ...payload } = entry.full;
  return { ...payload, to };
}

/** Sends through the app's contract with no profile: to the built-in emulator. */
export async function sendToEmulator(page: Page, payload: Record<string, unknown>): Promise<string> {
  const exchange = await callContract(page, 'send.message', { operation: { kind: 'send', api: 'v1', payload } });
  if (exchange.response?.status !== 202 || !exchange.messageUuid)
    throw new Error(`the emulator refused the send: ${exchange.response?.body ?? exchange.error?.message}`);
  return exchange.messageUuid;
}
