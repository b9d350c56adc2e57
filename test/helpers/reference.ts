/**
 * The council's reference files read directly, so tests compute what pages must show from the
 * source data and not from the code under test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../councils/kota-bekasi/', import.meta.url));
const read = <T>(name: string): T => JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as T;

export const dprd = read<{
  lembaga: { nama: string; alamat: string; jumlah_kursi: number };
  fraksi: { nama: string; partai: string[]; kursi: number }[];
  komisi: { kode: string; bidang: string }[];
  dapil: { no: number; kecamatan: string[]; kursi: number }[];
}>('dprd.json');

export const wilayah =
  read<
    { kode_kemendagri: string; nama: string; dapil: number; kelurahan: { kode_kemendagri: string; nama: string }[] }[]
  >('wilayah.json');

export const anggota = read<{
  anggota: {
    nama: string;
    partai: string;
    fraksi: string;
    dapil: number;
    jabatan: { badan: string; sebagai: string }[];
  }[];
}>('anggota.json').anggota;

export function komisiOf(name: string): string | undefined {
  const member = anggota.find((m) => m.nama === name);
  return member?.jabatan.find((j) => j.badan.startsWith('Komisi '))?.badan;
}

/** Names in the order a list page shows them. */
export function sortedNames(names: string[]): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
