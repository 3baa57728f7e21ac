/**
 * A page whose code loads on its first visit. Unlike preact-iso's `lazy`, which keeps the previous page on
 * screen (and clickable) until the code arrives, the router switches at once and this shows "Loading…", or
 * the error with a retry when the code cannot be fetched.
 */
import type { ComponentType } from "preact";
import { useResource } from "../../lib/use-resource.ts";
import { Status } from "../status/status.tsx";

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  const fetchOnce = () => (loaded ? Promise.resolve(loaded) : load().then((page) => (loaded = page)));
  return function LazyPage(props: P) {
    const { resource, retry } = useResource(fetchOnce, []);
    const Page = loaded ?? resource.data;
    return Page ? <Page {...props} /> : <Status resource={resource} onRetry={retry} />;
  };
}
