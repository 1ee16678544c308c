import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { botConfigFromEnv } from '../../src/config/bot-config';
import { directoryConfigFromEnv } from '../../src/config/directory-config';
import { storageConfigFromEnv } from '../../src/config/storage-config';
import { telemetryConfigFromEnv } from '../../src/config/telemetry-config';
import { projectRoot } from '../../scripts/app-package';

/**
 * No Bicep compiler can be installed here without downloading a binary at run time (the npm
 * wrappers and `az bicep install` all do), so infra/main.bicep is checked structurally and its ARM
 * JSON twin, infra/main.json, in depth; the two must declare the same things.
 */

const infraDir = join(projectRoot(), 'infra');
const bicep = readFileSync(join(infraDir, 'main.bicep'), 'utf8');
const arm = JSON.parse(readFileSync(join(infraDir, 'main.json'), 'utf8')) as ArmTemplate;

interface ArmResource {
  type: string;
  apiVersion: string;
  name: string;
  location?: string;
  kind?: string;
  sku?: { name: string };
  scope?: string;
  identity?: { type: string; userAssignedIdentities?: Record<string, unknown> };
  properties?: Record<string, unknown>;
  dependsOn?: string[];
}
interface ArmTemplate {
  $schema: string;
  parameters: Record<string, { type: string; defaultValue?: unknown; metadata?: { description?: string } }>;
  variables: Record<string, string>;
  resources: ArmResource[];
  outputs: Record<string, { type: string; value: string }>;
}

const requiredResourceTypes = [
  'Microsoft.ManagedIdentity/userAssignedIdentities',
  'Microsoft.Storage/storageAccounts',
  'Microsoft.Storage/storageAccounts/blobServices',
  'Microsoft.Storage/storageAccounts/blobServices/containers',
  'Microsoft.Authorization/roleAssignments',
  'Microsoft.Web/serverfarms',
  'Microsoft.Web/sites',
  'Microsoft.BotService/botServices',
  'Microsoft.BotService/botServices/channels',
  'Microsoft.OperationalInsights/workspaces',
  'Microsoft.Insights/components',
];

/** The app settings the bot's configuration reads in Azure. */
const requiredAppSettings = [
  'MicrosoftAppType',
  'MicrosoftAppId',
  'MicrosoftAppTenantId',
  'AZURE_TENANT_ID',
  'AZURE_USE_MANAGED_IDENTITY',
  'AZURE_CLIENT_ID',
  'APPROVERS_GROUP_ID',
  'STORAGE',
  'AZURE_STORAGE_ACCOUNT_URL',
  'AZURE_STORAGE_CLIENT_ID',
  'AZURE_STORAGE_CONTAINER',
];

// --- Bicep, read as text -------------------------------------------------------------------

interface BicepParam {
  name: string;
  type: string;
  decorators: string[];
  defaultValue?: string;
}

function bicepParams(): BicepParam[] {
  const lines = bicep.split('\n');
  const params: BicepParam[] = [];
  lines.forEach((line, index) => {
    const match = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*(.+))?$/.exec(line.trim());
    if (match?.[1] === undefined || match[2] === undefined) return;
    const decorators: string[] = [];
    for (let above = index - 1; above >= 0; above -= 1) {
      const text = lines[above]?.trim() ?? '';
      if (text.startsWith('@')) decorators.unshift(text);
      else if (text.startsWith("'") || text === ')' || text === '])' || text === ']') continue;
      else break;
    }
    params.push({ name: match[1], type: match[2], decorators, ...(match[3] !== undefined ? { defaultValue: match[3] } : {}) });
  });
  return params;
}

