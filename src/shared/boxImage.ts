import type { BoxImage } from './contract';
import type { InkImage } from './ink';

/** Box ink ↔ its wire form; base64 works in the browser and in Node alike. */
export function encodeBoxImage(image: InkImage): BoxImage {
  let binary = '';
  for (let i = 0; i < image.data.length; i++) binary += String.fromCharCode(image.data[i]);
  return { width: image.width, height: image.height, data: btoa(binary) } as BoxImage;
}

export function decodeBoxImage(box: BoxImage): InkImage {
  const binary = atob(box.data);
  const data = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
  return { width: box.width, height: box.height, data };
}
