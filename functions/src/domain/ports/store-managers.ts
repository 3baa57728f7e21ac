/** Who manages a store: the e-mail addresses of active users with role `manager` whose stores include it. */

export interface StoreManagers {
  emailsOf(storeId: string): Promise<string[]>;
}
