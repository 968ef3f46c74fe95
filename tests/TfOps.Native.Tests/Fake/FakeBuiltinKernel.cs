using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfOps.Native.Tests.Fake;

/// <summary>
/// Stands for TensorFlow's own CPU kernel (priority 0, no label): when it is picked, the run fails
/// with a recognizable message, so a test can tell which kernel TensorFlow chose.
/// </summary>
internal static unsafe class FakeBuiltinKernel
{
    public const string Marker = "TensorFlow's built-in BiasAddGrad kernel ran";

    /// <summary>Adds the built-in registration for <paramref name="dtype"/> to <paramref name="fake"/>.</summary>
    public static void AddTo(FakeTensorFlow fake, TfDataType dtype)
    {
        var builder = new FakeBuilder("BiasAddGrad", "CPU", 0, (nint)(delegate* unmanaged[Cdecl]<void*, nint, void>)&Compute, 0);
        builder.TypeConstraints.Add(("T", dtype));
        fake.AddRegistration(builder);
    }

    // void (*compute_func)(void*, TF_OpKernelContext*)
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Compute(void* kernel, nint context) =>
        FakeTensorFlow.Active.Heap.Get<FakeComputeContext>(context).Failure = (TfCode.Unknown, Marker);
}
