import { randomInt } from 'node:crypto';

/** Produces short, human-readable request ids such as "R-7K3F9Q". */
export type RequestIdGenerator = () => string;

/** Digits and capitals without the look-alikes 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V. */
export const requestIdAlphabet = '34679ACDEFGHJKMNPQRTWXY';
const idLength = 6;

/** Ids from a cryptographic random source (or an injected one, for tests). */
export function randomRequestIds(randomIndex: (max: number) => number = randomInt): RequestIdGenerator {
  return () => {
    let id = 'R-';
    for (let i = 0; i < idLength; i += 1) id += requestIdAlphabet[randomIndex(requestIdAlphabet.length)] ?? '';
    return id;
  };
}
