/** Alerts per store (negative spikes, low stock), one per window or day, and each store's alert settings. */
import type { Alert, AlertSettings } from "@sonrisa/shared/schemas/alerts";
import type { MessageRecord } from "./message-repository.ts";

export interface AlertRepository {
  /** The store's settings, or the defaults. */
  settings(storeId: string): Promise<AlertSettings>;
  putSettings(storeId: string, settings: AlertSettings, by: string, at: string): Promise<void>;
  /**
   * Records a negative spike and queues its e-mail unless the store had one raised for a tap at or after
   * `windowStart`: one alert per store per window, however many answers and redeliveries follow.
   */
  raiseSpike(alert: Alert, windowStart: string, email: MessageRecord | undefined): Promise<boolean>;
  /** Records a low-stock alert (its id names the item and day) and queues its e-mail, once. */
  raiseOnce(alert: Alert, email: MessageRecord | undefined): Promise<boolean>;
  /** A store's alerts, or every store's, newest first, over UTC months `months` (YYYY-MM). */
  list(storeId: string | undefined, months: string[]): Promise<Alert[]>;
  get(alertId: string): Promise<Alert | undefined>;
  acknowledge(alertId: string, by: string, note: string | undefined, at: string): Promise<Alert | undefined>;
}
