using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;
using Xunit;

namespace LicenseGovernance.Tests.Kernel;

/// <summary>The compact licence state every user of the tier system is held as.</summary>
public sealed class LicenseStateTests
{
    [Fact]
    public void EveryValueTheEngineReadsIsCopied_AndTheValuesGraphRepeatsAreHeldOnce()
    {
        var sku = Guid.NewGuid();
        var plan = Guid.NewGuid();
        var updated = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        // Strings built at run time, as the JSON reader makes them, so sharing cannot come from the compiler's literals.
        var read = new LicenseAssignmentState
        {
            SkuId = sku,
            AssignedByGroup = "8f0c5d3e-0000-4000-8000-000000000001",
            State = new string("ActiveWithError".ToCharArray()),
            Error = new string("CountViolation".ToCharArray()),
            DisabledPlans = new List<Guid?> { plan, null },
            LastUpdatedDateTime = updated,
        };

        var state = Assert.Single(LicenseStates.Of(new User { LicenseAssignmentStates = new List<LicenseAssignmentState> { read } }));

        Assert.Equal((sku, read.AssignedByGroup, "ActiveWithError", "CountViolation", updated), (state.SkuId!.Value, state.AssignedByGroup, state.State, state.Error, state.LastUpdatedDateTime!.Value));
        Assert.Equal(new[] { plan }, state.DisabledPlans);
        Assert.Same(string.Intern("ActiveWithError"), state.State);
        Assert.Same(string.Intern("CountViolation"), state.Error);
    }
}
