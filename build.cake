// TfOps's one pipeline. CI (`bash .ci/run`) installs the prerequisites and runs `dotnet cake --target=CI`;
// a contributor runs the same steps with `dotnet tool restore && dotnet cake`.
// Targets: Clean, Fixtures, Test, LargeMemoryTests, Pack, PackageCheck, CI (= Default), plus Parity and Bench.
//
// Configurations, each built once: the tests run README's test command (`dotnet test`, the Debug
// configuration a developer runs); the packages are Release builds (what ships), built by Pack, and
// the large-memory tests run on that same Release build (Debug's unoptimized JIT would take many
// minutes over 2^31 elements).

var target = Argument("target", "Default");
var solution = "./TfOps.sln";
var artifacts = Directory("./artifacts");
var packageDir = artifacts + Directory("packages");
var testResults = artifacts + Directory("test-results");
var cli = "./src/TfOps.Cli/TfOps.Cli.csproj";

void Run(string tool, string arguments)
{
    int exit = StartProcess(tool, new ProcessSettings { Arguments = arguments });
    if (exit != 0)
    {
        throw new Exception($"{tool} {arguments} exited with {exit}");
    }
}

Task("Clean")
    .Description("Removes build outputs and artifacts.")
    .Does(() =>
{
    CleanDirectories("./**/bin");
    CleanDirectories("./**/obj");
    CleanDirectory(artifacts);
});

Task("Fixtures")
    .Description("The numpy exporter regenerates the committed golden fixtures byte for byte; the exporter's tests pass.")
    .Does(() => Run("bash", ".ci/fixtures-check.sh"));

Task("Test")
    .Description("README's test command (`dotnet test`) with TRX results in artifacts/test-results, then the one-line summary.")
    .Does(() =>
{
    CleanDirectory(testResults);
    Exception failure = null;
    try
    {
        DotNetTest(solution, new DotNetTestSettings { Loggers = new[] { "trx" }, ResultsDirectory = testResults });
    }
    catch (Exception e)
    {
        failure = e; // the summary below still reports what ran
    }

    Run("/usr/bin/python3", $".ci/trx-summary.py {testResults}");
    if (failure != null)
    {
        throw failure;
    }
});

Task("LargeMemoryTests")
    .Description("The kernel at the int32 element limit (about 4.5 GB, 2 minutes): alone, after the other tests, in Release.")
    .IsDependentOn("Pack")
    .Does(() =>
{
    // One test process at a time, never beside the other suites, so memory stays well under 24 GiB.
    DotNetTest("./tests/TfOps.Tests/TfOps.Tests.csproj", new DotNetTestSettings
    {
        Configuration = "Release",
        Filter = "TestCategory=LargeMemory",
        Loggers = new[] { "trx;LogFileName=large-memory.trx" },
        ResultsDirectory = testResults,
    });
    Run("/usr/bin/python3", $".ci/trx-summary.py {testResults}");
});

Task("Pack")
    .Description("Release builds of TfOps, TfOps.NumSharp, TfOps.Native and the TfOps.Tool .NET tool into artifacts/packages.")
    .Does(() =>
{
    CleanDirectory(packageDir);
    DotNetPack(solution, new DotNetPackSettings
    {
        Configuration = "Release",
        OutputDirectory = packageDir,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("ContinuousIntegrationBuild", "true"),
    });
});

Task("PackageCheck")
    .Description("Package contents, the tool installed from the packages running `tfops parity`, and a scratch project consuming them.")
    .IsDependentOn("Pack")
    .Does(() => Run("bash", $".ci/package-check.sh {packageDir}"));

Task("Parity")
    .Description("`tfops parity` over the shipped golden fixtures (README's main job), from the source tree.")
    .Does(() => DotNetRun(cli, new ProcessArgumentBuilder().Append("parity"), new DotNetRunSettings { Configuration = "Release" }));

Task("Bench")
    .Description("A quick `tfops bench` throughput table (the full comparison is benchmarks/TfOps.Benchmarks).")
    .Does(() => DotNetRun(cli, new ProcessArgumentBuilder().Append("bench").Append("--shapes").Append("small").Append("--reps").Append("5"),
        new DotNetRunSettings { Configuration = "Release" }));

Task("CI")
    .Description("Everything CI checks, in order: fixtures, packages (and the tool's parity run), the tests, then the large-memory tests alone.")
    .IsDependentOn("Fixtures")
    .IsDependentOn("PackageCheck")
    .IsDependentOn("Test")
    .IsDependentOn("LargeMemoryTests");

Task("Default")
    .IsDependentOn("CI");

RunTarget(target);
