using System.Net.Http;
using Azure.Identity;
using LicenseGovernance.Engine.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Xunit;

namespace LicenseGovernance.Tests.Graph
{
    public class GraphErrorTranslatorTests
    {
        private const string Operation = "listing users";

        [Fact]
        public void Unauthorized_is_token_rejected()
        {
            var error = Translate(OData(401, "InvalidAuthenticationToken", "Access token has expired."));

            Assert.Equal(ErrorIds.TokenRejected, error.Id);
            Assert.Contains("Access token has expired.", error.Message);
        }

        [Fact]
        public void Forbidden_names_the_least_privileged_delegated_permission()
        {
            var error = GraphErrorTranslator.Translate(
                OData(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."), "assigning licences", "AssignUserLicense", appOnly: false);

            Assert.Equal(ErrorIds.PermissionDenied, error.Id);
            Assert.Contains("LicenseAssignment.ReadWrite.All", error.Message);
            Assert.Contains("Insufficient privileges", error.Message);
            Assert.StartsWith("Microsoft Graph refused assigning licences: the token lacks the permission LicenseAssignment.ReadWrite.All (or one of", error.Message);
        }

        [Fact]
        public void Forbidden_for_an_app_names_the_application_permission_first()
        {
            var error = GraphErrorTranslator.Translate(OData(403, "Authorization_RequestDenied", "Insufficient privileges"), Operation, "ReadSignInActivity", appOnly: true);

            Assert.Contains("the permission AuditLog.Read.All", error.Message);
        }

        [Fact]
        public void Forbidden_on_a_non_premium_tenant_names_the_licence()
        {
            var error = GraphErrorTranslator.Translate(
                OData(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license"),
                Operation, "ReadSignInActivity", appOnly: true);

            Assert.Equal(ErrorIds.TenantLicenseRequired, error.Id);
            Assert.Contains("Microsoft Entra ID P1", error.Message);
            Assert.Contains("premium license", error.Message);
        }

        [Fact]
        public void Not_found_is_a_failed_request_in_the_not_found_category()
        {
            var error = Translate(OData(404, "Request_ResourceNotFound", "Resource 'x' does not exist."));

            Assert.Equal(ErrorIds.GraphRequestFailed, error.Id);
            Assert.Equal(GovernanceErrorCategory.ObjectNotFound, error.Category);
            Assert.Contains("404 Request_ResourceNotFound", error.Message);
        }

        [Fact]
        public void Throttling_after_retries_reports_retry_after_from_the_headers()
        {
            var throttled = OData(429, "TooManyRequests", "Please retry again later.");
            throttled.ResponseHeaders = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase) { ["retry-after"] = new[] { "17" } };

            var error = Translate(throttled);

            Assert.Equal(ErrorIds.Throttled, error.Id);
            Assert.Contains("17 s", error.Message);
        }

        [Fact]
        public void Server_error_keeps_status_code_and_message()
        {
            var error = Translate(OData(500, "InternalServerError", "Something broke."));

            Assert.Equal(ErrorIds.GraphRequestFailed, error.Id);
            Assert.Equal(GovernanceErrorCategory.InvalidOperation, error.Category);
            Assert.Contains("500 InternalServerError: Something broke.", error.Message);
        }

        [Fact]
        public void Plain_api_exception_uses_its_status()
        {
            var error = Translate(new ApiException("The server returned an unexpected status code and no error factory is registered for this code: 401") { ResponseStatusCode = 401 });

            Assert.Equal(ErrorIds.TokenRejected, error.Id);
        }

        [Fact]
        public void Network_failure_explains_the_inner_cause()
        {
            var error = Translate(new HttpRequestException("An error occurred while sending the request.", new IOException("Connection refused")));

            Assert.Equal(ErrorIds.GraphUnreachable, error.Id);
            Assert.Contains("Connection refused", error.Message);
        }

        [Fact]
        public void Cancellation_is_a_timeout_unless_the_user_asked_for_it()
        {
            using var cts = new CancellationTokenSource();
            Assert.Equal(ErrorIds.GraphUnreachable, Translate(new TaskCanceledException()).Id);

            cts.Cancel();
            Assert.Equal(ErrorIds.OperationCancelled, GraphErrorTranslator.Translate(new TaskCanceledException(), Operation, "ReadUsers", false, cts.Token).Id);
        }

        [Fact]
        public void Credential_failure_during_a_call_is_an_authentication_error()
        {
            Assert.Equal(ErrorIds.AuthenticationFailed, Translate(new AuthenticationFailedException("AADSTS700016: app not found")).Id);
        }

        [Fact]
        public void Wrapped_exceptions_are_unwrapped()
        {
            Assert.Equal(ErrorIds.TokenRejected, Translate(new AggregateException(OData(401, "InvalidAuthenticationToken", "expired"))).Id);
        }

        [Fact]
        public void Unknown_capability_still_translates_a_denial()
        {
            var error = GraphErrorTranslator.Translate(OData(403, "Authorization_RequestDenied", "Insufficient privileges"), Operation, "NotACapability", appOnly: true);

            Assert.Equal(ErrorIds.PermissionDenied, error.Id);
        }

        private static GovernanceError Translate(Exception exception) =>
            GraphErrorTranslator.Translate(exception, Operation, "ReadUsers", appOnly: true);

        private static ODataError OData(int status, string code, string message) =>
            new ODataError { ResponseStatusCode = status, Error = new MainError { Code = code, Message = message } };
    }
}