function bicepResources(): { symbol: string; type: string; apiVersion: string }[] {
  return [...bicep.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'/gm)].map((m) => ({ symbol: m[1] ?? '', type: m[2] ?? '', apiVersion: m[3] ?? '' }));
}

function bicepOutputs(): string[] {
  return [...bicep.matchAll(/^output\s+(\w+)\s+\w+/gm)].map((m) => m[1] ?? '');
}

function bicepAppSettings(): Map<string, string> {
  return new Map([...bicep.matchAll(/\{ name: '([^']+)', value: (.+?) \}/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** Brackets balance outside strings and comments: a crude syntax check where no compiler is available. */
function unbalancedBrackets(text: string): string | undefined {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (!inString && c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    if (c === "'" && text[i - 1] !== '\\') inString = !inString;
    if (inString) continue;
    if ('([{'.includes(c)) stack.push(c);
    if (')]}'.includes(c) && stack.pop() !== pairs[c]) return `unexpected ${c} at offset ${i}`;
  }
  if (inString) return 'unterminated string';
  return stack.length > 0 ? `unclosed ${stack.join('')}` : undefined;
}

// --- ARM JSON helpers -----------------------------------------------------------------------

/** The role assignment that grants a built-in role (by its variable name in the template). */
function roleAssignmentOf(roleVariable: string): ArmResource {
  const found = arm.resources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments' && String(r.properties?.roleDefinitionId).includes(`variables('${roleVariable}')`));
  assert.equal(found.length, 1, `expected one role assignment of ${roleVariable}`);
  return found[0] as ArmResource;
}

function resourceOf(type: string): ArmResource {
  const found = arm.resources.filter((r) => r.type === type);
  assert.equal(found.length, 1, `expected one ${type}`);
  return found[0] as ArmResource;
}

function armExpressions(node: unknown, found: string[] = []): string[] {
  if (typeof node === 'string' && node.startsWith('[') && node.endsWith(']')) found.push(node);
  else if (Array.isArray(node)) node.forEach((child) => armExpressions(child, found));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, child] of Object.entries(node)) {
      armExpressions(key, found);
      armExpressions(child, found);
    }
  }
  return found;
}

function armAppSettings(): Map<string, string> {
  const site = resourceOf('Microsoft.Web/sites');
  const settings = (site.properties?.siteConfig as { appSettings: { name: string; value: string }[] }).appSettings;
  return new Map(settings.map((s) => [s.name, s.value]));
}

/** The managed identity's client id, as the ARM template refers to it. */
const identityClientId = "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('identityName')), '2023-01-31').clientId]";

const bicepTypeToArm: Record<string, string> = { string: 'string', bool: 'bool', int: 'int', object: 'object', array: 'array' };

describe('deployment templates (infra/)', () => {
  describe('main.bicep (structure)', () => {
    it('declares every resource the bot needs in Azure', () => {
      assert.deepEqual([...new Set(bicepResources().map((r) => r.type))].sort(), [...requiredResourceTypes].sort());
    });

    it('documents every parameter and uses every parameter', () => {
      for (const param of bicepParams()) {
        assert.ok(param.decorators.some((d) => d.startsWith('@description(')), `param ${param.name} has no @description`);
        const uses = bicep.split(/\r?\n/).filter((line) => !line.trim().startsWith('param ') && new RegExp(`\\b${param.name}\\b`).test(line));
        assert.ok(uses.length > 0, `param ${param.name} is never used`);
      }
    });

    it('holds no secret: no secure parameter, no password or client secret, no key or connection string with a key', () => {
      assert.deepEqual(bicepParams().filter((p) => p.decorators.includes('@secure()')).map((p) => p.name), []);
      const code = bicep.replace(/\/\/.*$/gm, '');
      assert.doesNotMatch(code, /Password|ClientSecret|CLIENT_SECRET|listKeys|AccountKey|InstrumentationKey=/i);
      assert.doesNotMatch(code, /param botApp/, 'no app registration of its own: the bot is the managed identity');
    });

    it('registers a UserAssignedMSI Azure Bot (the managed identity) with the Teams channel, on a Linux Node 22 web app with that identity', () => {
      assert.match(bicep, /msaAppType: 'UserAssignedMSI'/);
      assert.match(bicep, /msaAppId: identity\.properties\.clientId/);
      assert.match(bicep, /msaAppMSIResourceId: identity\.id/);
      assert.match(bicep, /channelName: 'MsTeamsChannel'/);
      assert.match(bicep, /linuxFxVersion: 'NODE\|22-lts'/);
      assert.match(bicep, /reserved: true/);
      assert.match(bicep, /type: 'UserAssigned'/);
      assert.match(bicep, /allowSharedKeyAccess: false/);
    });

    it('refers only to resources it declares, and its brackets and strings balance', () => {
      const symbols = new Set(bicepResources().map((r) => r.symbol));
      for (const match of bicep.matchAll(/\bparent: (\w+)|\bscope: (\w+)|\b(\w+)\.(?:id|properties|name)\b/g)) {
        const symbol = match[1] ?? match[2] ?? match[3] ?? '';
        if (['resourceGroup', 'tenant', 'subscription'].includes(symbol)) continue;
        assert.ok(symbols.has(symbol), `"${match[0]}" refers to an undeclared resource`);
      }
      assert.equal(unbalancedBrackets(bicep), undefined);
    });
  });

  describe('main.json (ARM twin)', () => {
    it('declares the same parameters as main.bicep, with matching types and defaults', () => {
      const params = bicepParams();
      assert.deepEqual(Object.keys(arm.parameters).sort(), params.map((p) => p.name).sort());
      for (const param of params) {
        const armParam = arm.parameters[param.name];
        assert.ok(armParam);
        const expectedType = param.decorators.includes('@secure()') ? `secure${param.type}` : bicepTypeToArm[param.type];
        assert.equal(armParam.type, expectedType, param.name);
        assert.ok(armParam.metadata?.description, `${param.name} has no description`);
        if (param.defaultValue !== undefined && /^'[^']*'$/.test(param.defaultValue)) assert.equal(armParam.defaultValue, param.defaultValue.slice(1, -1), param.name);
        if (param.defaultValue === 'false' || param.defaultValue === 'true') assert.equal(armParam.defaultValue, param.defaultValue === 'true', param.name);
      }
    });

    it('declares the same resources (type and API version) and outputs as main.bicep', () => {
      const fromBicep = bicepResources().map((r) => `${r.type}@${r.apiVersion}`).sort();
      const fromArm = arm.resources.map((r) => `${r.type}@${r.apiVersion}`).sort();
      assert.deepEqual(fromArm, fromBicep);
      assert.deepEqual(Object.keys(arm.outputs).sort(), bicepOutputs().sort());
      for (const output of ['botAppId', 'botDomain', 'managedIdentityClientId', 'managedIdentityPrincipalId', 'webAppName']) {
        assert.ok(arm.outputs[output], `output ${output} is missing`);
      }
    });

    it('sets the same app settings as main.bicep, including every key the bot reads in Azure', () => {
      const fromArm = armAppSettings();
      const fromBicep = bicepAppSettings();
      assert.deepEqual([...fromArm.keys()].sort(), [...fromBicep.keys()].sort());
      for (const key of requiredAppSettings) assert.ok(fromArm.has(key), `app setting ${key} is missing`);
      for (const [name, value] of fromBicep) {
        if (/^'[^']*'$/.test(value) && !value.includes('${')) assert.equal(fromArm.get(name), value.slice(1, -1), `literal app setting ${name} differs`);
      }
    });

    it('every expression refers to declared parameters and variables, and every parameter is used', () => {
      const expressions = armExpressions({ resources: arm.resources, outputs: arm.outputs, variables: arm.variables });
      const used = new Set<string>();
      for (const expression of expressions) {
        for (const match of expression.matchAll(/parameters\('(\w+)'\)/g)) {
          assert.ok(arm.parameters[match[1] ?? ''], `${expression} uses an undeclared parameter`);
          used.add(match[1] ?? '');
        }
        for (const match of expression.matchAll(/variables\('(\w+)'\)/g)) assert.ok(arm.variables[match[1] ?? ''] !== undefined, `${expression} uses an undeclared variable`);
        assert.equal((expression.match(/\(/g) ?? []).length, (expression.match(/\)/g) ?? []).length, `unbalanced parentheses in ${expression}`);
        assert.equal((expression.match(/'/g) ?? []).length % 2, 0, `unbalanced quotes in ${expression}`);
      }
      for (const name of Object.keys(arm.parameters)) assert.ok(used.has(name), `parameter ${name} is never used`);
    });

    it('every dependsOn names a resource type the template deploys', () => {
      const types = new Set(arm.resources.map((r) => r.type));
      for (const resource of arm.resources) {
        for (const dependency of resource.dependsOn ?? []) {
          const type = /resourceId\('([^']+)'/.exec(dependency)?.[1];
          assert.ok(type !== undefined && types.has(type), `${resource.type} depends on ${dependency}`);
        }
      }
    });

    it('holds no secret: no secure parameter, no password setting, no key', () => {
      assert.deepEqual(Object.entries(arm.parameters).filter(([, p]) => p.type.startsWith('secure')).map(([name]) => name), []);
      assert.equal(armAppSettings().has('MicrosoftAppPassword'), false);
      assert.doesNotMatch(JSON.stringify(arm), /Password|ClientSecret|CLIENT_SECRET|listKeys|AccountKey|InstrumentationKey=/i);
    });

    it('the Azure Bot is the managed identity (UserAssignedMSI) in this tenant, global, pointing at the web app\'s /api/messages, with Teams enabled', () => {
      const bot = resourceOf('Microsoft.BotService/botServices');
      assert.equal(bot.kind, 'azurebot');
      assert.equal(bot.location, 'global');
      assert.equal(bot.properties?.displayName, 'Group Gatekeeper');
      assert.equal(bot.properties?.msaAppType, 'UserAssignedMSI');
      assert.equal(bot.properties?.msaAppId, identityClientId);
      assert.equal(bot.properties?.msaAppMSIResourceId, "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('identityName'))]");
      assert.equal(armAppSettings().get('MicrosoftAppType'), 'UserAssignedMSI');
      assert.equal(armAppSettings().get('MicrosoftAppId'), identityClientId, 'the bot authenticates to Bot Service as the same identity');
      assert.equal(arm.outputs['botAppId']?.value, identityClientId, 'the Teams app package uses that id as the bot id');
      assert.equal(bot.properties?.msaAppTenantId, '[tenant().tenantId]');
      assert.match(String(bot.properties?.endpoint), /^\[format\('https:\/\/\{0\}\/api\/messages', reference\(resourceId\('Microsoft.Web\/sites'/);
      const channel = resourceOf('Microsoft.BotService/botServices/channels');
      assert.equal((channel.properties as { channelName: string }).channelName, 'MsTeamsChannel');
      assert.deepEqual((channel.properties as { properties: unknown }).properties, { isEnabled: true });
    });

    it('runs the bot on Linux App Service with Node 22, HTTPS only, its health check, and the managed identity', () => {
      const plan = resourceOf('Microsoft.Web/serverfarms');
      assert.equal(plan.kind, 'linux');
      assert.equal(plan.properties?.reserved, true);
      const site = resourceOf('Microsoft.Web/sites');
      assert.equal(site.kind, 'app,linux');
      assert.equal(site.properties?.httpsOnly, true);
      const siteConfig = site.properties?.siteConfig as Record<string, unknown>;
      assert.equal(siteConfig.linuxFxVersion, 'NODE|22-lts');
      assert.equal(siteConfig.appCommandLine, 'node dist/src/index.js');
      assert.equal(siteConfig.healthCheckPath, '/livez', 'the platform restarts an instance only when its process stops answering, never for a Graph outage');
      assert.equal(site.identity?.type, 'UserAssigned');
      assert.deepEqual(Object.keys(site.identity?.userAssignedIdentities ?? {}), [
        "[format('{0}', resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('identityName')))]",
      ]);
    });

    it('keeps state in a locked-down Storage account the identity may use through Storage Blob Data Contributor', () => {
      const storage = resourceOf('Microsoft.Storage/storageAccounts');
      assert.deepEqual(
        {
          allowBlobPublicAccess: storage.properties?.allowBlobPublicAccess,
          allowSharedKeyAccess: storage.properties?.allowSharedKeyAccess,
          minimumTlsVersion: storage.properties?.minimumTlsVersion,
          supportsHttpsTrafficOnly: storage.properties?.supportsHttpsTrafficOnly,
        },
        { allowBlobPublicAccess: false, allowSharedKeyAccess: false, minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true },
      );
      assert.equal(resourceOf('Microsoft.Storage/storageAccounts/blobServices/containers').properties?.publicAccess, 'None');
      const role = roleAssignmentOf('storageBlobDataContributorRoleId');
      assert.equal(arm.variables.storageBlobDataContributorRoleId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe');
      assert.equal(role.properties?.roleDefinitionId, "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('storageBlobDataContributorRoleId'))]");
      assert.match(String(role.properties?.principalId), /userAssignedIdentities.*\.principalId\]$/);
      assert.equal(role.properties?.principalType, 'ServicePrincipal');
      assert.match(String(role.scope), /Microsoft.Storage\/storageAccounts/);
    });

    it('sends telemetry to a workspace-based Application Insights that takes Microsoft Entra authentication only, as the identity', () => {
      const workspace = resourceOf('Microsoft.OperationalInsights/workspaces');
      assert.equal((workspace.properties?.sku as { name: string }).name, 'PerGB2018');
      assert.equal(workspace.properties?.retentionInDays, "[parameters('telemetryRetentionDays')]");
      const insights = resourceOf('Microsoft.Insights/components');
      assert.equal(insights.kind, 'web');
      assert.equal(insights.properties?.WorkspaceResourceId, "[resourceId('Microsoft.OperationalInsights/workspaces', variables('logAnalyticsName'))]");
      assert.equal(insights.properties?.DisableLocalAuth, true, 'the connection string alone cannot send: only the identity can');
      const role = roleAssignmentOf('monitoringMetricsPublisherRoleId');
      assert.equal(arm.variables.monitoringMetricsPublisherRoleId, '3913510d-42f4-4e42-8a64-420c390055eb');
      assert.match(String(role.scope), /Microsoft.Insights\/components/);
      assert.match(String(role.properties?.principalId), /userAssignedIdentities.*\.principalId\]$/);
      const settings = armAppSettings();
      assert.equal(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING'), "[reference(resourceId('Microsoft.Insights/components', variables('appInsightsName')), '2020-02-02').ConnectionString]");
      assert.equal(settings.get('APPLICATIONINSIGHTS_STATSBEAT_DISABLED'), 'true', 'no usage reports of the SDK to Microsoft');
      assert.match(bicep, /resource appInsights 'Microsoft.Insights\/components@2020-02-02'/);
      assert.match(bicep, /DisableLocalAuth: true/);
    });

    it('its app settings, as Azure resolves them, pass the bot\'s own identity, storage and directory configuration checks', () => {
      const sample = {
        tenantId: '5f1c3b2a-9d8e-4f7a-b6c5-d4e3f2a1b0c9',
        clientId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
        approvers: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
        blob: 'https://extaccessabc123.blob.core.windows.net/',
      };
      const resolved: Record<string, string> = {
        '[tenant().tenantId]': sample.tenantId,
        "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('identityName')), '2023-01-31').clientId]": sample.clientId,
        "[parameters('approversGroupId')]": sample.approvers,
        "[string(parameters('hideMailContactsFromAddressLists'))]": 'False',
        "[reference(resourceId('Microsoft.Storage/storageAccounts', variables('storageAccountName')), '2023-05-01').primaryEndpoints.blob]": sample.blob,
        "[parameters('stateContainerName')]": 'bot-state',
        "[reference(resourceId('Microsoft.Insights/components', variables('appInsightsName')), '2020-02-02').ConnectionString]":
          'InstrumentationKey=0f3b0a4c-2d1e-4f5a-9b8c-7d6e5f4a3b2c;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
        "[format('Authorization=AAD;ClientId={0}', reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('identityName')), '2023-01-31').clientId)]": `Authorization=AAD;ClientId=${sample.clientId}`,
      };
      const env: Record<string, string> = {};
      for (const [name, value] of armAppSettings()) {
        const resolvedValue = value.startsWith('[') ? resolved[value] : value;
        assert.ok(resolvedValue !== undefined, `no sample value for the expression of ${name}: ${value}`);
        env[name] = resolvedValue;
      }
      const bot = botConfigFromEnv(env, '/home/site/wwwroot');
      assert.ok(bot.ok, bot.ok ? '' : bot.errors.join('\n'));
      assert.deepEqual(bot.value.auth, { kind: 'user-assigned-msi', appId: sample.clientId, tenantId: sample.tenantId });
      assert.equal(bot.value.host, '0.0.0.0');
      assert.deepEqual(storageConfigFromEnv(env), {
        ok: true,
        value: {
          kind: 'blob',
          containerName: 'bot-state',
          connection: { kind: 'managed-identity', accountUrl: 'https://extaccessabc123.blob.core.windows.net', clientId: sample.clientId },
        },
      });
      const telemetry = telemetryConfigFromEnv(env);
      assert.ok(telemetry.ok && telemetry.value.kind === 'azure-monitor', telemetry.ok ? '' : telemetry.errors.join('\n'));
      assert.deepEqual(telemetry.value.managedIdentity, { clientId: sample.clientId });
      const directory = directoryConfigFromEnv(env);
      assert.ok(directory.ok, directory.ok ? '' : directory.errors.join('\n'));
      assert.deepEqual(directory.value.credential, { kind: 'managed-identity', clientId: sample.clientId });
      assert.equal(directory.value.tenantId, sample.tenantId);
      assert.equal(directory.value.approversGroupId, sample.approvers);
      assert.equal(directory.value.hideMailContactsFromAddressLists, false);
    });
  });
});
