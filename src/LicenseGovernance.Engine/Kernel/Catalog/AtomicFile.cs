using System;
using System.IO;
using System.Text;

namespace LicenseGovernance.Engine.Kernel.Catalog
{
    /// <summary>
    /// Writes settings files so that a crash or a full disk leaves the previous file intact: the text goes to a
    /// temporary file beside the target, which then replaces it.
    /// </summary>
    internal static class AtomicFile
    {
        /// <param name="failed">The error for a write that failed (the target path and the cause); settings files' by default.</param>
        public static void WriteAllText(string path, string text, Func<string, Exception, GovernanceError>? failed = null)
        {
            string? temporary = null;
            try
            {
                var full = Path.GetFullPath(path);
                var directory = Path.GetDirectoryName(full);
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
                temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
                File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                if (File.Exists(full)) File.Replace(temporary, full, null);
                else File.Move(temporary, full);
                temporary = null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is System.Security.SecurityException)
            {
                throw (failed ?? Errors.SettingsWriteFailed)(path, e).ToException();
            }
            finally
            {
                if (temporary != null) TryDelete(temporary);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // The write has already failed and been reported; a stray temporary file is the lesser problem.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }
}
