// Share links: the program travels in the URL as #code=base64url(deflate-raw(UTF-8 source)).

const HASH_KEY = 'code';

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link has characters base64url does not use');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary;
  try {
    binary = atob(padded);
  } catch {
    throw new Error('the link is not valid base64url');
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function pipe(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function encodeSource(source) {
  return toBase64Url(await pipe(new TextEncoder().encode(source), new CompressionStream('deflate-raw')));
}

// Rejects with an Error whose message says what is wrong with the encoded text.
export async function decodeSource(encoded) {
  const compressed = fromBase64Url(encoded);
  let bytes;
  try {
    bytes = await pipe(compressed, new DecompressionStream('deflate-raw'));
  } catch {
    throw new Error('the link\'s data is not deflate-compressed');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('the link\'s program is not UTF-8 text');
  }
}

// The encoded program in a location hash ('#code=...'), or null when the hash has none.
export function codeFromHash(hash) {
  if (!hash || hash.length < 2) return null;
  return new URLSearchParams(hash.slice(1)).get(HASH_KEY);
}

export async function shareUrl(source, baseUrl) {
  const url = new URL(baseUrl);
  url.hash = `${HASH_KEY}=${await encodeSource(source)}`;
  return url.href;
}
