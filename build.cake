// TfOps build script. From a fresh clone:  dotnet tool restore && dotnet cake
// Targets: Clean, Build, Test, Parity, Bench (quick), Pack, Default (= what a contributor runs before pushing).
//   dotnet cake --target=Pack --configuration=Release

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var solution = "./TfOps.sln";
var packageDir = Directory("./artifacts/packages");
var testResults = Directory("./artifacts/test-results");
var cli = "./src/TfOps.Cli/TfOps.Cli.csproj";

Task("Clean")
    .Description("Removes build outputs and packages.")
    .Does(() =>
{
    CleanDirectories("./src/**/bin/" + configuration);
    CleanDirectories("./src/**/obj");
    CleanDirectories("./tests/**/bin/" + configuration);
    CleanDirectories("./native-interop/**/bin/" + configuration);
    CleanDirectories("./benchmarks/**/bin/" + configuration);
    CleanDirectory("./artifacts");
});

Task("Build")
    .Description("Builds every project in the solution.")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .Description("Runs every test project (the README's test command), with TRX results in artifacts/test-results.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Loggers = new[] { "trx" },
        ResultsDirectory = testResults,
    });
});

Task("Parity")
    .Description("Runs `tfops parity` over the shipped golden fixtures (the README's main job).")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetRun(cli, new ProcessArgumentBuilder().Append("parity"), new DotNetRunSettings
    {
        Configuration = configuration,
        NoBuild = true,
    });
});

Task("Bench")
    .Description("A quick `tfops bench` throughput table (the full comparison is benchmarks/TfOps.Benchmarks).")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetRun(cli, new ProcessArgumentBuilder().Append("bench").Append("--shapes").Append("small").Append("--reps").Append("5"), new DotNetRunSettings
    {
        Configuration = configuration,
        NoBuild = true,
    });
});

Task("Pack")
    .Description("Packs TfOps, TfOps.NumSharp, TfOps.Native and the TfOps.Tool .NET tool into artifacts/packages.")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(packageDir);
    DotNetPack(solution, new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = packageDir,
    });
});

Task("Default")
    .Description("Build, test, parity and pack: run this before pushing.")
    .IsDependentOn("Test")
    .IsDependentOn("Parity")
    .IsDependentOn("Pack");

RunTarget(target);
