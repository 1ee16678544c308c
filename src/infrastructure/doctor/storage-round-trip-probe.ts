import type { Storage } from 'botbuilder';
import type { StorageProbe } from '../../app/doctor/doctor-probes';

/** Writes one item to the bot's store, reads it back and deletes it (also when the read fails). */
export class StorageRoundTripProbe implements StorageProbe {
  constructor(private readonly storage: Storage) {}

  async roundTrip(key: string, value: string): Promise<string | undefined> {
    await this.storage.write({ [key]: { value, eTag: '*' } });
    try {
      const items = await this.storage.read([key]);
      const item = items[key] as { value?: unknown } | undefined;
      return typeof item?.value === 'string' ? item.value : undefined;
    } finally {
      await this.storage.delete([key]);
    }
  }
}
