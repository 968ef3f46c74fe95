using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TfOps.Native.Tests.Native;

/// <summary>
/// Compiles fake_tensorflow.c into a shared library with the machine's C compiler, so tests can
/// load the plugin's public path against real native exports. Null (with the reason) when no
/// compiler is available or the platform is not an ELF/Mach-O one.
/// </summary>
internal static class NativeFakeLibrary
{
    private static readonly string Source = Path.Combine(AppContext.BaseDirectory, "Native", "fake_tensorflow.c");

    /// <summary>Builds the library into <paramref name="directory"/>; defines are passed as -D flags.</summary>
    public static string? TryBuild(string directory, string name, out string? reason, params string[] defines)
    {
        if (OperatingSystem.IsWindows())
        {
            reason = "the native fake is built with a Unix C compiler; Windows runs the C# fake only";
            return null;
        }

        string? compiler = FindCompiler();
        if (compiler is null)
        {
            reason = "no C compiler (cc, gcc or clang) on PATH";
            return null;
        }

        string output = Path.Combine(directory, name);
        var start = new ProcessStartInfo(compiler) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in (string[])["-shared", "-fPIC", "-O1", .. defines.Select(d => "-D" + d), "-o", output, Source])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        // A compiler that is present but fails is a test failure, not a reason to skip.
        Assert.That(process.ExitCode, Is.Zero, $"{compiler} failed: {errors}");
        reason = null;
        return output;
    }

    private static string? FindCompiler() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "cc", "gcc", "clang" }.Select(c => Path.Combine(dir, c)))
            .FirstOrDefault(File.Exists);

    /// <summary>Calls the library's test driver, fake_run, for one BiasAddGrad node.</summary>
    public static unsafe (TfCode Code, string Message, byte[] Output) Run(nint library, TfDataType dtype, string dataFormat, long[] shape, byte[] input)
    {
        var run = (delegate* unmanaged[Cdecl]<int, byte*, long*, int, void*, nuint, void*, nuint, long*, byte*, nuint, int>)
            NativeLibrary.GetExport(library, "fake_run");
        byte[] format = [.. System.Text.Encoding.UTF8.GetBytes(dataFormat), 0];
        byte[] output = new byte[4096];
        byte[] message = new byte[1024];
        long channels = 0;
        int code;
        fixed (byte* f = format)
        fixed (long* dims = shape)
        fixed (byte* i = input)
        fixed (byte* o = output)
        fixed (byte* m = message)
        {
            code = run((int)dtype, f, dims, shape.Length, i, (nuint)input.Length, o, (nuint)output.Length, &channels, m, (nuint)message.Length);
        }

        string text = System.Text.Encoding.UTF8.GetString(message).TrimEnd('\0');
        return ((TfCode)code, text, output[..(int)(channels * TfDataTypes.ElementSize(dtype))]);
    }

    /// <summary>Statuses, tensor wrappers and unregistered builders the library has handed out and not had back.</summary>
    public static unsafe long LiveObjects(nint library) =>
        ((delegate* unmanaged[Cdecl]<long>)NativeLibrary.GetExport(library, "fake_live_objects"))();

    /// <summary>The (dtype, priority) of every registration, and whether all are BiasAddGrad on CPU.</summary>
    public static unsafe (List<(TfDataType Type, int Priority)> Registrations, bool AllBiasAddGradOnCpu) Registrations(nint library)
    {
        int count = ((delegate* unmanaged[Cdecl]<int>)NativeLibrary.GetExport(library, "fake_registration_count"))();
        var info = (delegate* unmanaged[Cdecl]<int, int*, int*, int>)NativeLibrary.GetExport(library, "fake_registration");
        var list = new List<(TfDataType, int)>();
        bool allOk = true;
        for (int i = 0; i < count; i++)
        {
            int type, priority;
            allOk &= info(i, &type, &priority) == 1;
            list.Add(((TfDataType)type, priority));
        }

        return (list, allOk);
    }
}
