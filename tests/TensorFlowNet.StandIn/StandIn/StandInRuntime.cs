// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.StandIn;

/// <summary>Stand-in only: the runtime the declarations delegate to, installed by the test project.</summary>
public static class StandInRuntime
{
    private static IStandInRuntime s_current;

    /// <exception cref="InvalidOperationException">Nothing installed: the stand-in has no runtime of its own.</exception>
    public static IStandInRuntime Current
    {
        get => s_current ?? throw new InvalidOperationException(
            "The TensorFlow.NET stand-in has no runtime: the test project installs one (Tensorflow.StandIn.StandInRuntime.Current).");
        set => s_current = value;
    }
}
