using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/TfOps.Benchmarks -- --filter '*'
// (see docs/benchmarks.md for the shapes, the baselines and the results table)
BenchmarkSwitcher.FromAssembly(typeof(TfOps.Benchmarks.Float32Benchmarks).Assembly).Run(args);
