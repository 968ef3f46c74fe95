using System.CommandLine;
using TfOps.Cli;

var root = new RootCommand("tfops: TensorFlow's BiasAddGrad from the TfOps managed kernel. Check parity against golden tensors exported from TensorFlow or against your own TensorFlow, export golden tensors from it, run one BiasAddGrad on a .npy file, or benchmark the kernel against a memory-read reference.");
root.Subcommands.Add(ParityCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
VersionReport.ReplaceVersionAction(root);
return root.Parse(args).Invoke();
