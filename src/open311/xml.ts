/** Open311's XML: a root element holding one element per item, each field a child element. */
import { escapeXml } from '../platform/feeds.ts';

export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/** Lists are written as repeated elements named by `listItem` (e.g. attributes → attribute). */
function element(name: string, value: XmlValue, listItem: (parent: string) => string): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value))
    return `<${name}>${value.map((v) => element(listItem(name), v, listItem)).join('')}</${name}>`;
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v, listItem))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function toXml(root: string, value: XmlValue, listItem: (parent: string) => string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, listItem)}`;
}
