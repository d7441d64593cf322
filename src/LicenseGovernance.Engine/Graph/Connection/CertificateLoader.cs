using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Graph.Connection
{
    /// <summary>Finds the certificate for app-only sign-in from exactly one of -CertificateThumbprint, -Certificate or -CertificatePath.</summary>
    internal static class CertificateLoader
    {
        public static X509Certificate2 Load(ConnectRequest request)
        {
            var given = new[]
            {
                request.CertificateThumbprint != null ? "CertificateThumbprint" : null,
                request.Certificate != null ? "Certificate" : null,
                request.CertificatePath != null ? "CertificatePath" : null,
            }.Where(n => n != null).ToArray();

            if (given.Length != 1)
            {
                throw Errors.InvalidCredentialParameter(
                    given.Length == 0 ? "CertificateThumbprint" : given[1]!,
                    given.Length == 0
                        ? "certificate sign-in needs one of -CertificateThumbprint, -Certificate or -CertificatePath."
                        : $"give only one of -CertificateThumbprint, -Certificate or -CertificatePath, not {string.Join(" and ", given.Select(n => "-" + n))}.").ToException();
            }

            if (request.Certificate != null)
            {
                return RequirePrivateKey(request.Certificate, "Certificate");
            }

            return request.CertificatePath != null
                ? FromFile(request.CertificatePath, CredentialFactory.Reveal(request.CertificatePassword))
                : FromStore(request.CertificateThumbprint!);
        }

        private static X509Certificate2 FromFile(string path, string? password)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw Errors.InvalidCredentialParameter("CertificatePath", "the path is empty.").ToException();
            }

            var fullPath = Path.GetFullPath(path);
            if (!File.Exists(fullPath))
            {
                throw Errors.CertificateNotFound($"file '{path}'", fullPath).ToException();
            }

            X509Certificate2 certificate;
            try
            {
                // Default key storage rather than EphemeralKeySet: ephemeral keys are not supported on macOS or older .NET Framework.
                certificate = new X509Certificate2(fullPath, password, X509KeyStorageFlags.DefaultKeySet);
            }
            catch (CryptographicException ex)
            {
                throw Errors.InvalidCredentialParameter(
                    password == null ? "CertificatePath" : "CertificatePassword",
                    $"'{path}' could not be opened as a PFX file ({ex.Message.Trim()}). Check the file and its -CertificatePassword.").ToException();
            }

            return RequirePrivateKey(certificate, "CertificatePath");
        }

        private static X509Certificate2 FromStore(string thumbprint)
        {
            var normalized = new string(thumbprint.Where(c => !char.IsWhiteSpace(c) && c != ':').ToArray()).ToUpperInvariant();
            if (normalized.Length != 40 || !normalized.All(Uri.IsHexDigit))
            {
                throw Errors.InvalidCredentialParameter("CertificateThumbprint", $"'{thumbprint}' is not a certificate thumbprint (40 hexadecimal characters).").ToException();
            }

            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                var found = Find(location, normalized);
                if (found != null)
                {
                    return RequirePrivateKey(found, "CertificateThumbprint");
                }
            }

            throw Errors.CertificateNotFound($"with thumbprint {normalized}", @"Cert:\CurrentUser\My or Cert:\LocalMachine\My").ToException();
        }

        private static X509Certificate2? Find(StoreLocation location, string thumbprint)
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false)
                    .OfType<X509Certificate2>()
                    .FirstOrDefault();
            }
            catch (CryptographicException)
            {
                // Linux has no LocalMachine\My store, and a user without a profile has no CurrentUser store: both mean "not here".
                return null;
            }
            catch (PlatformNotSupportedException)
            {
                return null;
            }
        }

        private static X509Certificate2 RequirePrivateKey(X509Certificate2 certificate, string parameter)
        {
            if (!certificate.HasPrivateKey)
            {
                throw Errors.InvalidCredentialParameter(
                    parameter,
                    $"the certificate {certificate.Thumbprint} has no private key, so it cannot sign in. Use the PFX or the store entry that holds the key.").ToException();
            }

            return certificate;
        }
    }
}
