/** Sends one signed webhook request and reports what came back; it never follows redirects. */

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export type WebhookSendResult =
  | { outcome: "answered"; status: number; durationMs: number }
  | { outcome: "timeout" | "connection" | "refused_address"; durationMs: number };

export interface WebhookSender {
  send(request: WebhookRequest): Promise<WebhookSendResult>;
}
