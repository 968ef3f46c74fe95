using System.CommandLine;
using TfOps.Cli;

var root = new RootCommand("tfops: TensorFlow BiasAddGrad from a managed kernel (parity checks, one-off runs, benchmarks).");
root.Subcommands.Add(ParityCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
