using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// A real PowerShell 7 runspace with the built module imported. Only the Microsoft.PowerShell.Core commands exist
/// here (the registry serves System.Management.Automation but not the Utility/Management modules), so tests inspect
/// objects rather than formatted text.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(new[] { RepositoryPaths.Manifest });
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    public Result Run(string script)
    {
        using var ps = System.Management.Automation.PowerShell.Create(_runspace);
        ps.AddScript(script);
        Collection<PSObject> output;
        Exception? terminating = null;
        try
        {
            output = ps.Invoke();
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
            terminating);
    }

    public void Dispose() => _runspace.Dispose();

    public sealed record Result(List<object?> Output, List<ErrorRecord> Errors, List<string> Warnings, List<string> Verbose, Exception? Terminating)
    {
        public IEnumerable<T> Of<T>() => Output.OfType<T>();

        /// <summary>The error id of the terminating error or the first non-terminating one.</summary>
        public string? FirstErrorId =>
            (Terminating as IContainsErrorRecord)?.ErrorRecord.FullyQualifiedErrorId ?? Errors.FirstOrDefault()?.FullyQualifiedErrorId;

        public string AllErrorText => string.Join("\n", Errors.Select(e => e.ToString()).Append(Terminating?.Message ?? ""));
    }
}
