/**
 * What the webhook receiver sends back: the answer the developer configured
 * (status, delay, body) and the receiver's own error answers, written once
 * and never over an answer already on its way.
 */
import type { ServerResponse } from 'node:http';

/** What the receiver answers to every complete, stored request. */
export interface ReceiverAnswer {
  /** Default 200. Answer 429 or 5xx to watch Vonage retry. */
  status: number;
  /** Wait this long before answering; default 0. */
  delayMs: number;
  /** Default empty. Sent as JSON when it parses as JSON, as text otherwise. */
  body: string;
}

export interface AnswerBody {
  body: string;
  contentType: string;
}

/** Decided once per configured answer, not once per webhook. */
export function withContentType(answer: ReceiverAnswer): ReceiverAnswer & AnswerBody {
  let isJson = true;
  try {
    JSON.parse(answer.body);
  } catch {
    isJson = false;
  }
  return { ...answer, contentType: isJson ? 'application/json' : 'text/plain; charset=utf-8' };
}

export function jsonBody(value: unknown): AnswerBody {
  return { body: JSON.stringify(value), contentType: 'application/json' };
}

/** Writes one answer, unless one is already on its way; closing the connection drops an unwanted rest of body. */
export function sendAnswer(
  response: ServerResponse,
  status: number,
  { body, contentType }: AnswerBody,
  closeConnection: boolean,
): void {
  if (response.headersSent || response.destroyed) return;
  const headers: Record<string, string> = { 'content-type': contentType };
  if (closeConnection) headers.connection = 'close';
  response.writeHead(status, headers);
  response.end(body);
  if (closeConnection) response.once('finish', () => response.socket?.destroySoon());
}
