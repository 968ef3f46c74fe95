using TfOps.Native.Interop;
using TfOps.Native.Kernel;
using TfOps.Native.Registration;

namespace TfOps.Native;

/// <summary>
/// Installs TfOps's BiasAddGrad as TensorFlow's CPU kernel through TensorFlow's C kernel API, so that
/// every BiasAddGrad TensorFlow runs in this process (graph or eager, from TensorFlow.NET or any host
/// that loaded TensorFlow) is computed by the managed kernel.
/// </summary>
public static class TensorFlowKernelPlugin
{
    private static readonly Lock s_gate = new();
    private static Installed? s_installed;
    private static TfOpsException? s_brokenBy;

    /// <summary>
    /// How many times TensorFlow has called the managed kernel's compute in this process (failed
    /// calls included). Run one BiasAddGrad and compare: an unchanged count means another kernel
    /// served it (TensorFlow's own, or one cached before <see cref="Register"/> was called).
    /// </summary>
    public static long ComputeCount => KernelCallbacks.Computes;

    /// <summary>
    /// The registration made in this process, or null before <see cref="Register"/> succeeded. Lets
    /// other integrations (TfOps.TensorFlowNet's FollowNativePlugin mode) ask whether TensorFlow's
    /// BiasAddGrad is now the managed kernel.
    /// </summary>
    public static TensorFlowKernelRegistration? Current
    {
        get
        {
            lock (s_gate)
            {
                return s_installed?.Registration;
            }
        }
    }

    /// <summary>True once <see cref="Register"/> has succeeded in this process.</summary>
    public static bool IsRegistered => Current is not null;

    /// <summary>
    /// Registers the kernel once per process; call it before the first BiasAddGrad runs (eager mode
    /// caches kernels). Later calls return the same registration when they pass null or the same
    /// options, and throw FailedPrecondition for different ones: TensorFlow cannot unregister a kernel.
    /// </summary>
    /// <exception cref="TfOpsException">NotFound when no library exports the C kernel API (the message
    /// names every path and symbol tried); FailedPrecondition as above; Unimplemented for a label on a
    /// TensorFlow without TF_KernelBuilder_Label.</exception>
    /// <exception cref="ArgumentException">DataTypes names a dtype outside the op's list, or none.</exception>
    public static TensorFlowKernelRegistration Register(TensorFlowKernelOptions? options = null) =>
        RegisterCore(options, request => KernelApiResolver.Resolve(request.LibraryPath));

    /// <summary>Test seam: registers against a C API bound from any source (a fake in the tests).</summary>
    internal static TensorFlowKernelRegistration RegisterWith(TensorFlowKernelOptions? options, ISymbolSource source) =>
        RegisterCore(options, _ => KernelApiResolver.Bind(source));

    /// <summary>
    /// Test seam: forgets the process-wide registration so that the next test starts clean. Only a
    /// fake C API can honour this; a real TensorFlow keeps every kernel it was given.
    /// </summary>
    internal static void ResetForTests()
    {
        lock (s_gate)
        {
            s_installed = null;
            s_brokenBy = null;
            PluginRuntime.Reset();
        }
    }

    private static TensorFlowKernelRegistration RegisterCore(TensorFlowKernelOptions? options, Func<RegistrationRequest, KernelApi> bind)
    {
        lock (s_gate)
        {
            if (s_brokenBy is not null)
            {
                throw new TfOpsException(TfCode.FailedPrecondition,
                    $"An earlier registration failed after TensorFlow accepted some kernels, which cannot be undone: {s_brokenBy.Message}",
                    s_brokenBy);
            }

            if (s_installed is { } installed)
            {
                return options is null || installed.Request.Accepts(RegistrationRequest.From(options), installed.Registration.LibraryPath)
                    ? installed.Registration
                    : throw new TfOpsException(TfCode.FailedPrecondition,
                        $"The BiasAddGrad kernel is already registered with {installed.Request}; it cannot be registered again with " +
                        $"{RegistrationRequest.From(options)} because TensorFlow cannot unregister a kernel");
            }

            RegistrationRequest request = RegistrationRequest.From(options);
            KernelApi api = bind(request);
            PluginRuntime.Install(api, new KernelOptions { MaxThreads = request.MaxThreads });
            int registered = 0;
            try
            {
                KernelRegistrar.RegisterAll(api, request, ref registered);
            }
            catch (TfOpsException error) when (registered > 0)
            {
                s_brokenBy = error;
                throw;
            }
            catch
            {
                PluginRuntime.Reset(); // nothing reached TensorFlow: a later call may try again
                throw;
            }

            var registration = new TensorFlowKernelRegistration(api.LibraryName, request.Priority, request.Label, request.DataTypes, request.MaxThreads);
            s_installed = new Installed(request, registration);
            return registration;
        }
    }

    private sealed record Installed(RegistrationRequest Request, TensorFlowKernelRegistration Registration);
}
