/** Request header carrying the requested path from proxy.ts to layouts (for sign-in redirects). */
export const REQUEST_PATH_HEADER = "x-lavka-path";
