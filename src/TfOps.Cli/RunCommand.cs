using System.CommandLine;
using TfOps.Parity;

namespace TfOps.Cli;

/// <summary>
/// <c>tfops run --dtype D --data-format F --input IN.npy --output OUT.npy</c>: one BiasAddGrad on a
/// user's file, with the golden files' dtype conventions (bfloat16 as uint16 bit patterns,
/// quantized dtypes as their storage integers).
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var dtype = new Option<string>("--dtype") { Description = "TensorFlow dtype name: float32, bfloat16, qint8, ...", Required = true };
        var format = new Option<string>("--data-format") { Description = "NHWC or NCHW", DefaultValueFactory = _ => "NHWC" };
        var input = new Option<string>("--input") { Description = "out_backprop as .npy", Required = true, HelpName = "IN.npy" };
        var output = new Option<string>("--output") { Description = "where to write the [C] result as .npy", Required = true, HelpName = "OUT.npy" };
        var command = new Command("run", "Compute one BiasAddGrad on an .npy file") { dtype, format, input, output };
        command.SetAction(parse => Execute(
            parse.GetValue(dtype)!, parse.GetValue(format)!, parse.GetValue(input)!, parse.GetValue(output)!, Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the op; 0 on success, 1 on any failure (reason on <paramref name="error"/>).</summary>
    public static int Execute(string dtypeName, string dataFormat, string inputPath, string outputPath, TextWriter stdout, TextWriter error)
    {
        if (!GoldenDtype.TryFind(dtypeName, out var dtype))
        {
            error.WriteLine($"tfops run: unknown dtype '{dtypeName}' (use TensorFlow's names: float16, bfloat16, float32, float64, complex64, complex128, int8..int64, uint8..uint64, qint8, quint8, qint16, quint16, qint32)");
            return 1;
        }

        try
        {
            var tensor = NpyReader.Read(inputPath, dtype);
            byte[] result = OpRunner.Run(dtype, dataFormat, tensor.Shape, tensor.Data);
            long[] shape = OpRunner.OutputShape(dtype, result.Length);
            NpyWriter.Write(outputPath, dtype, shape, result);
            stdout.WriteLine($"BiasAddGrad {dtype.Name} {dataFormat} {NpyHeader.FormatShape(tensor.Shape)} -> {NpyHeader.FormatShape(shape)}: {outputPath}");
            return 0;
        }
        catch (NpyFormatException e)
        {
            error.WriteLine($"tfops run: input: {e.Message}");
        }
        catch (TfOpsException e)
        {
            error.WriteLine($"tfops run: {e.CodeName}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"tfops run: cannot write {outputPath}: {e.Message}");
        }

        return 1;
    }
}
