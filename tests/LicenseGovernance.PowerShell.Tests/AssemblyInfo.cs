// The module keeps one engine (and one connection) per process, as PowerShell modules do; tests share it in order.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
