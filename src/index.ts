import { loadConfigOrExit } from './config/load-config';
import { runBot } from './composition-root';

void runBot(loadConfigOrExit());
