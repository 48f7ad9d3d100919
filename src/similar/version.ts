/** Version of the fingerprint layout (fingerprint.ts); part of the cache key. Its own module so the cache loads nothing else. */
export const FINGERPRINT_VERSION = 1;
