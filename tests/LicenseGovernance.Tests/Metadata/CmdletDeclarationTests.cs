using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>Naming, ShouldProcess and output declarations of every cmdlet in the built assembly.</summary>
[Collection(BuiltModuleCollection.Name)]
public sealed class CmdletDeclarationTests
{
    /// <summary>
    /// Verbs whose cmdlets change the tenant or write local state, so -WhatIf must be possible. Connect and Disconnect
    /// only change the session's own connection, not the tenant, and are left out; Export writes a local file and is in.
    /// </summary>
    private static readonly HashSet<string> StateChangingVerbs = new(StringComparer.Ordinal)
    {
        "New", "Set", "Remove", "Add", "Clear", "Import", "Install", "Uninstall", "Move", "Rename", "Invoke", "Start", "Stop",
        "Restart", "Suspend", "Resume", "Update", "Undo", "Save", "Export", "Enable", "Disable", "Grant", "Revoke", "Block",
        "Unblock", "Reset", "Register", "Unregister", "Sync", "Restore", "Publish", "Unpublish", "Submit", "Approve", "Deny",
        "Repair", "Deploy",
    };

    /// <summary>Cmdlets documented to write nothing, so they carry no [OutputType]. Add a name only with its help saying so.</summary>
    private static readonly HashSet<string> CmdletsWithoutOutput = new(StringComparer.Ordinal);

    private readonly BuiltModule module;

    public CmdletDeclarationTests(BuiltModule module) => this.module = module;

    [Fact]
    public void The_assembly_has_cmdlets() => Assert.NotEmpty(module.Cmdlets);

    [Fact]
    public void Every_verb_is_approved() => MetadataAssert.None(
        module.Cmdlets.Where(c => !ApprovedVerbs.All.Contains(c.Verb)).Select(c => $"{c.Name} ({c.TypeName}): '{c.Verb}' is not an approved verb (Get-Verb)"),
        "Cmdlets with unapproved verbs, which make Import-Module warn:");

    [Fact]
    public void State_changing_cmdlets_support_ShouldProcess() => MetadataAssert.None(
        module.Cmdlets.Where(c => StateChangingVerbs.Contains(c.Verb) && !c.SupportsShouldProcess).Select(c => $"{c.Name} ({c.TypeName})"),
        "Cmdlets whose verb changes state but that lack [Cmdlet(SupportsShouldProcess = true)]:");

    [Fact]
    public void High_impact_cmdlets_support_ShouldProcess() => MetadataAssert.None(
        module.Cmdlets.Where(c => c.ConfirmImpact == "High" && !c.SupportsShouldProcess).Select(c => $"{c.Name} ({c.TypeName})"),
        "Cmdlets with ConfirmImpact.High that cannot ask for confirmation (no SupportsShouldProcess):");

    [Fact]
    public void Every_cmdlet_declares_OutputType() => MetadataAssert.None(
        module.Cmdlets.Where(c => c.OutputTypes.Count == 0 && !CmdletsWithoutOutput.Contains(c.Name)).Select(c => $"{c.Name} ({c.TypeName})"),
        "Cmdlets without [OutputType] (and not on the documented no-output list):");

    [Fact]
    public void The_no_output_list_names_real_cmdlets_without_OutputType() => MetadataAssert.None(
        CmdletsWithoutOutput.Where(n => module.Cmdlets.All(c => c.Name != n || c.OutputTypes.Count > 0)).Select(n => n),
        "Names on the no-output list that are not cmdlets, or that do declare [OutputType]:");
}
