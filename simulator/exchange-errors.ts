import { createHash } from 'node:crypto';

/**
 * The cmdlet failures the simulated Exchange answers, in the shape of the real not-found answer
 * published in Microsoft365DSC/Microsoft365DSC#2998 (test/fixtures/exchange):
 *
 *   HTTP 404 {"error":{"code":"NotFound","message":"Error executing cmdlet",
 *     "details":[{"code":"Context","target":"","message":"Ex6F9304|<exception type>|<text>"}],
 *     "innererror":{"message":"Error executing cmdlet","type":"Microsoft.Exchange.Admin.OData.Core.ODataServiceException","stacktrace":"…"}}}
 *
 * `details[].message` is `<error id>|<exception type>|<text>`. Ex6F9304 (not found) and Ex9E65A2
 * (ambiguous, reported with the not-found type) are real ids; the others are made up, stable per type.
 */
export const ExchangeFailures = {
  notFound: { type: 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException', status: 404, id: 'Ex6F9304' },
  ambiguous: { type: 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException', status: 404, id: 'Ex9E65A2' },
  proxyAddressExists: { type: 'Microsoft.Exchange.Data.Directory.ProxyAddressExistsException', status: 400 },
  memberAlreadyExists: { type: 'Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException', status: 400 },
  onPremises: { type: 'Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException', status: 400 },
  groupManager: { type: 'Microsoft.Exchange.Management.RecipientTasks.OperationRequiresGroupManagerException', status: 400 },
  nameExists: { type: 'Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException', status: 400 },
  invalidAlias: { type: 'Microsoft.Exchange.Data.DataValidationException', status: 400 },
  parameterBinding: { type: 'System.Management.Automation.ParameterBindingException', status: 400 },
  invalidFilter: { type: 'Microsoft.Exchange.Configuration.Tasks.InvalidFilterException', status: 400 },
} as const satisfies Record<string, { readonly type: string; readonly status: number; readonly id?: string }>;

export type ExchangeFailure = keyof typeof ExchangeFailures;

/** The service's own wrapper type, always in innererror (never the cmdlet's exception). */
export const serviceWrapperType = 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException';

const wrapperStackTrace =
  '   at Microsoft.Exchange.AdminApi.CommandInvocation.CommandInvocation.InvokeCommand(QueryContext queryContext, CmdletInvokeInputType cmdletInvokeInputType)\r\n' +
  '   at Microsoft.Exchange.AdminApi.Controllers.CommandController.InvokeCommand(ODataActionParameters parameters)';

/** A cmdlet failure: becomes the error body of its kind. */
export class CmdletError extends Error {
  constructor(
    readonly failure: ExchangeFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The error id of a failure: the real one where it is known, else a stable made-up one. */
export function errorIdOf(failure: ExchangeFailure): string {
  const known = ExchangeFailures[failure] as { readonly id?: string };
  if (known.id !== undefined) return known.id;
  return `Ex${createHash('sha256').update(ExchangeFailures[failure].type).digest('hex').slice(0, 6).toUpperCase()}`;
}

function errorCodeFor(status: number): string {
  if (status === 404) return 'NotFound';
  if (status >= 500) return 'InternalServerError';
  return 'BadRequest';
}

/** The status and JSON body of a cmdlet failure. */
export function cmdletFailure(failure: ExchangeFailure, text: string): { readonly status: number; readonly body: unknown } {
  const { type, status } = ExchangeFailures[failure];
  return {
    status,
    body: {
      error: {
        code: errorCodeFor(status),
        message: 'Error executing cmdlet',
        details: [{ code: 'Context', target: '', message: `${errorIdOf(failure)}|${type}|${text}` }],
        innererror: { message: 'Error executing cmdlet', type: serviceWrapperType, stacktrace: wrapperStackTrace },
      },
    },
  };
}
