using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TfOps.Native.Tests.Native;

/// <summary>
/// Compiles the native fake of libtensorflow (Native/fake_*.c, see fake_tensorflow.h) into a shared
/// library with the machine's C compiler, so tests can load the public paths against real native
/// exports. Null (with the reason) when no compiler is available or the platform is not an ELF/Mach-O one.
/// </summary>
internal static class NativeFakeLibrary
{
    private static readonly string SourceDirectory = Path.Combine(AppContext.BaseDirectory, "Native");

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
        string[] sources = [.. Directory.GetFiles(SourceDirectory, "fake_*.c").Order(StringComparer.Ordinal)];
        foreach (string arg in (string[])["-shared", "-fPIC", "-O1", "-pthread", "-fvisibility=hidden", .. defines.Select(d => "-D" + d), "-o", output, .. sources])
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

    /// <summary>
    /// A counter of the library (fake_count_of): live "statuses", "tensors", "buffers", "builders",
    /// "context_options", "contexts", "ops", "handles"; or the calls "plugin_computes",
    /// "builtin_computes", and "misuse" (deletes twice, uses after delete, a context deleted before its ops).
    /// </summary>
    public static unsafe long Count(nint library, string kind)
    {
        var count = (delegate* unmanaged[Cdecl]<byte*, long>)NativeLibrary.GetExport(library, "fake_count_of");
        byte[] name = [.. System.Text.Encoding.ASCII.GetBytes(kind), 0];
        fixed (byte* p = name)
        {
            long value = count(p);
            Assert.That(value, Is.Not.EqualTo(-1), $"the fake has no counter '{kind}'");
            return value;
        }
    }

    /// <summary>Every live-object counter of the library, by name.</summary>
    public static Dictionary<string, long> LiveCounts(nint library) =>
        new[] { "statuses", "tensors", "buffers", "builders", "context_options", "contexts", "ops", "handles" }
            .ToDictionary(kind => kind, kind => Count(library, kind));

    /// <summary>What the last misuse the library recorded was.</summary>
    public static unsafe string LastMisuse(nint library) =>
        Marshal.PtrToStringUTF8((nint)((delegate* unmanaged[Cdecl]<byte*>)NativeLibrary.GetExport(library, "fake_last_misuse"))()) ?? "";

    /// <summary>The device name the last TFE_OpSetDevice set.</summary>
    public static unsafe string LastDevice(nint library) =>
        Marshal.PtrToStringUTF8((nint)((delegate* unmanaged[Cdecl]<byte*>)NativeLibrary.GetExport(library, "fake_last_device"))()) ?? "";

    /// <summary>intra_op_parallelism_threads of the last context created (-1 before any).</summary>
    public static unsafe int LastIntraOpThreads(nint library) =>
        ((delegate* unmanaged[Cdecl]<int>)NativeLibrary.GetExport(library, "fake_last_intra_op_threads"))();

    /// <summary>Forgets every kernel registration (TensorFlow has no unregister; only the fake can).</summary>
    public static unsafe void ClearRegistrations(nint library) =>
        ((delegate* unmanaged[Cdecl]<void>)NativeLibrary.GetExport(library, "fake_clear_registrations"))();

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
