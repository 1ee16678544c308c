/** uuid 3's calling style (`require('uuid')()` and `require('uuid/v4')()`) over the installed uuid; see azurite-uuid-compat.ts. */
import * as uuid from 'uuid';

const v4 = (): string => uuid.v4();
const v3Style = Object.assign(v4, { v1: (): string => uuid.v1(), v4 });
export = v3Style;
