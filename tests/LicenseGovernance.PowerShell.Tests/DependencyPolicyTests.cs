using System.Reflection;
using LicenseGovernance.Loader;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// The decisions of the Windows PowerShell AssemblyResolve handler, which sees every failed load in the process: it
/// serves Dependencies/ only to the module's own assemblies and only at versions the module ships.
/// </summary>
public sealed class DependencyPolicyTests
{
    private static readonly string Module = Path.Combine(Path.GetTempPath(), "Modules", "LicenseGovernance", "0.1.0");
    private static readonly string Ours = Path.Combine(Module, "Dependencies", "Microsoft.Graph.Core.dll");
    private static readonly string OurRoot = Path.Combine(Module, "LicenseGovernance.dll");
    // Another module installed beside ours, whose folder name starts with ours.
    private static readonly string Theirs = Path.Combine(Path.GetTempPath(), "Modules", "LicenseGovernance", "0.1.0-other", "Azure.Identity.dll");
    private static readonly string AzAccounts = Path.Combine(Path.GetTempPath(), "Modules", "Az.Accounts", "Azure.Identity.dll");
    private static readonly Version Shipped = new(1, 47, 0, 0);

    private static AssemblyName Request(string version) => new($"Azure.Core, Version={version}, Culture=neutral, PublicKeyToken=92742159e12e44c8");

    [Theory]
    [InlineData("1.38.0.0")]
    [InlineData("1.47.0.0")]
    public void ServesOurAssembliesAnOlderOrTheSameVersion(string version)
    {
        Assert.True(DependencyPolicy.ShouldServe(Request(version), Ours, Module, Shipped));
        Assert.True(DependencyPolicy.ShouldServe(Request(version), OurRoot, Module, Shipped));
    }

    [Fact]
    public void NeverAnswersARequestForANewerVersionWithOurOlderCopy()
    {
        Assert.False(DependencyPolicy.ShouldServe(Request("1.48.0.0"), Ours, Module, Shipped));
        Assert.False(DependencyPolicy.ShouldServe(Request("2.0.0.0"), Ours, Module, Shipped));
    }

    [Fact]
    public void ARequestWithoutAVersionTakesOurs()
    {
        Assert.True(DependencyPolicy.ShouldServe(new AssemblyName("Azure.Core"), Ours, Module, Shipped));
    }

    [Theory]
    [InlineData("1.38.0.0")]
    [InlineData("1.47.0.0")]
    [InlineData("1.48.0.0")]
    public void LeavesOtherModulesRequestsAloneAtAnyVersion(string version)
    {
        Assert.False(DependencyPolicy.ShouldServe(Request(version), AzAccounts, Module, Shipped));
        Assert.False(DependencyPolicy.ShouldServe(Request(version), Theirs, Module, Shipped));
    }

    [Fact]
    public void LeavesARequestWhoseRequesterIsUnknownAlone()
    {
        Assert.False(DependencyPolicy.ShouldServe(Request("1.47.0.0"), null, Module, Shipped));
        Assert.False(DependencyPolicy.ShouldServe(Request("1.47.0.0"), "", Module, Shipped));
    }

    [Fact]
    public void LeavesANameWeDoNotShipAlone()
    {
        Assert.False(DependencyPolicy.ShouldServe(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0"), Ours, Module, shipped: null));
    }

    [Fact]
    public void TheModuleFolderMatchesWithOrWithoutATrailingSeparator()
    {
        Assert.True(DependencyPolicy.IsOurs(Ours, Module + Path.DirectorySeparatorChar));
    }
}
