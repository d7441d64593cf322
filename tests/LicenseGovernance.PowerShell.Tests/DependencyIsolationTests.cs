using System.Reflection;
using System.Runtime.Loader;
using LicenseGovernance.Hosting;
using LicenseGovernance.Loader;
using LicenseGovernance.Requests;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// The default load context of this test host holds Azure.Core 1.44.1 and MSAL 4.61.3 (project references), as a
/// session with Az.Accounts or Microsoft.Graph.Authentication would. The built engine must load its own versions
/// through the loader and still work, and the default context's copies must keep working beside it.
/// </summary>
public sealed class DependencyIsolationTests
{
    private static readonly string[] Shared = { "LicenseGovernance.Contracts", "LicenseGovernance", "LicenseGovernance.Loader" };

    [Fact]
    public async Task EngineRunsASimulatorCallWithItsOwnAzureCoreBesideAnOlderOneInTheDefaultContext()
    {
        var defaultAzureCore = typeof(Azure.Core.AccessToken).Assembly;
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(defaultAzureCore));
        Assert.Equal(new Version(1, 44, 1, 0), defaultAzureCore.GetName().Version);

        var context = DependencyLoadContext.For(RepositoryPaths.Dependencies, Shared);
        var engineAssembly = context.LoadFromAssemblyName(new AssemblyName("LicenseGovernance.Engine"));
        var engine = (ILicenseGovernanceEngine)Activator.CreateInstance(engineAssembly.GetType("LicenseGovernance.Engine.GovernanceEngine", true)!)!;

        var sink = new CollectingSink();
        await engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.Simulator, SimulatorUserCount = 60 }, sink);
        await engine.GetSkusAsync(new GetLicenseSkuRequest(), sink);

        Assert.Empty(sink.Errors);
        Assert.Contains(sink.Of<LicenseSku>(), s => s.SkuPartNumber == "SPE_E5");

        var engineAzureCore = context.Assemblies.Single(a => a.GetName().Name == "Azure.Core");
        Assert.NotEqual(defaultAzureCore.GetName().Version, engineAzureCore.GetName().Version);
        Assert.Equal(Path.GetFullPath(RepositoryPaths.Dependencies), Path.GetDirectoryName(engineAzureCore.Location));

        // The default context's copy is untouched and usable after the engine loaded its own.
        Assert.Same(defaultAzureCore, AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("Azure.Core")));
        var token = new Azure.Core.AccessToken("t", DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal("t", token.Token);
        engine.Disconnect();
    }

    [Fact]
    public void ContractsAreSharedNotDuplicated()
    {
        var context = DependencyLoadContext.For(RepositoryPaths.Dependencies, Shared);
        var engineAssembly = context.LoadFromAssemblyName(new AssemblyName("LicenseGovernance.Engine"));
        var contractsSeenByEngine = engineAssembly.GetReferencedAssemblies().Single(a => a.Name == "LicenseGovernance.Contracts");

        Assert.Same(typeof(ILicenseGovernanceEngine).Assembly, context.LoadFromAssemblyName(contractsSeenByEngine));
        Assert.False(File.Exists(Path.Combine(RepositoryPaths.Dependencies, "LicenseGovernance.Contracts.dll")));
    }

    [Fact]
    public void MsalInTheDefaultContextStaysTheOlderVersionWhateverTheModuleLoads()
    {
        var context = DependencyLoadContext.For(RepositoryPaths.Dependencies, Shared);
        var moduleMsal = context.LoadFromAssemblyName(new AssemblyName("Microsoft.Identity.Client"));
        var defaultMsal = typeof(Microsoft.Identity.Client.PublicClientApplication).Assembly;

        Assert.Same(context, AssemblyLoadContext.GetLoadContext(moduleMsal));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(defaultMsal));
        Assert.NotEqual(defaultMsal.GetName().Version, moduleMsal.GetName().Version);
        Assert.NotNull(Microsoft.Identity.Client.PublicClientApplicationBuilder.Create(Guid.NewGuid().ToString()).Build());
    }
}
