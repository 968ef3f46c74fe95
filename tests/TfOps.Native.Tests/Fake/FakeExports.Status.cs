using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfOps.Native.Tests.Fake;

// tensorflow/c/tf_status.h
internal static unsafe partial class FakeExports
{
    // TF_Status* TF_NewStatus(void);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint TF_NewStatus() => Guard(() =>
    {
        Fake.CountStatus(created: true);
        return Fake.Heap.Add(new FakeStatus());
    }, 0);

    // void TF_DeleteStatus(TF_Status*);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_DeleteStatus(nint status) => Guard(() =>
    {
        if (Fake.Heap.Remove<FakeStatus>(status) is { } removed)
        {
            removed.Dispose();
            Fake.CountStatus(created: false);
        }
    });

    // void TF_SetStatus(TF_Status* s, TF_Code code, const char* msg);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_SetStatus(nint status, int code, byte* message)
    {
        string text = Utf8(message);
        Guard(() => Fake.Heap.Get<FakeStatus>(status).Set((TfCode)code, text));
    }

    // TF_Code TF_GetCode(const TF_Status* s);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int TF_GetCode(nint status) => Guard(() => (int)Fake.Heap.Get<FakeStatus>(status).Code, (int)TfCode.Internal);

    // const char* TF_Message(const TF_Status* s);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte* TF_Message(nint status) => (byte*)Guard(() => Fake.Heap.Get<FakeStatus>(status).Text, 0);

    // What every TensorFlow call taking a TF_Status* does first: clear it (set OK).
    private static void Clear(nint status) => Fake.Heap.Get<FakeStatus>(status).Set(TfCode.Ok, string.Empty);

    private static void Fail(nint status, TfCode code, string message) => Fake.Heap.Get<FakeStatus>(status).Set(code, message);
}
