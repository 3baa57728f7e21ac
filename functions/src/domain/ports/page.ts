/** One page of a long list; `cursor` fetches the next page and is absent on the last one. */
export interface Page<T> {
  items: T[];
  cursor?: string;
}
