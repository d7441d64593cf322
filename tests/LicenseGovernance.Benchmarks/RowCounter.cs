using LicenseGovernance.Hosting;

namespace LicenseGovernance.Benchmarks;

/// <summary>
/// A sink for runs too large to keep their output: it counts the rows a benchmark checks and keeps the run's summary,
/// so memory figures measure the engine and not the benchmark.
/// </summary>
internal sealed class RowCounter<TRow, TSummary>
    where TSummary : class
{
    public RowCounter(Func<TRow, bool> counts)
    {
        Sink.OnObject = o =>
        {
            if (o is TRow row && counts(row))
            {
                Counted++;
            }
            else if (o is TSummary summary)
            {
                Summary = summary;
            }
        };
    }

    public CollectingSink Sink { get; } = new CollectingSink { KeepObjects = false, KeepMessages = false };

    public long Counted { get; private set; }

    public TSummary? Summary { get; private set; }
}
