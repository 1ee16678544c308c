import { strict as assert } from 'node:assert';
import { ErrorCodes } from '../../../src/app/app-error';
import { unsupportedGroupRemedies } from '../../../src/domain/group-classification';
import { MessageCatalogue, projectLocalesDir } from '../../../src/i18n/message-catalogue';

describe('error catalogue', () => {
  const catalogue = MessageCatalogue.load(projectLocalesDir());
  for (const code of Object.values(ErrorCodes)) {
    it(`has user text for error code ${code}`, () => assert.ok(catalogue.has(`error.${code}`)));
  }
  for (const reason of Object.keys(unsupportedGroupRemedies)) {
    it(`explains the unsupported group reason ${reason}`, () => assert.ok(catalogue.has(`error.unsupported-group.${reason}`)));
  }
});
