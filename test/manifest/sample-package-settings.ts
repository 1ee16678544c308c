import type { AppPackageSettings } from '../../scripts/app-package';

/** Made-up tenant values for packaging tests (no real ids are committed anywhere). */
export const samplePackageSettings: AppPackageSettings = {
  botId: '0b5c2a4e-8f11-4c2d-9a7e-3d6f1e2b4c5a',
  teamsAppId: '7e9d1c3b-2a4f-4b6e-8d0c-1f3a5b7c9e2d',
  appVersion: '1.2.3',
  botDomain: 'external-access-bot.azurewebsites.net',
  developerName: 'Contoso IT',
  websiteUrl: 'https://intranet.contoso.com/it',
  privacyUrl: 'https://intranet.contoso.com/privacy',
  termsOfUseUrl: 'https://intranet.contoso.com/terms',
};
