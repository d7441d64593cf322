using System.Diagnostics;
using Xunit;

namespace LicenseGovernance.Tests.Health;

/// <summary>
/// Headless Chromium, run once per page: a screenshot, and the page's console captured from Chromium's log on stderr
/// (--enable-logging=stderr --v=0 writes every console message, uncaught errors included, as a ":CONSOLE" line).
/// </summary>
internal static class Chromium
{
    public static readonly string? Executable = Locate();

    private static string? Locate()
    {
        // LICENSEGOVERNANCE_CHROMIUM names another browser binary, or "none" to run as if none were installed.
        var fromEnvironment = Environment.GetEnvironmentVariable("LICENSEGOVERNANCE_CHROMIUM");
        if (string.Equals(fromEnvironment, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var candidates = new[] { fromEnvironment, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable" };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }

    public sealed record Run(int ExitCode, string Screenshot, IReadOnlyList<string> ConsoleLines, string Log);

    public static Run Render(string htmlPath, string screenshotPath, int width = 1280, int height = 2000)
    {
        // A profile of its own: other Chromium processes on the machine must not share (or lock) this one's.
        var profile = Path.Combine(Path.GetTempPath(), "lg-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("Chromium was not found."))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--no-default-browser-check",
            "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile, "--screenshot=" + screenshotPath, $"--window-size={width},{height}",
            new Uri(htmlPath).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish rendering {htmlPath} within 120 s.");
            }

            var log = stderr.Result + stdout.Result;
            var console = log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
            return new Run(process.ExitCode, screenshotPath, console, log);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers may still hold a file for a moment; a stray temporary profile is harmless.
            }
        }
    }

    public static bool IsPng(string path)
    {
        var signature = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        var info = new FileInfo(path);
        if (!info.Exists || info.Length <= signature.Length)
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        var head = new byte[signature.Length];
        return stream.Read(head, 0, head.Length) == head.Length && head.SequenceEqual(signature);
    }
}

/// <summary>A fact that needs headless Chromium, skipped with the reason when it is not installed (.ci/run installs it when it can).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable == null)
        {
            Skip = "Chromium was not found (/usr/bin/chromium, or LICENSEGOVERNANCE_CHROMIUM); .ci/run installs the Debian package 'chromium' when it runs as root. " +
                   "Install it to render the health report in a browser.";
        }
    }
}
