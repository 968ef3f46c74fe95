namespace TfOps.TensorFlowNet;

/// <summary>Where an eager-mode bias gradient is computed. Graph mode always emits TensorFlow's op.</summary>
public enum TfOpsGradientMode
{
    /// <summary>
    /// Eager: the TfOps managed kernel reads the gradient's host buffer in place (no TensorFlow op runs).
    /// Graph: TensorFlow's <c>BiasAddGrad</c> op is emitted.
    /// </summary>
    ManagedInEager = 0,

    /// <summary>Always TensorFlow's <c>BiasAddGrad</c> op, served by whichever kernel TensorFlow picks.</summary>
    TensorFlowKernel = 1,

    /// <summary>
    /// TensorFlow's op while the TfOps native kernel registration is active (so TensorFlow dispatches to
    /// the TfOps kernel and the op stays visible to outer tapes), the managed kernel otherwise.
    /// Needs <see cref="TfOpsGradientOptions.IsNativePluginActive"/>.
    /// </summary>
    FollowNativePlugin = 2,
}
