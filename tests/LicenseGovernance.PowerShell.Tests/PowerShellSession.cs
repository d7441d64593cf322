using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// A real PowerShell 7.6 runspace (Microsoft.PowerShell.SDK, so the Utility, Management and Security modules load
/// from $PSHOME/Modules as in pwsh) with the built module imported, or the modules a caller names. It has no host UI,
/// so Write-Host lands in the information stream; tests inspect objects rather than formatted text.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    /// <summary>
    /// The built module, journaling to a file of this session's own: test classes run in parallel in one process, and a
    /// shared default journal would let one test's Get-LicenseChangeLog or Undo-LicenseChange pick up another's changes.
    /// </summary>
    public PowerShellSession()
        : this(RepositoryPaths.Manifest)
    {
        var journal = Path.Combine(TestSettings.Home, "journal-" + Guid.NewGuid().ToString("N") + ".jsonl");
        Run($"$PSDefaultParameterValues['Connect-LicenseGovernance:JournalPath'] = '{journal}'");
    }

    /// <param name="modules">Module names or manifest paths imported before the first command runs.</param>
    public PowerShellSession(params string[] modules)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(modules);
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    public Result Run(string script) => Run(script, null);

    /// <summary>Runs the script with <paramref name="input"/> piped to it (read as $input).</summary>
    public Result Run(string script, IEnumerable<object>? input)
    {
        using var ps = System.Management.Automation.PowerShell.Create(_runspace);
        ps.AddScript(script);
        Collection<PSObject> output;
        Exception? terminating = null;
        try
        {
            output = input == null ? ps.Invoke() : ps.Invoke(input);
        }
        catch (RuntimeException ex)
        {
            output = new Collection<PSObject>();
            terminating = ex;
        }

        return new Result(
            output.Select(o => o?.BaseObject).ToList(),
            ps.Streams.Error.ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            ps.Streams.Verbose.Select(v => v.Message).ToList(),
            ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? "").ToList(),
            terminating);
    }

    public void Dispose() => _runspace.Dispose();

    public sealed record Result(List<object?> Output, List<ErrorRecord> Errors, List<string> Warnings, List<string> Verbose, List<string> Information, Exception? Terminating)
    {
        public IEnumerable<T> Of<T>() => Output.OfType<T>();

        /// <summary>The error id of the terminating error or the first non-terminating one.</summary>
        public string? FirstErrorId =>
            (Terminating as IContainsErrorRecord)?.ErrorRecord.FullyQualifiedErrorId ?? Errors.FirstOrDefault()?.FullyQualifiedErrorId;

        public string AllErrorText => string.Join("\n", Errors.Select(e => e.ToString()).Append(Terminating?.Message ?? ""));
    }
}
