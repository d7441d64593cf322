using System.Diagnostics;
using System.Security;
using LicenseGovernance.Benchmarks;

// The simulated tenant runs in a child process on a loopback port, so the figures measure the client alone:
// the tenant's own memory grows with its users, and must not be counted against the engine.
if (args.Length > 0 && args[0] == "serve")
{
    return TenantServer.Run(int.Parse(args[1]), int.Parse(args[2]));
}

var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : new[] { 20_000, 100_000 };
const int latencyMs = 20;
Console.WriteLine($"ListUsers benchmark: every user over loopback HTTP, {latencyMs} ms added latency per request, output streamed");
Console.WriteLine($"{"users",9} {"pages",6} {"requests",9} {"extra",6} {"wall s",8} {"users/s",9} {"peak MB",8} {"end MB",7}");
var results = new List<ListUsersResult>();
foreach (var size in sizes)
{
    var result = await ListUsersBenchmark.RunAsync(size, latencyMs);
    results.Add(result);
    Console.WriteLine($"{result.Users,9:N0} {result.Pages,6} {result.Requests,9} {result.Requests - result.Pages,6} {result.Wall.TotalSeconds,8:N2} {result.Users / result.Wall.TotalSeconds,9:N0} {result.PeakManagedBytes / 1048576.0,8:N1} {result.EndManagedBytes / 1048576.0,7:N1}");
}

// The issue's two targets, read off the figures: requests are the page count plus one constant, and peak memory
// does not follow the user count (streamed output keeps no page).
var extras = results.Select(r => r.Requests - r.Pages).Distinct().ToList();
Console.WriteLine($"requests = pages + constant: {(extras.Count == 1 ? "yes (+" + extras[0] + ")" : "no (" + string.Join(", ", extras) + ")")}");
if (results.Count > 1)
{
    var small = results.OrderBy(r => r.Users).First();
    var large = results.OrderBy(r => r.Users).Last();
    Console.WriteLine($"peak memory x{(double)large.PeakManagedBytes / small.PeakManagedBytes:N2} for x{(double)large.Users / small.Users:N1} the users");
}

return 0;
