// The page's routing key: minted once per page load and carried in every socket URL of the page
// (`/ws?session=<key>`), so a load balancer that hashes on it (nginx `hash $arg_session
// consistent`) sends every reconnect of a page to the process that holds its session, from the
// very first connect on. It is not the session id (the server's welcome gives that).

/** A fresh routing key: 16 random bytes, base64url (22 characters). */
export function newRouteKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** `url` with `session=<key>` added to its query. */
export function withRouteKey(url: string, key: string): string {
  const separator = url.includes("?") ? "&" : "?";
  return `${url}${separator}session=${encodeURIComponent(key)}`;
}
